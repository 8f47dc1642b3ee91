import { describe, expect, it } from 'vitest';
import { check, ev, one, run } from '../england-statutory/helpers.js';

const CHRONOLOGY = 'west-berkshire.recording.chronology-before-meeting';
const CORE = 'west-berkshire.meetings-and-plans.core-group';
const CIN = 'west-berkshire.meetings-and-plans.child-in-need-meeting';
const ADVOCACY = 'west-berkshire.meetings-and-plans.advocacy-referral';

describe('Standard 2: chronology updated before each conference or Child in Need meeting', () => {
  const cin1 = ev('child-in-need-review', 'm1', '2024-03-15');
  const cin2 = ev('child-in-need-review', 'm2', '2024-04-26');
  const updated = (id: string, date: string) => ev('chronology-updated', id, date);
  it('on time: the day before, or on the day of, the meeting', () => {
    expect(check('west-berkshire', CHRONOLOGY, [updated('c1', '2024-03-14'), cin1], '2024-03-20')).toEqual(['met 2024-03-15 by c1']);
    expect(check('west-berkshire', CHRONOLOGY, [cin1, updated('c1', '2024-03-15')], '2024-03-20')).toEqual(['met 2024-03-15 by c1']);
  });
  it('late: updated after the meeting (which then serves the next meeting)', () => {
    expect(check('west-berkshire', CHRONOLOGY, [cin1, updated('c1', '2024-03-18'), cin2], '2024-05-01')).toEqual(['met-late 2024-03-15 by c1', 'met 2024-04-26 by c1']);
  });
  it('overdue: an update before the first meeting does not count for the next', () => {
    expect(check('west-berkshire', CHRONOLOGY, [updated('c1', '2024-03-14'), cin1, cin2], '2024-05-01')).toEqual(['met 2024-03-15 by c1', 'overdue 2024-04-26']);
  });
  it('due: on the day of the meeting, before any update', () => {
    expect(check('west-berkshire', CHRONOLOGY, [cin1], '2024-03-15')).toEqual(['due 2024-03-15']);
  });
  it('not applicable: no conference or Child in Need meeting', () => {
    expect(check('west-berkshire', CHRONOLOGY, [updated('c1', '2024-03-14')], '2024-05-01')).toEqual(['not-applicable -']);
  });
  it('initial and review conferences count as meetings too', () => {
    const events = [updated('c1', '2024-02-28'), ev('initial-child-protection-conference', 'icpc', '2024-03-01'), ev('review-child-protection-conference', 'rcpc', '2024-06-03')];
    expect(check('west-berkshire', CHRONOLOGY, events, '2024-06-10')).toEqual(['met 2024-03-01 by c1', 'overdue 2024-06-03']);
  });
});

describe('Standard 2: core groups every six weeks', () => {
  // Plan from 2024-05-01: + 42 days = 2024-06-12 (May 1 + 30 = May 31, + 12). First core group
  // 2024-05-16 → + 42 = 2024-06-27 (May 16 + 15 = May 31, + 27); 2024-06-27 + 42 = 2024-08-08.
  const plan = ev('child-protection-plan-started', 'cp', '2024-05-01');
  const cg1 = ev('core-group-meeting', 'cg1', '2024-05-16');
  it('on time', () => {
    expect(check('west-berkshire', CORE, [plan, cg1, ev('core-group-meeting', 'cg2', '2024-06-27')], '2024-07-01')).toEqual([
      'met 2024-06-12 by cg1',
      'met 2024-06-27 by cg2',
      'due 2024-08-08',
    ]);
  });
  it('late', () => {
    expect(check('west-berkshire', CORE, [plan, cg1, ev('core-group-meeting', 'cg2', '2024-06-28')], '2024-07-01')).toEqual([
      'met 2024-06-12 by cg1',
      'met-late 2024-06-27 by cg2',
      'due 2024-08-09',
    ]);
  });
  it('overdue', () => {
    expect(check('west-berkshire', CORE, [plan, cg1], '2024-06-28')).toEqual(['met 2024-06-12 by cg1', 'overdue 2024-06-27']);
  });
  it('due', () => {
    expect(check('west-berkshire', CORE, [plan], '2024-05-10')).toEqual(['due 2024-06-12']);
  });
  it('not applicable: no plan; no further duty once the plan ends', () => {
    expect(check('west-berkshire', CORE, [], '2024-07-01')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', CORE, [plan, cg1, ev('child-protection-plan-ended', 'end', '2024-06-01')], '2024-09-01')).toEqual(['met 2024-06-12 by cg1']);
  });
});

describe('Standard 2: Child in Need meetings every six weeks', () => {
  const plan = ev('child-in-need-plan-started', 'cin', '2024-05-01');
  const m1 = ev('child-in-need-review', 'm1', '2024-05-16');
  it('on time', () => {
    expect(check('west-berkshire', CIN, [plan, m1, ev('child-in-need-review', 'm2', '2024-06-27')], '2024-07-01')).toEqual(['met 2024-06-12 by m1', 'met 2024-06-27 by m2', 'due 2024-08-08']);
  });
  it('late', () => {
    expect(check('west-berkshire', CIN, [plan, m1, ev('child-in-need-review', 'm2', '2024-06-28')], '2024-07-01')).toEqual(['met 2024-06-12 by m1', 'met-late 2024-06-27 by m2', 'due 2024-08-09']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', CIN, [plan, m1], '2024-06-28')).toEqual(['met 2024-06-12 by m1', 'overdue 2024-06-27']);
  });
  it('due', () => {
    expect(check('west-berkshire', CIN, [plan], '2024-06-12')).toEqual(['due 2024-06-12']);
  });
  it('not applicable: no plan; no further duty once the case closes', () => {
    expect(check('west-berkshire', CIN, [], '2024-07-01')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', CIN, [plan, m1, ev('case-closed', 'cc', '2024-06-20')], '2024-09-01')).toEqual(['met 2024-06-12 by m1']);
  });
});

describe('Standard 3: every young person aged 10 or over referred to the advocacy service', () => {
  // Born 2012-03-15 (the helpers' default): 10 on 2022-03-15. Known from a referral at 9.
  const known = ev('referral', 'ref', '2021-06-01');
  it('on time: by the 10th birthday', () => {
    expect(check('west-berkshire', ADVOCACY, [known, ev('advocacy-referral', 'adv', '2022-03-10')], '2022-04-01')).toEqual(['met 2022-03-15 by adv']);
  });
  it('late', () => {
    expect(check('west-berkshire', ADVOCACY, [known, ev('advocacy-referral', 'adv', '2022-03-20')], '2022-04-01')).toEqual(['met-late 2022-03-15 by adv']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', ADVOCACY, [known], '2022-03-16')).toEqual(['overdue 2022-03-15']);
  });
  it('due: shown ahead of the birthday', () => {
    expect(check('west-berkshire', ADVOCACY, [known], '2021-12-01')).toEqual(['due 2022-03-15']);
  });
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
