import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of } from './helpers.js';

describe('leeds.reviews.child-in-need', () => {
  const id = 'leeds.reviews.child-in-need';
  // 6 weekly = 42 days: 2023-11-20 + 42 → 2024-01-01 (a bank holiday, but the interval is in calendar days);
  // 2023-12-29 + 42 → 2024-02-09
  const plan = ev('child-in-need-plan-started', 'p1', '2023-11-20');
  it('on time', () => {
    expect(check(id, child([plan, ev('child-in-need-review', 'r1', '2023-12-29')]), '2024-01-05')).toEqual(['met 2024-01-01 by r1', 'due 2024-02-09']);
  });
  it('late', () => {
    // 2024-01-02 + 42 → 2024-02-13
    expect(check(id, child([plan, ev('child-in-need-review', 'r1', '2024-01-02')]), '2024-01-05')).toEqual(['met-late 2024-01-01 by r1', 'due 2024-02-13']);
  });
  it('overdue', () => {
    expect(check(id, child([plan]), '2024-01-02')).toEqual(['overdue 2024-01-01']);
  });
  it('still due', () => {
    expect(check(id, child([plan]), '2023-12-20')).toEqual(['due 2024-01-01']);
  });
  it('not applicable without a child in need plan', () => {
    expect(check(id, child([ev('child-in-need-review', 'r1', '2023-12-29')]), '2024-01-05')).toEqual(['not-applicable -']);
  });
  describe('intervals agreed by the line manager or the multi-agency group', () => {
    const v = (agreedBy: string[], interval: Record<string, number>) => ({ kind: 'interval', id: 'iv', ruleId: id, interval, agreedBy, agreedOn: '2023-11-20' });
    it('the multi-agency group may set up to 3-monthly reviews', () => {
      // 2023-11-20 + 3 months → 2024-02-20
      expect(check(id, child([plan], { variations: [v(['multi-agency-group'], { months: 3 })] }), '2024-01-05')).toEqual(['due 2024-02-20']);
    });
    it('the line manager may agree 4-weekly reviews but not 3-monthly ones', () => {
      // 2023-11-20 + 28 days → 2023-12-18; refused → the standard 2024-01-01
      expect(check(id, child([plan], { variations: [v(['team-manager'], { weeks: 4 })] }), '2023-12-19')).toEqual(['overdue 2023-12-18']);
      expect(check(id, child([plan], { variations: [v(['team-manager'], { months: 3 })] }), '2023-12-19')).toEqual(['due 2024-01-01']);
    });
  });
});

describe('leeds.reviews.child-in-need-9-months', () => {
  const id = 'leeds.reviews.child-in-need-9-months';
  // 2023-05-31 + 9 months → 2024-02-31, clamped to the month's end: 2024-02-29 (leap year)
  const plan = ev('child-in-need-plan-started', 'p1', '2023-05-31');
  it('on time', () => {
    expect(check(id, child([plan, ev('service-delivery-manager-review', 's1', '2024-02-20')]), '2024-03-10')).toEqual(['met 2024-02-29 by s1']);
  });
  it('late', () => {
    expect(check(id, child([plan, ev('service-delivery-manager-review', 's1', '2024-03-04')]), '2024-03-10')).toEqual(['met-late 2024-02-29 by s1']);
  });
  it('overdue: a team manager review is not a Service Delivery Manager review', () => {
    expect(check(id, child([plan, ev('child-in-need-review', 'r1', '2024-02-20')]), '2024-03-01')).toEqual(['overdue 2024-02-29']);
  });
  it('still due', () => {
    expect(check(id, child([plan]), '2024-02-01')).toEqual(['due 2024-02-29']);
  });
  it('not applicable when the plan ends within 9 months', () => {
    expect(check(id, child([plan, ev('child-in-need-plan-ended', 'e1', '2023-12-01')]), '2024-03-10')).toEqual(['not-applicable 2024-02-29']);
  });
});

describe('leeds.meetings.initial-child-protection-conference', () => {
  const id = 'leeds.meetings.initial-child-protection-conference';
  // 2023-12-13 (Wed) + 15 working days: 14, 15 (2), 18-22 (7), (25, 26), 27, 28, 29 (10), (Jan 1), 2, 3, 4, 5 (14), 8 (15) → 2024-01-08
  const s47 = ev('section-47-started', 's1', '2023-12-13');
  it('on time', () => {
    expect(check(id, child([ev('strategy-discussion', 'sd', '2023-12-13'), s47, ev('initial-child-protection-conference', 'c1', '2024-01-08')]), '2024-01-10')).toEqual(['met 2024-01-08 by c1']);
  });
  it('late', () => {
    expect(check(id, child([s47, ev('initial-child-protection-conference', 'c1', '2024-01-09')]), '2024-01-10')).toEqual(['met-late 2024-01-08 by c1']);
  });
  it('overdue', () => {
    expect(check(id, child([s47]), '2024-01-09')).toEqual(['overdue 2024-01-08']);
  });
  it('still due', () => {
    expect(check(id, child([s47]), '2024-01-02')).toEqual(['due 2024-01-08']);
  });
  it('not applicable: no enquiry, or the enquiry concluded that no conference is needed', () => {
    expect(check(id, child([ev('strategy-discussion', 'sd', '2023-12-13')]), '2024-01-10')).toEqual(['not-applicable -']);
    expect(check(id, child([s47, ev('section-47-concluded', 'sc', '2023-12-20', { conferenceRequired: false })]), '2024-01-10')).toEqual(['not-applicable 2024-01-08']);
  });
});

describe('leeds.meetings.first-core-group', () => {
  const id = 'leeds.meetings.first-core-group';
  // 2022-09-12 (Mon) + 10 working days: 13, 14, 15, 16 (4), (19 State Funeral), 20, 21, 22, 23 (8), 26, 27 (10) → 2022-09-27
  const plan = ev('child-protection-plan-started', 'cp', '2022-09-12');
  it('on time, past the 2022 State Funeral bank holiday', () => {
    expect(check(id, child([plan, ev('core-group-meeting', 'g1', '2022-09-27')]), '2023-05-01')).toEqual(['met 2022-09-27 by g1']);
  });
  it('late', () => {
    expect(check(id, child([plan, ev('core-group-meeting', 'g1', '2022-09-28')]), '2023-05-01')).toEqual(['met-late 2022-09-27 by g1']);
  });
  it('overdue', () => {
    expect(check(id, child([plan]), '2023-05-01')).toEqual(['overdue 2022-09-27']);
  });
  it('still due, past both May 2023 bank holidays', () => {
    // 2023-04-26 (Wed) + 10: 27, 28 (2), (May 1), 2, 3, 4, 5 (6), (8 Coronation), 9, 10, 11, 12 (10) → 2023-05-12
    expect(check(id, child([ev('child-protection-plan-started', 'cp2', '2023-04-26')]), '2023-05-10')).toEqual(['due 2023-05-12']);
  });
  it('not applicable when the plan ends first', () => {
    expect(check(id, child([ev('child-protection-plan-started', 'cp2', '2023-04-26'), ev('child-protection-plan-ended', 'e', '2023-05-02')]), '2023-05-20')).toEqual(['not-applicable 2023-05-12']);
  });
});

describe('leeds.meetings.core-group', () => {
  const id = 'leeds.meetings.core-group';
  // 6 weeks = 42 days: 2023-06-01 → 07-13; 2023-06-14 → 07-26; 2023-07-26 → 09-06
  const plan = ev('child-protection-plan-started', 'cp', '2023-06-01');
  it('on time', () => {
    expect(check(id, child([plan, ev('core-group-meeting', 'g1', '2023-06-14'), ev('core-group-meeting', 'g2', '2023-07-26')]), '2023-08-01')).toEqual([
      'met 2023-07-13 by g1',
      'met 2023-07-26 by g2',
      'due 2023-09-06',
    ]);
  });
  it('late', () => {
    expect(check(id, child([plan, ev('core-group-meeting', 'g1', '2023-06-14'), ev('core-group-meeting', 'g2', '2023-07-27')]), '2023-08-01')).toEqual([
      'met 2023-07-13 by g1',
      'met-late 2023-07-26 by g2',
      'due 2023-09-07',
    ]);
  });
  it('overdue', () => {
    expect(check(id, child([plan, ev('core-group-meeting', 'g1', '2023-06-14')]), '2023-07-27')).toEqual(['met 2023-07-13 by g1', 'overdue 2023-07-26']);
  });
  it('still due', () => {
    expect(check(id, child([plan]), '2023-07-01')).toEqual(['due 2023-07-13']);
  });
  it('not applicable without a plan', () => {
    expect(check(id, child([ev('core-group-meeting', 'g1', '2023-06-14')]), '2023-07-01')).toEqual(['not-applicable -']);
  });
});

describe.each([
  ['leeds.meetings.conference-report-to-parents', ['parents'], ['chair']],
  ['leeds.meetings.conference-report-to-chair', ['chair'], ['carers', 'family']],
])('%s (before the conference)', (id, to, notTo) => {
  // 3 working days before 2024-01-03 (Wed): 2 (1), (Jan 1 bank hol), Dec 29 (2), Dec 28 (3) → 2023-12-28
  const icpc = ev('initial-child-protection-conference', 'c1', '2024-01-03');
  const shared = (id: string, date: string, sharedWith: string[], forEventId = 'c1') => ev('report-shared', id, date, { forEventId, sharedWith });
  it('on time', () => {
    expect(check(id, child([shared('rs', '2023-12-28', to), icpc]), '2024-01-10')).toEqual(['met 2023-12-28 by rs']);
  });
  it('late', () => {
    expect(check(id, child([shared('rs', '2023-12-29', to), icpc]), '2024-01-10')).toEqual(['met-late 2023-12-28 by rs']);
  });
  it('overdue: a report shared with someone else, or for another meeting, does not count', () => {
    expect(check(id, child([shared('rs', '2023-12-20', notTo), shared('rs2', '2023-12-20', to, 'other'), icpc]), '2024-01-04')).toEqual(['overdue 2023-12-28']);
  });
  it('still due cannot arise: a conference is known only once held, by which time the due date has passed', () => {
    // On the day of the conference with no report: due 2023-12-28 < as-of 2024-01-03 → overdue
    expect(check(id, child([icpc]), '2024-01-03')).toEqual(['overdue 2023-12-28']);
    // A conference dated after the as-of date is not yet known at all
    expect(check(id, child([icpc]), '2023-12-27')).toEqual(['not-applicable -']);
  });
  it('not applicable without a conference', () => {
    expect(check(id, child([ev('section-47-started', 's1', '2023-12-13')]), '2024-01-10')).toEqual(['not-applicable -']);
  });
  it('a review conference after Easter: 3 working days before 2023-04-12 skips Easter Monday and Good Friday', () => {
    // 2023-04-12 (Wed) − 3: 11 (1), (10 Easter Monday), (7 Good Friday), 6 (2), 5 (3) → 2023-04-05
    const rcpc = ev('review-child-protection-conference', 'c2', '2023-04-12');
    expect(check(id, child([rcpc, shared('rs', '2023-04-05', to, 'c2')]), '2023-05-01')).toEqual(['met 2023-04-05 by rs']);
    expect(check(id, child([rcpc, shared('rs', '2023-04-06', to, 'c2')]), '2023-05-01')).toEqual(['met-late 2023-04-05 by rs']);
  });
});

describe('leeds.plans.care-plan', () => {
  const id = 'leeds.plans.care-plan';
  // 2023-04-03 (Mon) + 10 working days: 4, 5, 6 (3), (7 Good Friday, 10 Easter Monday), 11, 12, 13, 14 (7), 17, 18, 19 (10) → 2023-04-19
  const lac = ev('became-looked-after', 'la', '2023-04-03');
  it('on time over Easter', () => {
    expect(check(id, child([lac, ev('care-plan-completed', 'cpl', '2023-04-19')]), '2023-05-01')).toEqual(['met 2023-04-19 by cpl']);
  });
  it('late', () => {
    expect(check(id, child([lac, ev('care-plan-completed', 'cpl', '2023-04-20')]), '2023-05-01')).toEqual(['met-late 2023-04-19 by cpl']);
  });
  it('overdue', () => {
    expect(check(id, child([lac]), '2023-04-25')).toEqual(['overdue 2023-04-19']);
  });
  it('still due over the May bank holidays', () => {
    // 2023-05-02 (Tue) + 10: 3, 4, 5 (3), (8 Coronation), 9, 10, 11, 12 (7), 15, 16, 17 (10) → 2023-05-17
    expect(check(id, child([ev('became-looked-after', 'la2', '2023-05-02')]), '2023-05-10')).toEqual(['due 2023-05-17']);
  });
  it('not applicable when the child stops being looked after before then', () => {
    expect(check(id, child([lac, ev('ceased-looked-after', 'cl', '2023-04-10')]), '2023-05-01')).toEqual(['not-applicable 2023-04-19']);
  });
});

describe('leeds.plans.permanence-plan (ready for the second review)', () => {
  const id = 'leeds.plans.permanence-plan';
  const reviews = [ev('looked-after-review', 'r1', '2023-06-20', { reviewNumber: 1 }), ev('looked-after-review', 'r2', '2023-09-14', { reviewNumber: 2 })];
  it('on time: completed on the day of the second review; the first review asks for nothing', () => {
    expect(check(id, child([...reviews, ev('permanence-plan-completed', 'pp', '2023-09-14')]), '2023-09-20')).toEqual(['met 2023-09-14 by pp']);
  });
  it('late', () => {
    expect(check(id, child([...reviews, ev('permanence-plan-completed', 'pp', '2023-09-15')]), '2023-09-20')).toEqual(['met-late 2023-09-14 by pp']);
  });
  it('overdue', () => {
    expect(check(id, child(reviews), '2023-09-20')).toEqual(['overdue 2023-09-14']);
  });
  it('still due on the day of the second review', () => {
    expect(check(id, child(reviews), '2023-09-14')).toEqual(['due 2023-09-14']);
  });
  it('not applicable before the second review', () => {
    expect(check(id, child([reviews[0]!]), '2023-09-20')).toEqual(['not-applicable -']);
    expect(check(id, child([ev('became-looked-after', 'la', '2023-05-01'), ev('looked-after-review', 'u1', '2023-06-20')]), '2023-09-20')).toEqual(['not-applicable -']);
  });
  describe('reviews without numbers', () => {
    const inCare = ev('became-looked-after', 'la', '2023-05-01');
    const unnumbered = [ev('looked-after-review', 'u1', '2023-06-20'), ev('looked-after-review', 'u2', '2023-09-14'), ev('looked-after-review', 'u3', '2024-03-14')];
    it('are numbered in date order within the period of care', () => {
      expect(check(id, child([inCare, ...unnumbered]), '2024-04-01')).toEqual(['overdue 2023-09-14']);
      expect(check(id, child([inCare, ...unnumbered, ev('permanence-plan-completed', 'pp', '2023-09-01')]), '2024-04-01')).toEqual(['met 2023-09-14 by pp']);
    });
    it('each period of care has its own second review, and a plan from an earlier period does not count', () => {
      const events = [inCare, ...unnumbered.slice(0, 2), ev('permanence-plan-completed', 'pp', '2023-09-01'), ev('ceased-looked-after', 'end', '2023-10-01'), ev('became-looked-after', 'la2', '2024-01-08'), ev('looked-after-review', 'v1', '2024-02-05'), ev('looked-after-review', 'v2', '2024-05-02')];
      expect(check(id, child(events), '2024-06-01')).toEqual(['met 2023-09-14 by pp', 'overdue 2024-05-02']);
    });
    it('are unknown, naming the missing fact, when no date of becoming looked after is recorded', () => {
      const o = of(leeds(child(unnumbered), '2024-04-01'), id);
      expect(o.map((x) => x.status)).toEqual(['unknown']);
      expect(o[0]!.explanation).toContain('no date the child became looked after is recorded on or before the looked-after review on 2023-06-20 and it records no reviewNumber');
    });
    it('reviews that cannot be placed leave the periods of care that can be placed judged', () => {
      const events = [ev('looked-after-review', 'o1', '2022-06-20'), ev('looked-after-review', 'o2', '2022-09-14'), inCare, ev('looked-after-review', 'w1', '2023-06-01'), ev('looked-after-review', 'w2', '2023-08-01')];
      expect(check(id, child(events), '2023-09-20')).toEqual(['overdue 2023-08-01', 'unknown -']);
    });
  });
});

describe('leeds.reviews.pathway-plan', () => {
  const id = 'leeds.reviews.pathway-plan';
  // Born 2007-06-30: 16 on 2023-06-30, + 3 months → 2023-09-30; 2023-09-29 + 6 months → 2024-03-29
  const leaver = { child: { dateOfBirth: '2007-06-30', careLeaver: true } };
  it('on time', () => {
    expect(check(id, child([ev('pathway-plan-review', 'pr', '2023-09-29')], leaver), '2023-10-05')).toEqual(['met 2023-09-30 by pr', 'due 2024-03-29']);
  });
  it('late', () => {
    expect(check(id, child([ev('pathway-plan-review', 'pr', '2023-10-02')], leaver), '2023-10-05')).toEqual(['met-late 2023-09-30 by pr', 'due 2024-04-02']);
  });
  it('overdue: a review before the 16th birthday does not count', () => {
    expect(check(id, child([ev('pathway-plan-review', 'pr', '2023-06-01')], leaver), '2023-10-01')).toEqual(['overdue 2023-09-30']);
  });
  it('still due; a birthday at the end of November gives 29 February 2024', () => {
    expect(check(id, child([], leaver), '2023-08-01')).toEqual(['due 2023-09-30']);
    // 2023-11-30 + 3 months → 2024-02-30, clamped → 2024-02-29
    expect(check(id, child([], { child: { dateOfBirth: '2007-11-30', careLeaver: true } }), '2024-01-01')).toEqual(['due 2024-02-29']);
  });
  it('not applicable to a child not recorded as a care leaver, or under 16', () => {
    expect(check(id, child([], { child: { dateOfBirth: '2007-06-30' } }), '2023-08-01')).toEqual(['not-applicable -']);
    expect(check(id, child([], { child: { dateOfBirth: '2009-06-30', careLeaver: true } }), '2023-08-01')).toEqual(['not-applicable -']);
  });
});

describe('leeds.reviews.short-break-plan', () => {
  const id = 'leeds.reviews.short-break-plan';
  // 2023-05-31 + 3 months → 2023-08-31; 2023-08-30 + 6 months → 2024-02-30, clamped → 2024-02-29
  const start = ev('placement-started', 'pl', '2023-05-31', { placementId: 'sb', kind: 'short-break-series' });
  it('on time', () => {
    expect(check(id, child([start, ev('short-break-plan-review', 'r1', '2023-08-30')]), '2023-09-05')).toEqual(['met 2023-08-31 by r1', 'due 2024-02-29']);
  });
  it('late', () => {
    expect(check(id, child([start, ev('short-break-plan-review', 'r1', '2023-09-01')]), '2023-09-05')).toEqual(['met-late 2023-08-31 by r1', 'due 2024-03-01']);
  });
  it('overdue', () => {
    expect(check(id, child([start]), '2023-09-01')).toEqual(['overdue 2023-08-31']);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2023-08-01')).toEqual(['due 2023-08-31']);
  });
  it('not applicable to a child not receiving short breaks', () => {
    expect(check(id, child([ev('placement-started', 'pl', '2023-05-31', { placementId: 'f', kind: 'foster' })]), '2023-08-01')).toEqual(['not-applicable -']);
  });
  it('a changed frequency needs the social worker, line manager and IRO together', () => {
    const v = (agreedBy: string[]) => ({ kind: 'interval', id: 'iv', ruleId: id, interval: { months: 4 }, agreedBy, agreedOn: '2023-08-30' });
    const events = [start, ev('short-break-plan-review', 'r1', '2023-08-30')];
    // Accepted: 2023-08-30 + 4 months → 2023-12-30; refused: the standard 2024-02-29
    expect(check(id, child(events, { variations: [v(['social-worker', 'team-manager', 'independent-reviewing-officer'])] }), '2023-09-05')).toEqual(['met 2023-08-31 by r1', 'due 2023-12-30']);
    expect(check(id, child(events, { variations: [v(['team-manager', 'independent-reviewing-officer'])] }), '2023-09-05')).toEqual(['met 2023-08-31 by r1', 'due 2024-02-29']);
  });
});

describe('rules in force', () => {
  it('before 2023-04-25 a Leeds case is evaluated against the national baseline only', () => {
    const r = leeds(child([ev('child-protection-plan-started', 'cp', '2023-04-05')]), '2023-04-24');
    expect(r.obligations.some((o) => o.ruleSet === 'leeds-2023')).toBe(false);
    expect(of(leeds(child([ev('child-protection-plan-started', 'cp', '2023-04-05')]), '2023-04-25'), 'leeds.meetings.core-group')).toHaveLength(1);
  });
});

describe('leeds.plans.care-plan: a plan made before the child became looked after', () => {
  it('counts when made since the referral', () => {
    const events = [ev('referral', 'r', '2024-02-01'), ev('care-plan-completed', 'cp', '2024-02-28'), ev('became-looked-after', 'la', '2024-03-04')];
    expect(check('leeds.plans.care-plan', child(events), '2024-04-01')).toEqual(['met 2024-03-18 by cp']);
  });
});
