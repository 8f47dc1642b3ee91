import { describe, expect, it } from 'vitest';
import { ev, one, run } from './helpers.js';

const ASSESS = 'england-statutory.assessment.completion';
const RHI = 'england-statutory.meetings-and-plans.return-home-interview';

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
