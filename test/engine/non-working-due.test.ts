import { describe, expect, it } from 'vitest';
import { ev, one, rule, run, snapshot, summary } from './helpers.js';

/** Calendar-day deadlines that fall at a weekend or on a bank holiday. */
const meeting = (extra: Record<string, unknown> = {}) =>
  rule({
    id: 't.review',
    kind: 'recurring',
    episode: { start: { type: 'child-in-need-plan-started' } },
    phases: [{ interval: { weeks: 6 } }],
    satisfiedBy: { events: [{ type: 'child-in-need-review' }], evidence: 'review' },
    ...extra,
  });
// 2023-11-20 + 6 weeks → 2024-01-01, New Year's Day.
const plan = ev('child-in-need-plan-started', 'p', '2023-11-20');
const heldNextWorkingDay = ev('child-in-need-review', 'r', '2024-01-02');

describe('by default the deadline stays on the day the standard names', () => {
  it('met late by 1 working day, saying the deadline was on a bank holiday', () => {
    const r = run([meeting()], snapshot([plan, heldNextWorkingDay]), '2024-01-03');
    const o = r.obligations.find((x) => x.ruleId === 't.review' && x.instance === 0)!;
    expect([o.status, o.due, o.lateness?.workingDays]).toEqual(['met-late', '2024-01-01', 1]);
    expect(o.explanation).toContain('It was due by 2024-01-01 (due on a bank holiday: the standard counts calendar days, so the deadline is not moved to the next working day)');
  });
  it('says so at a weekend too, for a deadline', () => {
    // 2024-03-02 is a Saturday: 2024-02-24 (a Saturday) + 7 days.
    const d = rule({ id: 't.d', kind: 'deadline', anchor: { type: 'referral' }, due: { days: 7 }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' } });
    const o = one(run([d], snapshot([ev('referral', 'r', '2024-02-24')]), '2024-03-01'), 't.d');
    expect(o.explanation).toBe(
      'Due by 2024-03-02 (due at a weekend: the standard counts calendar days, so the deadline is not moved to the next working day) (case case-T1): the child must be visited (Test Practice Standards, Visiting Timescales). Counted from the referral on 2024-02-24.',
    );
  });
});

describe("a rule may roll such deadlines to the next working day, as data", () => {
  it('and the meeting on the next working day is met', () => {
    const r = run([meeting({ onNonWorkingDay: 'next-working-day' })], snapshot([plan, heldNextWorkingDay]), '2024-01-03');
    expect(summary(r, 't.review')).toEqual(['met 2024-01-02 by r', 'due 2024-02-13']);
    expect(r.obligations[0]!.explanation).toContain('It was due by 2024-01-02 (2024-01-01 falls on a bank holiday, so the deadline moves to the next working day)');
  });
  it('working-day timescales never need it', () => {
    const d = rule({ id: 't.w', kind: 'deadline', anchor: { type: 'referral' }, due: { workingDays: 5 }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' } });
    expect(one(run([d], snapshot([ev('referral', 'r', '2023-12-20')]), '2023-12-21'), 't.w').explanation).not.toContain('bank holiday');
  });
});
