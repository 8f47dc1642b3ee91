/**
 * Issue 12: the report orders due dates by the day numbers its records keep, not by their text.
 * The text's order is the specification (`nextDue` is the earliest `due` text, the first on a
 * tie; the stricter of rules measuring one duty is the earliest, the later rule on a tie): these
 * check the day-number order against it on generated snapshots under every shipped set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, generateSnapshot, type Obligation } from '../../src/index.js';
import { compareDue } from '../../src/engine/obligation-record.js';

const SETS = ['leeds-2023', 'west-berkshire', 'england-statutory'] as const;
const AS_OF = '2024-04-09';

function byText(a: { due: string | null }, b: { due: string | null }): number {
  const p = a.due ?? '';
  const q = b.due ?? '';
  return p < q ? -1 : p > q ? 1 : 0;
}

/** The earliest due obligation by its text, the first on a tie: `nextDue` as the report defines it. */
function earliestDue(obligations: readonly Obligation[]): Obligation | null {
  let next: Obligation | null = null;
  for (const o of obligations) if (o.status === 'due' && o.due !== null && (next === null || o.due < next.due!)) next = o;
  return next;
}

describe('due dates ordered by day numbers, as their text orders them', () => {
  it('compareDue has the sign of the text comparison for every pair of obligations in a report', () => {
    let pairs = 0;
    let sameDay = 0;
    fc.assert(
      fc.property(fc.nat(50_000), fc.constantFrom(...SETS), (index, ruleSet) => {
        const { obligations } = evaluate(generateSnapshot(5, index, AS_OF), { ruleSet, asOf: AS_OF });
        for (const a of obligations) {
          for (const b of obligations) {
            expect(Math.sign(compareDue(a, b))).toBe(Math.sign(byText(a, b)));
            pairs++;
            if (a !== b && a.due !== null && a.due === b.due) sameDay++;
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(pairs).toBeGreaterThan(10_000);
    expect(sameDay).toBeGreaterThan(0);
  });

  it('orders a date-time after its date and before the next day, and none first, as the text does', () => {
    const plain = (due: string | null) => ({ due }) as Obligation;
    const dues = [null, '2024-03-04', '2024-03-04T09:30:00+00:00', '2024-03-04T10:00:00+01:00', '2024-03-05'];
    for (const a of dues) for (const b of dues) expect(Math.sign(compareDue(plain(a), plain(b)))).toBe(Math.sign(byText({ due: a }, { due: b })));
    // The same from the engine's records: a section 47 visit is due 24 hours after the enquiry
    // started, to the minute when its time is recorded, else by date.
    const s47 = (at?: string) =>
      evaluate(
        { caseId: 'c1', child: { dateOfBirth: '2015-05-01' }, events: [{ id: 'e1', type: 'section-47-started', date: at === undefined ? '2024-03-04' : at.slice(0, 10), ...(at === undefined ? {} : { at }) }] },
        { ruleSet: 'leeds-2023', asOf: '2024-03-04' },
      ).obligations.find((o) => o.ruleId === 'leeds.visits.section-47')!;
    const records = [s47(), s47('2024-03-04T10:15:00+00:00'), s47('2024-03-04T23:30:00+01:00'), s47('2024-03-03T09:00:00-05:00')];
    expect(records.map((o) => o.due)).toEqual(['2024-03-05', '2024-03-05T10:15:00+00:00', '2024-03-05T23:30:00+01:00', '2024-03-04T09:00:00-05:00']);
    for (const a of [...records, ...dues.map(plain)]) for (const b of [...records, ...dues.map(plain)]) expect(Math.sign(compareDue(a, b))).toBe(Math.sign(byText(a, b)));
  });

  it('the next due obligation and the rule that decides a compared duty are those the text picks', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.nat(50_000), fc.constantFrom(...SETS), (index, ruleSet) => {
        const report = evaluate(generateSnapshot(6, index, AS_OF), { ruleSet, asOf: AS_OF });
        expect(report.nextDue).toBe(earliestDue(report.obligations));
        const byDuty = new Map<string, Obligation[]>();
        for (const o of report.obligations) if (o.comparison) byDuty.set(o.comparison.measures, [...(byDuty.get(o.comparison.measures) ?? []), o]);
        for (const members of byDuty.values()) {
          // The later in report order wins a tie: members are listed base set first.
          const stricter = members.reduce((a, b) => (byText(b, a) <= 0 ? b : a));
          for (const o of members) expect(o.comparison!.decides).toBe(o === stricter);
          compared++;
        }
      }),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(0);
  });
});
