import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Obligation } from '../../src/index.js';
import { formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';

/**
 * Properties of the two mechanisms the national and Leeds rules share: becoming an eligible
 * child (regulation 40), checked day by day against an independent count, and an absence that
 * ends a private fostering arrangement.
 */
const NEEDS = 'england-statutory.meetings-and-plans.needs-assessment-at-16';
const LEEDS_PF = 'leeds.visits.private-fostering';
const BORN = '2008-02-10';
const b14 = parseIsoDate('2022-02-10');
const b16 = parseIsoDate('2024-02-10');
const b18 = parseIsoDate('2026-02-10');
const AS_OF = '2026-06-01';

/** Periods in care as [start, end] day numbers (end undefined: still in care), from age 12, in order with gaps. */
const periods = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 300 })), { minLength: 0, maxLength: 6 })
  .chain((spans) => fc.tuple(fc.constant(spans), fc.boolean()))
  .map(([spans, openLast]) => {
    let day = parseIsoDate('2020-02-10');
    return spans.map(([gap, length], i) => {
      const start = day + gap;
      day = start + length;
      return { start, end: openLast && i === spans.length - 1 ? undefined : day };
    });
  });

function events(ps: readonly { start: number; end: number | undefined }[]) {
  return ps.flatMap((p, i) => [
    { type: 'became-looked-after', id: `lac${i}`, date: formatIsoDate(p.start) },
    ...(p.end === undefined ? [] : [{ type: 'ceased-looked-after', id: `left${i}`, date: formatIsoDate(p.end) }]),
  ]);
}

function needs(ps: readonly { start: number; end: number | undefined }[], child: Record<string, unknown>): Obligation {
  const report = evaluate({ caseId: 'p', child: { dateOfBirth: BORN, ...child }, events: events(ps) }, { ruleSet: 'england-statutory', asOf: AS_OF });
  return report.obligations.find((o) => o.ruleId === NEEDS)!;
}

/** The first day from 16 and before 18 in care with 91 days in care since 14, counted day by day. */
function oracle(ps: readonly { start: number; end: number | undefined }[]): number | undefined {
  const asOf = parseIsoDate(AS_OF);
  for (let d = b16; d < b18; d++) {
    const inCare = ps.some((p) => p.start <= d && d <= (p.end ?? Infinity) && p.start <= asOf);
    if (!inCare) continue;
    let days = 0;
    for (const p of ps) days += Math.max(0, Math.min(d, p.end ?? Infinity) - Math.max(p.start, b14));
    if (days >= 91) return d;
  }
  return undefined;
}

describe('becoming an eligible child', () => {
  it('the clock starts on the first day the child is eligible, by an independent day-by-day count', () => {
    fc.assert(
      fc.property(periods, (ps) => {
        const o = needs(ps, { careHistoryFrom: BORN });
        const expected = oracle(ps);
        if (expected === undefined) expect(o.status).toBe('not-applicable');
        else expect(o.anchor?.date).toBe(formatIsoDate(expected));
      }),
      { numRuns: 150 },
    );
  });
  it('without the history, the answer is the same or unknown, never a different one', () => {
    fc.assert(
      fc.property(periods, (ps) => {
        const known = needs(ps, { careHistoryFrom: BORN });
        const unsure = needs(ps, {});
        if (unsure.status !== 'unknown') expect([unsure.status, unsure.due]).toEqual([known.status, known.due]);
        else expect(unsure.explanation).toContain('child.careHistoryFrom');
      }),
      { numRuns: 150 },
    );
  });
});

describe('an absence longer than 27 days ends a Leeds private fostering arrangement', () => {
  it('a return within 27 days never changes the visits; one after it never leaves a visit owed for the days away', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 120 }), (awayAfter, daysAway) => {
        const notified = parseIsoDate('2023-06-05');
        const away = notified + awayAfter;
        const back = away + daysAway;
        const asOf = formatIsoDate(back + 1);
        const base = [{ type: 'private-fostering-notified', id: 'n', date: formatIsoDate(notified) }];
        const trip = [
          { type: 'private-fostering-child-away', id: 'aw', date: formatIsoDate(away) },
          { type: 'private-fostering-child-returned', id: 'bk', date: formatIsoDate(back), carer: 'same' },
        ];
        const run = (evs: unknown[]) => evaluate({ caseId: 'pf', child: { dateOfBirth: '2010-01-01' }, events: evs as never }, { ruleSet: 'leeds-2023', asOf }).obligations.filter((o) => o.ruleId === LEEDS_PF);
        const withTrip = run([...base, ...trip]);
        if (daysAway <= 27) {
          expect(withTrip).toEqual(run(base));
        } else {
          // The arrangement ceased on the 28th day away; the return starts a new one, first due 6 weeks on.
          expect(withTrip.at(-1)?.anchor?.eventId).toBe('bk');
          expect(withTrip.at(-1)?.due).toBe(formatIsoDate(back + 42));
          expect(withTrip.filter((o) => o.status === 'overdue' && o.due! > formatIsoDate(away + 27) && o.due! < formatIsoDate(back))).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
