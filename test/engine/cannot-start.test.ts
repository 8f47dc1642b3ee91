import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/calendar/day-number.js';
import { englandAndWales } from '../../src/calendar/index.js';
import { cannotStart } from '../../src/engine/cannot-start.js';
import { EvalContext } from '../../src/engine/context.js';
import { prepare } from '../../src/engine/prepare.js';
import { evaluateRule } from '../../src/engine/rule-obligations.js';
import { rulesFor } from '../../src/engine/rules-for.js';
import { validateSnapshot } from '../../src/engine/validate.js';
import { generateSnapshot, getRuleSet, type Obligation } from '../../src/index.js';
import { SAMPLE_RULES } from './sample-rules.js';

const AS_OF = '2024-04-09';
const calendar = englandAndWales();
const SETS = [SAMPLE_RULES, getRuleSet('leeds-2023'), getRuleSet('west-berkshire'), getRuleSet('england-statutory')];

/** A generated snapshot with some of its events left out, so that more rules have nothing to start them. */
const snapshots = fc
  .record({ seed: fc.integer({ min: 0, max: 1_000_000 }), index: fc.nat(100_000), keep: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ seed, index, keep }) => {
    const s = generateSnapshot(seed, index, AS_OF);
    return { ...s, events: s.events.filter((_, i) => ((i * 7919) % 100) / 100 < keep) };
  });

describe('a rule skipped because nothing can start it', () => {
  /** Checks every skip of a snapshot's rules against full evaluation; counts the skips, and those made by fields. */
  function checkSkips(snapshot: unknown): { skipped: number; byFields: number } {
    let skipped = 0;
    // Skipped although an event of each type it needs is recorded: none matches the rule's fields.
    let byFields = 0;
    const subject = prepare(validateSnapshot(snapshot), parseIsoDate(AS_OF));
    for (const set of SETS) {
      for (const entry of rulesFor(set, AS_OF, undefined)) {
        if ((entry.rule.subject ?? 'child') !== 'child' || !cannotStart(new EvalContext(subject, calendar, false), entry.rule, entry.starts)) continue;
        skipped++;
        if (entry.starts!.every((need) => need.types.some((n) => subject.byTypeNumber[n] !== undefined))) byFields++;
        const found: Obligation[] = [];
        evaluateRule(new EvalContext(subject, calendar), entry, found, undefined);
        expect(found.map((o) => o.status), entry.rule.id).toEqual(['not-applicable']);
      }
    }
    return { skipped, byFields };
  }

  it('would have given exactly one not-applicable obligation, evaluated in full', () => {
    fc.assert(
      fc.property(snapshots, (snapshot) => {
        checkSkips(snapshot);
      }),
      { numRuns: 80 },
    );
  });

  it('would have, on a fixed caseload where many rules are skipped, some by fields alone', () => {
    // The property is about something: counted on the same snapshots every run, not random ones.
    let skipped = 0;
    let byFields = 0;
    for (let i = 0; i < 150; i++) {
      const counts = checkSkips(generateSnapshot(20240409, i, AS_OF));
      skipped += counts.skipped;
      byFields += counts.byFields;
    }
    expect(skipped).toBeGreaterThan(10_000);
    expect(byFields).toBeGreaterThan(500);
  });

  it('is never a rule whose starting event is recorded', () => {
    const snapshot = generateSnapshot(1, 1, AS_OF);
    const subject = prepare(validateSnapshot(snapshot), parseIsoDate(AS_OF));
    const recorded = new Set<string>(snapshot.events.map((e) => e.type));
    const rule = rulesFor(getRuleSet('england-statutory'), AS_OF, undefined).find((e) => e.rule.kind === 'deadline' && 'type' in e.rule.anchor && typeof e.rule.anchor.type === 'string' && recorded.has(e.rule.anchor.type) && !e.rule.appliesWhen);
    expect(rule).toBeDefined();
    expect(cannotStart(new EvalContext(subject, calendar, false), rule!.rule, rule!.starts)).toBe(false);
    const empty = prepare(validateSnapshot({ ...snapshot, events: [] }), parseIsoDate(AS_OF));
    expect(cannotStart(new EvalContext(empty, calendar, false), rule!.rule, rule!.starts)).toBe(true);
  });
});
