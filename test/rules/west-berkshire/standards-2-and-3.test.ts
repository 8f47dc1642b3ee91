import { describe, expect, it } from 'vitest';
import { ev, one, run } from '../england-statutory/helpers.js';

const ADVOCACY = 'west-berkshire.meetings-and-plans.advocacy-referral';

describe('Standard 3: every young person aged 10 or over referred to the advocacy service', () => {
  it('not applicable until West Berkshire is involved', () => {
    const o = one(run('west-berkshire', [ev('strategy-discussion', 'sd', '2021-06-01')], '2022-04-01'), ADVOCACY);
    expect([o.status, o.explanation]).toEqual(['not-applicable', 'Not applicable (case case-WB1): no event that starts this duty is recorded up to 2022-04-01.']);
  });
  it('a young person first known at 12 is due when first known, not since the 10th birthday', () => {
    const o = one(run('west-berkshire', [ev('became-looked-after', 'lac', '2024-06-03')], '2024-06-10'), ADVOCACY);
    expect([o.status, o.due, o.lateness?.calendarDays]).toEqual(['overdue', '2024-06-03', 7]);
    expect(o.explanation).toContain('The date the child became looked after (after the age of 10 years) was on 2024-06-03, so a referral to the advocacy service was due by 2024-06-03');
  });
});
