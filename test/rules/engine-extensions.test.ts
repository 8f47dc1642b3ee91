import { typeNumber } from '../../src/engine/event-types.js';
import { describe, expect, it } from 'vitest';
import { evaluate, parseRuleSet } from '../../src/index.js';
import { compileSelector } from '../../src/engine/select.js';
import type { PreparedEvent } from '../../src/engine/prepared.js';

// Small engine extensions the Leeds table needs: the nth satisfying event of a deadline, and
// selector matches for "absent or a value", "at least a number" and "a list that contains".

const cite = { document: 'Test', section: 'Test', quote: 'Test.' };
const set = (rules: Record<string, unknown>[]) =>
  parseRuleSet({ id: 'ext', title: 'ext', authority: 'ext', source: 'ext', inForce: { from: '2000-01-01' }, rules: rules.map((r) => ({ area: 'visits', title: 't', requirement: 'r', cite, ...r })) });
const event = (raw: Record<string, unknown>): PreparedEvent => ({ id: 'e', type: String(raw.type), typeNumber: typeNumber(String(raw.type)), day: 0, minute: undefined, offset: 0, raw });

describe('deadline satisfiedBy.nth', () => {
  const rules = set([
    { id: 'ext.second', kind: 'deadline', anchor: { type: 'decision-to-assess' }, due: { workingDays: 20 }, satisfiedBy: { events: [{ type: 'assessment-progress-review' }], evidence: 'second review', nth: 2 } },
  ]);
  const snap = (dates: string[]) => ({
    caseId: 'c',
    child: { dateOfBirth: '2015-01-01' },
    events: [{ type: 'decision-to-assess', id: 'd', date: '2024-01-02' }, ...dates.map((date, i) => ({ type: 'assessment-progress-review', id: `r${i}`, date }))],
  });
  // 2024-01-02 + 20 working days: Jan 3-5 (3), 8-12 (8), 15-19 (13), 22-26 (18), 29, 30 (20) → 2024-01-30
  it('is met by the second matching event, not the first', () => {
    const o = evaluate(snap(['2024-01-10', '2024-01-29']), { ruleSet: rules, asOf: '2024-02-10' }).obligations[0]!;
    expect([o.status, o.due, o.satisfiedBy?.eventId]).toEqual(['met', '2024-01-30', 'r1']);
  });
  it('one event is not enough', () => {
    const o = evaluate(snap(['2024-01-10']), { ruleSet: rules, asOf: '2024-02-10' }).obligations[0]!;
    expect([o.status, o.due]).toEqual(['overdue', '2024-01-30']);
  });
  it('must be a positive whole number', () => {
    expect(() => set([{ id: 'ext.bad', kind: 'deadline', anchor: { type: 'referral' }, due: { days: 1 }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'v', nth: 0 } }])).toThrow(/nth/);
  });
});

describe('selector where', () => {
  it('null in a list matches an absent field as well as the listed values', () => {
    const s = compileSelector({ type: 'significant-event', where: { emergency: [false, null] } });
    expect([{}, { emergency: false }, { emergency: true }].map((f) => s.test(event({ type: 'significant-event', ...f })))).toEqual([true, true, false]);
  });
  it('{ atLeast } matches numbers at or above the bound, and nothing else', () => {
    const s = compileSelector({ type: 'placement-started', where: { shortBreakHoursPerYear: { atLeast: 70 } } });
    expect([69.9, 70, 400, '80', undefined].map((h) => s.test(event({ type: 'placement-started', shortBreakHoursPerYear: h })))).toEqual([false, true, true, false, false]);
  });
  it('a list-valued field matches when it contains the value (or any of a list)', () => {
    const chair = compileSelector({ type: 'report-shared', where: { sharedWith: 'chair' } });
    const parents = compileSelector({ type: 'report-shared', where: { sharedWith: ['parents', 'carers'] } });
    const ev = (sharedWith: unknown) => event({ type: 'report-shared', sharedWith });
    expect([ev(['parents', 'chair']), ev(['carers']), ev([]), ev(undefined)].map((e) => [chair.test(e), parents.test(e)])).toEqual([
      [true, true],
      [false, true],
      [false, false],
      [false, false],
    ]);
  });
  it('plain equality is unchanged, and other object forms are rejected by the rule schema', () => {
    const s = compileSelector({ type: 'visit', where: { mode: 'in-person' } });
    expect([s.test(event({ type: 'visit', mode: 'in-person' })), s.test(event({ type: 'visit', mode: 'video' }))]).toEqual([true, false]);
    expect(() => set([{ id: 'ext.bad', kind: 'presence', anchor: { type: 'referral', where: { n: { atMost: 3 } } }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'v' } }])).toThrow();
  });
});
