import { describe, expect, it } from 'vitest';
import { check, ev, one, run } from './helpers.js';

const NEEDS = 'england-statutory.meetings-and-plans.needs-assessment-at-16';
const ASSESS = 'england-statutory.assessment.completion';
const ICPC = 'england-statutory.meetings-and-plans.initial-child-protection-conference';
const CORE = 'england-statutory.meetings-and-plans.first-core-group';
const RHI = 'england-statutory.meetings-and-plans.return-home-interview';

describe('regulation 42: needs assessment of an eligible child within three months of turning 16', () => {
  // Born 2008-02-10: 16 on 2024-02-10, due + 3 months = 2024-05-10. In care since 2023-09-01.
  const child = { child: { dateOfBirth: '2008-02-10' } };
  const inCare = [ev('became-looked-after', 'lac', '2023-09-01')];
  it('on time, by a needs assessment or a pathway plan built on it', () => {
    expect(check('england-statutory', NEEDS, [...inCare, ev('needs-assessment-completed', 'na', '2024-04-01')], '2024-06-01', child)).toEqual(['met 2024-05-10 by na']);
    expect(check('england-statutory', NEEDS, [...inCare, ev('pathway-plan-review', 'pp', '2024-04-01')], '2024-06-01', child)).toEqual(['met 2024-05-10 by pp']);
  });
  it('on time: an assessment completed before the birthday counts', () => {
    expect(check('england-statutory', NEEDS, [...inCare, ev('needs-assessment-completed', 'na', '2024-01-15')], '2024-06-01', child)).toEqual(['met 2024-05-10 by na']);
  });
  it('late', () => {
    expect(check('england-statutory', NEEDS, [...inCare, ev('needs-assessment-completed', 'na', '2024-05-13')], '2024-06-01', child)).toEqual(['met-late 2024-05-10 by na']);
  });
  it('overdue', () => {
    expect(check('england-statutory', NEEDS, inCare, '2024-05-11', child)).toEqual(['overdue 2024-05-10']);
  });
  it('due: shown ahead of the birthday', () => {
    expect(check('england-statutory', NEEDS, inCare, '2024-01-01', child)).toEqual(['due 2024-05-10']);
  });
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
  it('on time', () => {
    expect(check('england-statutory', ASSESS, [referral, ev('assessment-authorised', 'a', '2024-03-11')], '2024-04-01')).toEqual(['met 2024-03-11 by a']);
  });
  it('late', () => {
    const o = one(run('england-statutory', [referral, ev('assessment-authorised', 'a', '2024-03-12')], '2024-04-01'), ASSESS);
    expect([o.status, o.lateness?.workingDays]).toEqual(['met-late', 1]);
  });
  it('overdue', () => {
    expect(check('england-statutory', ASSESS, [referral], '2024-03-12')).toEqual(['overdue 2024-03-11']);
  });
  it('due', () => {
    expect(check('england-statutory', ASSESS, [referral], '2024-03-11')).toEqual(['due 2024-03-11']);
  });
  it('not applicable: no referral, or closed with no further action first', () => {
    expect(check('england-statutory', ASSESS, [], '2024-04-01')).toEqual(['not-applicable -']);
    expect(check('england-statutory', ASSESS, [referral, ev('case-closed', 'cc', '2024-01-20')], '2024-04-01')).toEqual(['not-applicable 2024-03-11']);
  });
});

describe('Working Together 2023: initial child protection conference within 15 working days', () => {
  // Section 47 started Monday 2024-12-16: 17-20 Dec (4), 23 (5), 24 (6), 25-26 bank holidays,
  // 27 (7), 30 (8), 31 (9), 1 Jan 2025 bank holiday, 2 (10), 3 (11), 6 (12), 7 (13), 8 (14), 9 (15).
  const s47 = ev('section-47-started', 's47', '2024-12-16');
  it('on time', () => {
    expect(check('england-statutory', ICPC, [s47, ev('initial-child-protection-conference', 'icpc', '2025-01-09')], '2025-02-01')).toEqual(['met 2025-01-09 by icpc']);
  });
  it('late', () => {
    expect(check('england-statutory', ICPC, [s47, ev('initial-child-protection-conference', 'icpc', '2025-01-10')], '2025-02-01')).toEqual(['met-late 2025-01-09 by icpc']);
  });
  it('overdue', () => {
    expect(check('england-statutory', ICPC, [s47], '2025-01-10')).toEqual(['overdue 2025-01-09']);
  });
  it('due', () => {
    expect(check('england-statutory', ICPC, [s47], '2025-01-09')).toEqual(['due 2025-01-09']);
  });
  it('not applicable: no section 47 enquiry, or it concluded that no conference was needed', () => {
    expect(check('england-statutory', ICPC, [ev('strategy-discussion', 'sd', '2024-12-16')], '2025-02-01')).toEqual(['not-applicable -']);
    expect(check('england-statutory', ICPC, [s47, ev('section-47-concluded', 'end', '2024-12-20', { conferenceRequired: false })], '2025-02-01')).toEqual(['not-applicable 2025-01-09']);
    // A conclusion that a conference is needed does not end the duty.
    expect(check('england-statutory', ICPC, [s47, ev('section-47-concluded', 'end', '2024-12-20', { conferenceRequired: true })], '2025-02-01')).toEqual(['overdue 2025-01-09']);
  });
});

describe('Working Together 2023: first core group within 10 working days of the initial conference', () => {
  // Plan from the conference on Wednesday 2024-05-01: 2 May (1), 3 (2), 6 May bank holiday,
  // 7 (3), 8 (4), 9 (5), 10 (6), 13 (7), 14 (8), 15 (9), 16 (10) → 2024-05-16.
  const plan = ev('child-protection-plan-started', 'cp', '2024-05-01');
  it('on time', () => {
    expect(check('england-statutory', CORE, [plan, ev('core-group-meeting', 'cg', '2024-05-16')], '2024-06-01')).toEqual(['met 2024-05-16 by cg']);
  });
  it('late', () => {
    expect(check('england-statutory', CORE, [plan, ev('core-group-meeting', 'cg', '2024-05-17')], '2024-06-01')).toEqual(['met-late 2024-05-16 by cg']);
  });
  it('overdue', () => {
    expect(check('england-statutory', CORE, [plan], '2024-05-17')).toEqual(['overdue 2024-05-16']);
  });
  it('due', () => {
    expect(check('england-statutory', CORE, [plan], '2024-05-16')).toEqual(['due 2024-05-16']);
  });
  it('not applicable: no plan, or the plan ended first', () => {
    expect(check('england-statutory', CORE, [ev('initial-child-protection-conference', 'icpc', '2024-05-01')], '2024-06-01')).toEqual(['not-applicable -']);
    expect(check('england-statutory', CORE, [plan, ev('child-protection-plan-ended', 'end', '2024-05-10')], '2024-06-01')).toEqual(['not-applicable 2024-05-16']);
  });
});

describe('missing children guidance: return interview within 72 hours of the return', () => {
  const returned = (at?: string) => ev('missing-episode-ended', 'back', '2024-03-04', { episodeId: 'm1', ...(at ? { at } : {}) });
  const gone = ev('missing-episode-started', 'gone', '2024-03-02', { episodeId: 'm1' });
  const interview = (date: string, at?: string, episodeId = 'm1') => ev('return-interview', 'ri', date, { episodeId, ...(at ? { at } : {}) });

  it('on time: to the minute when both times are known (10:00 + 72 h = 10:00 three days later)', () => {
    expect(check('england-statutory', RHI, [gone, returned('2024-03-04T10:00:00+00:00'), interview('2024-03-07', '2024-03-07T09:59:00+00:00')], '2024-03-10')).toEqual([
      'met 2024-03-07T10:00:00+00:00 by ri',
    ]);
  });
  it('late: an hour after the 72 hours', () => {
    const o = one(run('england-statutory', [gone, returned('2024-03-04T10:00:00+00:00'), interview('2024-03-07', '2024-03-07T11:00:00+00:00')], '2024-03-10'), RHI);
    expect([o.status, o.lateness?.hours]).toEqual(['met-late', 1]);
  });
  it('across the clocks going forward (31 March 2024) the hours are elapsed time', () => {
    // Back 2024-03-29 18:00 GMT; + 72 h = 2024-04-01 18:00 GMT = 19:00 BST. An interview at 18:30 BST is 17:30 GMT: on time.
    const events = [ev('missing-episode-ended', 'back', '2024-03-29', { episodeId: 'm1', at: '2024-03-29T18:00:00+00:00' }), interview('2024-04-01', '2024-04-01T18:30:00+01:00')];
    expect(check('england-statutory', RHI, events, '2024-04-05')).toEqual(['met 2024-04-01T18:00:00+00:00 by ri']);
  });
  it('without times, three whole days counted by date', () => {
    expect(check('england-statutory', RHI, [gone, returned(), interview('2024-03-07')], '2024-03-10')).toEqual(['met 2024-03-07 by ri']);
  });
  it('overdue', () => {
    expect(check('england-statutory', RHI, [gone, returned()], '2024-03-08')).toEqual(['overdue 2024-03-07']);
  });
  it('due', () => {
    expect(check('england-statutory', RHI, [gone, returned()], '2024-03-06')).toEqual(['due 2024-03-07']);
  });
  it('not applicable: the child has not returned; an interview for another episode does not count', () => {
    expect(check('england-statutory', RHI, [gone], '2024-03-10')).toEqual(['not-applicable -']);
    expect(check('england-statutory', RHI, [gone, returned(), interview('2024-03-05', undefined, 'm0')], '2024-03-10')).toEqual(['overdue 2024-03-07']);
  });
});
