import { describe, expect, it } from 'vitest';
import { ev, one, rule, run, snapshot } from './helpers.js';

/** From what window a satisfying event counts for a deadline (`satisfiedBy.countsFrom`). */
const carePlan = (countsFrom?: unknown) =>
  rule({
    id: 't.care-plan',
    kind: 'deadline',
    anchor: { type: 'became-looked-after' },
    due: { workingDays: 10 },
    satisfiedBy: { events: [{ type: 'care-plan-completed' }], evidence: 'care plan', ...(countsFrom ? { countsFrom } : {}) },
  });
const since = { since: [{ type: 'referral' }, { type: 'ceased-looked-after' }] };
const inCare = ev('became-looked-after', 'la', '2024-03-04');
const planBefore = ev('care-plan-completed', 'cp', '2024-02-28');

describe('countsFrom.since', () => {
  it('without it, a plan before the anchor does not count', () => {
    expect(one(run([carePlan()], snapshot([ev('referral', 'r', '2024-02-01'), planBefore, inCare]), '2024-04-01'), 't.care-plan').status).toBe('overdue');
  });
  it('a plan made since the referral, before the child became looked after, meets the duty', () => {
    const o = one(run([carePlan(since)], snapshot([ev('referral', 'r', '2024-02-01'), planBefore, inCare]), '2024-04-01'), 't.care-plan');
    expect([o.status, o.satisfiedBy?.eventId]).toEqual(['met', 'cp']);
    expect(o.trace.some((t) => t.detail === 'Care plan counts from the referral.')).toBe(true);
  });
  it('a plan from an earlier period of care does not count', () => {
    const events = [ev('referral', 'r', '2020-02-01'), ev('care-plan-completed', 'old', '2020-03-01'), ev('ceased-looked-after', 'end', '2021-06-01'), inCare];
    expect(one(run([carePlan(since)], snapshot(events), '2024-04-01'), 't.care-plan').status).toBe('overdue');
  });
  it('is unknown, naming the missing fact, when nothing opens the window and only an earlier plan could meet it', () => {
    const o = one(run([carePlan(since)], snapshot([planBefore, inCare]), '2024-04-01'), 't.care-plan');
    expect(o.status).toBe('unknown');
    expect(o.explanation).toContain('no referral or date the child ceased to be looked after is recorded on or before the date the child became looked after on 2024-03-04');
  });
  it('a plan on time after the anchor needs no window', () => {
    const o = one(run([carePlan(since)], snapshot([planBefore, inCare, ev('care-plan-completed', 'cp2', '2024-03-05')]), '2024-04-01'), 't.care-plan');
    expect([o.status, o.satisfiedBy?.eventId]).toEqual(['met', 'cp2']);
  });
});

describe("countsFrom 'any-time' with a link", () => {
  const ppm = rule({
    id: 't.ppm',
    kind: 'deadline',
    anchor: { type: 'placement-started' },
    due: { days: 5 },
    satisfiedBy: { events: [{ type: 'placement-planning-meeting' }], link: 'placementId', evidence: 'placement planning meeting', countsFrom: { since: 'any-time' } },
  });
  const placement = ev('placement-started', 'p', '2024-03-04', { placementId: 'P2', kind: 'foster' });
  it('a meeting before the placement counts when it names the placement', () => {
    expect(one(run([ppm], snapshot([ev('placement-planning-meeting', 'm', '2024-02-27', { placementId: 'P2' }), placement]), '2024-04-01'), 't.ppm').status).toBe('met');
  });
  it('one naming no placement counts only from the placement', () => {
    expect(one(run([ppm], snapshot([ev('placement-planning-meeting', 'm', '2024-02-27'), placement]), '2024-04-01'), 't.ppm').status).toBe('overdue');
  });
});
