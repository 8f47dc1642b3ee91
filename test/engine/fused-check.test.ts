/**
 * Issue 12: validation records what preparation needs as it passes (ids, dates, their day
 * numbers), dates are read with table arithmetic, and preparation sorts only when it must.
 * Differential tests against the implementation before (`./legacy`): the same answers on
 * generated, shuffled, mutated and changed-after-checking snapshots.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateSnapshot, SnapshotError, WorkerSnapshot } from '../../src/index.js';
import { formatIsoDate, tryParseIsoDate, tryParseIsoDateTime } from '../../src/calendar/day-number.js';
import { compileReader } from '../../src/engine/accept.js';
import { prepare } from '../../src/engine/prepare.js';
import type { PreparedSubject } from '../../src/engine/prepared.js';
import { hasRepeat } from '../../src/engine/repeats.js';
import { checkSnapshot } from '../../src/engine/validate.js';
import { tryParseIsoDate as legacyParseDate, tryParseIsoDateTime as legacyParseDateTime } from './legacy/day-number.js';
import { prepare as legacyPrepare } from './legacy/prepare.js';
import { checkSnapshot as legacyCheck } from './legacy/validate.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const AS_OF = tryParseIsoDate('2024-04-09')!;

/** What a check gives, in a form to compare: the snapshot (and whether it is the input itself) and warnings, or the error. */
function outcome(check: typeof checkSnapshot, input: unknown, strict: boolean): unknown {
  try {
    const { snapshot, warnings } = check(input, { strict });
    return { ok: true, same: snapshot === input, snapshot, warnings };
  } catch (e) {
    if (!(e instanceof SnapshotError)) throw e;
    return { ok: false, caseId: e.caseId, problems: e.problems, message: e.message };
  }
}

/** A prepared subject as plain data, `byId` and `byTypeNumber` included. */
function plain(s: PreparedSubject): unknown {
  return {
    subject: s.subject, id: s.id, team: s.team, worker: s.worker, facts: s.facts, birthDay: s.birthDay, asOf: s.asOf,
    events: s.events, byTypeNumber: s.byTypeNumber, byId: [...s.byId], variations: s.variations, schoolTerms: s.schoolTerms,
  };
}

/** Every path to a value inside a JSON value. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function changedAt(root: Json, path: (string | number)[], how: 'replace' | 'delete' | 'add', value: unknown): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return copy;
  let parent = copy as unknown as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const key = path.at(-1)!;
  if (how === 'replace' || Array.isArray(parent)) parent[key] = value;
  else if (how === 'delete') delete parent[key];
  else parent[`${String(key)}Extra`] = value;
  return copy;
}

const nearDate = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const mangled = fc.tuple(nearDate, fc.nat(9), fc.constantFrom(...'0123456789/-T :Z+a'.split(''))).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
const replacement = fc.oneof(
  nearDate,
  fc.constantFrom('2024-03-04T09:30:00+01:00', '2024-03-05T09:30:00Z', 'e1', 'e2', 'visit', 'placement-changed', 'foster', 'in-person'),
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(undefined, null, 0, -1, 1.5, [], {}),
);

describe('reading ISO dates with tables', () => {
  it('gives what the reader before did for every year, month 0 to 13 and day 0 to 32 edge', () => {
    let checked = 0;
    for (let y = 0; y <= 9999; y++) {
      const year = String(y).padStart(4, '0');
      for (let m = 0; m <= 13; m++) {
        for (const d of [0, 1, 27, 28, 29, 30, 31, 32]) {
          const s = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (tryParseIsoDate(s) !== legacyParseDate(s)) expect(tryParseIsoDate(s), s).toBe(legacyParseDate(s));
          checked++;
        }
      }
    }
    expect(checked).toBe(10_000 * 14 * 8);
  });

  it('and on arbitrary and mangled text, and on values that are not text', () => {
    fc.assert(
      fc.property(fc.oneof(nearDate, mangled, fc.string({ maxLength: 12 }), fc.anything()), (s) => {
        expect(tryParseIsoDate(s)).toBe(legacyParseDate(s));
        expect(tryParseIsoDateTime(s)).toEqual(legacyParseDateTime(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('finding a repeated id', () => {
  it('agrees with a Set, in short lists, long ones (past the shared table) and lists of near-identical text', () => {
    const id = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('e1', 'e2', 'e10', 'e01', ''));
    fc.assert(
      fc.property(fc.oneof(fc.array(id, { maxLength: 60 }), fc.array(id, { minLength: 2000, maxLength: 2600 })), (ids) => {
        expect(hasRepeat(ids)).toBe(new Set(ids).size !== ids.length);
      }),
      { numRuns: 300 },
    );
    const distinct = Array.from({ length: 5000 }, (_, i) => `e${i}`);
    expect(hasRepeat(distinct)).toBe(false);
    expect(hasRepeat([...distinct, 'e4999'])).toBe(true);
    // The shared table is cleared after use: the same ids again are still distinct.
    expect(hasRepeat(distinct.slice(0, 40))).toBe(false);
  });
});

describe('the compiled check records the fields the checks across events read', () => {
  it('in the order of the events, undefined where absent', () => {
    const worker = compileReader(WorkerSnapshot, 'events', ['id', 'date', 'kind'])!;
    const w = {
      workerId: 'w1', role: 'social-worker', startedOn: '2024-01-08',
      events: [{ type: 'supervision-session', id: 's1', date: '2024-01-15', kind: 'personal' }, { type: 'appraisal', id: 'a1', date: '2024-02-01' }],
    };
    expect(worker.accept(w)).toBe(true);
    expect(worker.length).toBe(2);
    expect(worker.columns.map((c) => c.slice(0, worker.length))).toEqual([['s1', 'a1'], ['2024-01-15', '2024-02-01'], ['personal', undefined]]);
    expect(worker.days[1]!.slice(0, 2)).toEqual([tryParseIsoDate('2024-01-15'), tryParseIsoDate('2024-02-01')]);
    // A shorter list next time: its own values, the rest of the columns not counted.
    expect(worker.accept({ ...w, events: [{ type: 'appraisal', id: 'a2', date: '2024-03-01' }] })).toBe(true);
    expect(worker.length).toBe(1);
    expect(worker.columns.map((c) => c.slice(0, worker.length))).toEqual([['a2'], ['2024-03-01'], [undefined]]);
  });

  it("and tags each element of a union with its discriminator's number, values sharing an option told apart", () => {
    const Element = z.discriminatedUnion('type', [z.object({ type: z.literal(['a', 'b']), id: z.string() }), z.object({ type: z.literal('c'), id: z.string() })]);
    const numbers: Record<string, number> = { a: 7, b: 8, c: 9 };
    const reader = compileReader(z.object({ events: z.array(Element) }), 'events', ['id'], (type) => numbers[type as string]!)!;
    expect(reader.accept({ events: [{ type: 'b', id: '1' }, { type: 'c', id: '2' }, { type: 'a', id: '3' }, { type: 'b', id: '4' }] })).toBe(true);
    expect(reader.tags.slice(0, reader.length)).toEqual([8, 9, 7, 8]);
    expect(reader.columns[0]!.slice(0, reader.length)).toEqual(['1', '2', '3', '4']);
    expect(reader.accept({ events: [{ type: 'c', id: '5' }] })).toBe(true);
    expect(reader.tags.slice(0, reader.length)).toEqual([9]);
    expect(reader.accept({ events: [{ type: 'd', id: '6' }] })).toBe(false);
    expect(() => compileReader(z.object({ events: z.array(z.object({ id: z.string() })) }), 'events', ['id'], () => 0)).toThrow(/not an array of a union/);
  });
});

describe('validation and preparation give what they gave before', () => {
  it('on generated snapshots, in order and shuffled, as of dates before and after their events', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(100_000), fc.boolean(), fc.integer({ min: -800, max: 200 }), (seed, index, shuffle, shift) => {
        const s = generateSnapshot(seed, index, '2024-04-09') as unknown as { events: unknown[] };
        if (shuffle) s.events.reverse();
        expect(outcome(checkSnapshot, s, false)).toEqual(outcome(legacyCheck, s, false));
        const { snapshot } = checkSnapshot(s);
        expect(plain(prepare(snapshot, AS_OF + shift))).toEqual(plain(legacyPrepare(snapshot, AS_OF + shift)));
      }),
      { numRuns: 150 },
    );
  });

  it('with the events in any order: a few moved (the sort by insertion) or many (the general sort)', () => {
    fc.assert(
      fc.property(fc.nat(5_000), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 120 }), fc.integer({ min: -300, max: 100 }), (index, swaps, shift) => {
        const s = generateSnapshot(13, index, '2024-04-09') as unknown as { events: unknown[] };
        const n = s.events.length;
        for (const [a, b] of swaps) [s.events[a % n], s.events[b % n]] = [s.events[b % n], s.events[a % n]];
        const { snapshot } = checkSnapshot(s);
        expect(plain(prepare(snapshot, AS_OF + shift))).toEqual(plain(legacyPrepare(snapshot, AS_OF + shift)));
      }),
      { numRuns: 300 },
    );
  });

  it('after any one change to a generated snapshot (a value replaced, a key removed or added), strict or not', () => {
    fc.assert(
      fc.property(fc.nat(5_000), fc.nat(), replacement, fc.constantFrom('replace', 'delete', 'add'), fc.boolean(), (index, pick, value, how, strict) => {
        const s = generateSnapshot(11, index, '2024-04-09') as unknown as Json;
        const all = paths(s);
        const changed = changedAt(s, all[pick % all.length]!, how as 'replace' | 'delete' | 'add', value);
        const now = outcome(checkSnapshot, changed, strict);
        expect(now, JSON.stringify(all[pick % all.length])).toEqual(outcome(legacyCheck, changed, strict));
        if ((now as { ok: boolean }).ok) {
          const { snapshot } = checkSnapshot(changed, { strict });
          expect(plain(prepare(snapshot, AS_OF))).toEqual(plain(legacyPrepare(snapshot, AS_OF)));
        }
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('on repeated ids, date-times on another day, and worker snapshots with periods', () => {
    const base = generateSnapshot(3, 7, '2024-04-09') as unknown as { events: Record<string, unknown>[] };
    const repeated = structuredClone(base);
    repeated.events[5]!.id = repeated.events[1]!.id;
    repeated.events[9]!.id = repeated.events[1]!.id;
    repeated.events[2]!.at = '2020-01-01T10:00:00Z';
    expect(outcome(checkSnapshot, repeated, false)).toEqual(outcome(legacyCheck, repeated, false));
    const worker = {
      workerId: 'w1', role: 'newly-qualified-social-worker', startedOn: '2024-01-08',
      periods: [{ kind: 'returning-to-work', start: '2024-01-08', end: '2024-03-01' }, { kind: 'change-of-role', start: '2024-05-01', end: '2024-04-01' }],
      events: [{ type: 'supervision-session', id: 's2', date: '2024-01-15' }, { type: 'supervision-session', id: 's1', date: '2024-01-15', kind: 'case' }],
    };
    expect(outcome(checkSnapshot, worker, false)).toEqual(outcome(legacyCheck, worker, false));
    worker.periods.pop();
    const { snapshot } = checkSnapshot(worker);
    expect(plain(prepare(snapshot, AS_OF))).toEqual(plain(legacyPrepare(snapshot, AS_OF)));
  });

  it('reads dates afresh for a snapshot changed after it was prepared, or for one that was not the last checked', () => {
    fc.assert(
      fc.property(fc.nat(5_000), fc.nat(), fc.integer({ min: -400, max: 400 }), (index, pick, shift) => {
        const s = generateSnapshot(5, index, '2024-04-09');
        const other = generateSnapshot(6, index, '2024-04-09');
        checkSnapshot(s);
        // The same position in a different snapshot: its own dates.
        expect(plain(prepare(other, AS_OF))).toEqual(plain(legacyPrepare(other, AS_OF)));
        // A snapshot just checked is prepared from what the check read (./fused-prepare.test.ts):
        // prepared again after a change, it is read afresh.
        prepare(checkSnapshot(s).snapshot, AS_OF);
        const e = s.events[pick % s.events.length]! as { date: string };
        e.date = formatIsoDate(tryParseIsoDate(e.date)! + shift);
        expect(plain(prepare(s, AS_OF))).toEqual(plain(legacyPrepare(s, AS_OF)));
      }),
      { numRuns: 200 },
    );
  });

  it('builds byId only when it is read, with the events it would have held', () => {
    const s = generateSnapshot(9, 1, '2024-04-09');
    const subject = prepare(checkSnapshot(s).snapshot, AS_OF);
    expect(subject.byId).toBe(subject.byId);
    expect([...subject.byId.values()]).toEqual(subject.events);
  });
});
