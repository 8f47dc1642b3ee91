import { describe, expect, it } from 'vitest';
import { ev, one, run } from './helpers.js';

const NEEDS = 'england-statutory.meetings-and-plans.needs-assessment-at-16';
const ASSESS = 'england-statutory.assessment.completion';
const RHI = 'england-statutory.meetings-and-plans.return-home-interview';

describe('regulation 42: needs assessment of an eligible child within three months of turning 16', () => {
  // Born 2008-02-10: 16 on 2024-02-10, due + 3 months = 2024-05-10. In care since 2023-09-01.
  const child = { child: { dateOfBirth: '2008-02-10' } };
  const inCare = [ev('became-looked-after', 'lac', '2023-09-01')];
  it('not applicable: never looked after, or not looked after on the 16th birthday', () => {
    const never = one(run('england-statutory', [], '2024-06-01', child), NEEDS);
    expect([never.status, never.explanation]).toEqual(['not-applicable', 'Not applicable (case case-WB1): no date the child became looked after is recorded.']);
    const left = one(run('england-statutory', [...inCare, ev('ceased-looked-after', 'c', '2023-12-01')], '2024-06-01', child), NEEDS);
    expect(left.status).toBe('not-applicable');
    expect(left.explanation).toContain('the child did not become an eligible child');
  });
});

describe('Working Together 2023: assessment within 45 working days of the referral', () => {
  // Referral Monday 2024-01-08: Jan 9-12 (4), 15-19 (9), 22-26 (14), 29 Jan-2 Feb (19), 5-9 (24),
  // 12-16 (29), 19-23 (34), 26 Feb-1 Mar (39), 4-8 Mar (44), 11 Mar (45) → 2024-03-11.
  const referral = ev('referral', 'ref', '2024-01-08');
  it('late', () => {
    const o = one(run('england-statutory', [referral, ev('assessment-authorised', 'a', '2024-03-12')], '2024-04-01'), ASSESS);
    expect([o.status, o.lateness?.workingDays]).toEqual(['met-late', 1]);
  });
});

describe('missing children guidance: return interview within 72 hours of the return', () => {
  const returned = (at?: string) => ev('missing-episode-ended', 'back', '2024-03-04', { episodeId: 'm1', ...(at ? { at } : {}) });
  const gone = ev('missing-episode-started', 'gone', '2024-03-02', { episodeId: 'm1' });
  const interview = (date: string, at?: string, episodeId = 'm1') => ev('return-interview', 'ri', date, { episodeId, ...(at ? { at } : {}) });
  it('late: an hour after the 72 hours', () => {
    const o = one(run('england-statutory', [gone, returned('2024-03-04T10:00:00+00:00'), interview('2024-03-07', '2024-03-07T11:00:00+00:00')], '2024-03-10'), RHI);
    expect([o.status, o.lateness?.hours]).toEqual(['met-late', 1]);
  });
});
