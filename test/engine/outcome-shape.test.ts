import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/calendar/day-number.js';
import { englandAndWales } from '../../src/calendar/index.js';
import { EvalContext, UnknownFact } from '../../src/engine/context.js';
import { evaluatorOf } from '../../src/engine/kinds.js';
import { dueAt, dueOn, judge, outcome, pointOf, type Outcome } from '../../src/engine/outcome.js';
import { prepare } from '../../src/engine/prepare.js';
import { rulesFor } from '../../src/engine/rules-for.js';
import { validateSnapshot } from '../../src/engine/validate.js';
import { generateSnapshot, getRuleSet } from '../../src/index.js';
import { SAMPLE_RULES } from './sample-rules.js';

const AS_OF = '2024-04-09';
const calendar = englandAndWales();
const SETS = [SAMPLE_RULES, getRuleSet('leeds-2023'), getRuleSet('west-berkshire'), getRuleSet('england-statutory')];

// The one shape of each, as its factory makes it.
const OUTCOME_KEYS = Object.keys(outcome({ instance: 0, status: 'met', trace: [] }));
const DUE_KEYS = Object.keys(dueOn(0));
const POINT_KEYS = Object.keys(pointOf(0));

/** Every outcome each rule's kind gives for a snapshot, traced and not (the fast path and the text's), by kind. */
function outcomesOf(snapshot: unknown): Map<string, Outcome[]> {
  const subject = prepare(validateSnapshot(snapshot), parseIsoDate(AS_OF));
  const byKind = new Map<string, Outcome[]>();
  for (const set of SETS) {
    for (const { rule } of rulesFor(set, AS_OF, undefined)) {
      if ((rule.subject ?? 'child') !== 'child') continue;
      for (const tracing of [false, true]) {
        try {
          const found = evaluatorOf(rule).evaluate(new EvalContext(subject, calendar, tracing), rule);
          byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), ...found]);
        } catch (e) {
          if (!(e instanceof UnknownFact)) throw e;
        }
      }
    }
  }
  return byKind;
}

/** Fails unless an outcome, its due point and where its lateness is measured to each have their factory's shape. */
function expectOneShape(o: Outcome, kind: string): void {
  expect(Object.keys(o), kind).toEqual(OUTCOME_KEYS);
  if (o.due !== undefined) expect(Object.keys(o.due), kind).toEqual(DUE_KEYS);
  if (o.lateTo !== undefined) expect(Object.keys(o.lateTo), kind).toEqual(POINT_KEYS);
}

// The engine reads every outcome at the same few places (lateness, the record, the explanation):
// outcomes of one shape are read there in place, where many shapes make each read a lookup.
describe('outcomes of one shape', () => {
  it('every kind gives outcomes, due points and lateness points of the one shape their factories make', () => {
    // On a fixed caseload, so that every kind is seen every run.
    const seen = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      for (const [kind, found] of outcomesOf(generateSnapshot(20240409, i, AS_OF))) {
        for (const o of found) expectOneShape(o, kind);
        seen.set(kind, (seen.get(kind) ?? 0) + found.length);
      }
    }
    expect([...seen.keys()].sort()).toEqual(['before-event', 'count-in-window', 'deadline', 'presence', 'recurring']);
    for (const [kind, n] of seen) expect(n, kind).toBeGreaterThan(0);
  });

  it('holds for any generated snapshot', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.nat(100_000), (seed, index) => {
        for (const [kind, found] of outcomesOf(generateSnapshot(seed, index, AS_OF))) for (const o of found) expectOneShape(o, kind);
      }),
      { numRuns: 40 },
    );
  });

  it('is the shape of a due point to the minute, and of every verdict that is late', () => {
    expect(Object.keys(dueAt(1, 1440, 60))).toEqual(DUE_KEYS);
    expect(Object.keys(judge(dueOn(10), { day: 12 }, 20).lateTo!)).toEqual(POINT_KEYS);
    expect(Object.keys(judge(dueAt(10, 14400, 0), { day: 10, minute: 14500 }, 20).lateTo!)).toEqual(POINT_KEYS);
    expect(Object.keys(judge(dueOn(10), undefined, 20).lateTo!)).toEqual(POINT_KEYS);
  });
});
