import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, visit } from './helpers.js';

// Bank holidays used below (England and Wales): 2022-06-02 and 2022-06-03 (Spring and Platinum
// Jubilee), 2023-04-07 and 2023-04-10 (Easter), 2023-05-01, 2023-05-08 (Coronation), 2023-05-29,
// 2023-12-25 and 2023-12-26, 2024-01-01.

describe('leeds.assessment.progress-review-10-days', () => {
  const id = 'leeds.assessment.progress-review-10-days';
  // 2023-12-13 (Wed) + 10 working days: 14, 15, 18, 19, 20, 21, 22, (25, 26 bank hols), 27, 28, 29 → 2023-12-29
  const decided = ev('decision-to-assess', 'd1', '2023-12-13', { assessmentId: 'a1' });
  it('on time: a review inside the window that spans Christmas', () => {
    expect(check(id, child([decided, ev('assessment-progress-review', 'r1', '2023-12-22', { assessmentId: 'a1' })]), '2024-01-15')).toEqual(['met 2023-12-29 by r1']);
  });
  it('late: a review on the first working day after the due date', () => {
    const r = leeds(child([decided, ev('assessment-progress-review', 'r1', '2024-01-02', { assessmentId: 'a1' })]), '2024-01-15');
    // 2023-12-29 → (Jan 1 bank hol) → 2024-01-02: 1 working day late
    expect(of(r, id).map((o) => [o.status, o.due, o.lateness?.workingDays])).toEqual([['met-late', '2023-12-29', 1]]);
  });
  it('overdue at the as-of date: a review of another assessment does not count', () => {
    expect(check(id, child([decided, ev('assessment-progress-review', 'r1', '2023-12-20', { assessmentId: 'other' })]), '2024-01-03')).toEqual(['overdue 2023-12-29']);
  });
  it('still due the day before', () => {
    expect(check(id, child([decided]), '2023-12-28')).toEqual(['due 2023-12-29']);
  });
  it('not applicable: a referral with no decision to assess, or an assessment signed off first', () => {
    expect(check(id, child([ev('referral', 'ref', '2023-12-13')]), '2024-01-15')).toEqual(['not-applicable -']);
    expect(check(id, child([decided, ev('assessment-authorised', 'au', '2023-12-20', { assessmentId: 'a1' })]), '2024-01-15')).toEqual(['not-applicable 2023-12-29']);
  });
});

describe('leeds.assessment.progress-review-20-days', () => {
  const id = 'leeds.assessment.progress-review-20-days';
  // 2023-12-13 + 20 working days: 29 is the 10th (above); (Jan 1 bank hol), 2, 3, 4, 5, 8, 9, 10, 11, 12, 15 → 2024-01-15
  const decided = ev('decision-to-assess', 'd1', '2023-12-13', { assessmentId: 'a1' });
  const first = ev('assessment-progress-review', 'r1', '2023-12-22', { assessmentId: 'a1' });
  it('on time: met by the second review', () => {
    expect(check(id, child([decided, first, ev('assessment-progress-review', 'r2', '2024-01-12', { assessmentId: 'a1' })]), '2024-01-20')).toEqual(['met 2024-01-15 by r2']);
  });
  it('late: the second review after the 20th working day', () => {
    expect(check(id, child([decided, first, ev('assessment-progress-review', 'r2', '2024-01-17', { assessmentId: 'a1' })]), '2024-01-20')).toEqual(['met-late 2024-01-15 by r2']);
  });
  it('overdue: the 10-day review alone does not meet it', () => {
    expect(check(id, child([decided, first]), '2024-01-16')).toEqual(['overdue 2024-01-15']);
  });
  it('still due', () => {
    expect(check(id, child([decided, first]), '2024-01-10')).toEqual(['due 2024-01-15']);
  });
  it('not applicable: the assessment was signed off before 20 working days', () => {
    expect(check(id, child([decided, first, ev('assessment-authorised', 'au', '2024-01-05', { assessmentId: 'a1' })]), '2024-01-20')).toEqual(['not-applicable 2024-01-15']);
  });
});

describe('leeds.assessment.sign-off-45-days', () => {
  const id = 'leeds.assessment.sign-off-45-days';
  // 2023-03-27 (Mon) + 45 working days: Mar 28-31 (4), Apr 3-6 (8), (7 Good Friday, 10 Easter Monday),
  // Apr 11-14 (12), 17-21 (17), 24-28 (22), (May 1), May 2-5 (26), (May 8 Coronation), 9-12 (30),
  // 15-19 (35), 22-26 (40), (29 Spring), 30, 31, Jun 1, 2 (44), Jun 5 (45) → 2023-06-05
  const decided = ev('decision-to-assess', 'd1', '2023-03-27', { assessmentId: 'a1' });
  it('on time', () => {
    expect(check(id, child([decided, ev('assessment-authorised', 'au', '2023-06-05', { assessmentId: 'a1' })]), '2023-06-30')).toEqual(['met 2023-06-05 by au']);
  });
  it('late', () => {
    expect(check(id, child([decided, ev('assessment-authorised', 'au', '2023-06-06', { assessmentId: 'a1' })]), '2023-06-30')).toEqual(['met-late 2023-06-05 by au']);
  });
  it('overdue: progress reviews are not a sign-off', () => {
    expect(check(id, child([decided, ev('assessment-progress-review', 'r1', '2023-04-05', { assessmentId: 'a1' })]), '2023-06-06')).toEqual(['overdue 2023-06-05']);
  });
  it('still due', () => {
    expect(check(id, child([decided]), '2023-06-05')).toEqual(['due 2023-06-05']);
  });
  it('not applicable without a decision to assess', () => {
    expect(check(id, child([ev('referral', 'ref', '2023-03-27')]), '2023-06-30')).toEqual(['not-applicable -']);
  });
  it('is compared with the national baseline measuring the same duty', () => {
    const r = leeds(child([ev('referral', 'ref', '2023-03-27'), decided]), '2023-06-01');
    const mine = of(r, id)[0]!;
    expect(mine.comparison?.measures).toBe('assessment-completion');
  });
});

describe('leeds.visits.assessment', () => {
  const id = 'leeds.visits.assessment';
  // 2022-05-30 (Mon) + 5 working days: 31, Jun 1, (2, 3 Spring and Jubilee bank hols), 6, 7, 8 → 2022-06-08
  const decided = ev('decision-to-assess', 'd1', '2022-05-30');
  it('on time on the last day, past the 2022 Jubilee bank holidays', () => {
    expect(check(id, child([decided, visit('v1', '2022-06-08')]), '2023-05-01')).toEqual(['met 2022-06-08 by v1']);
  });
  it('late', () => {
    expect(check(id, child([decided, visit('v1', '2022-06-09')]), '2023-05-01')).toEqual(['met-late 2022-06-08 by v1']);
  });
  it('overdue: a video visit and a visit where the child was not seen do not count', () => {
    const events = [decided, visit('v1', '2022-06-01', { mode: 'video' }), visit('v2', '2022-06-06', { childSeen: false })];
    expect(check(id, child(events), '2023-05-01')).toEqual(['overdue 2022-06-08']);
  });
  it('still due, over the 2023 Coronation bank holiday', () => {
    // 2023-05-03 (Wed) + 5: 4, 5, (8 Coronation), 9, 10, 11 → 2023-05-11
    expect(check(id, child([ev('decision-to-assess', 'd2', '2023-05-03')]), '2023-05-10')).toEqual(['due 2023-05-11']);
  });
  it('not applicable to a referral with no decision to assess', () => {
    expect(check(id, child([ev('referral', 'ref', '2023-05-03')]), '2023-05-10')).toEqual(['not-applicable -']);
  });
});

describe.each([
  ['leeds.recording.chronology', 'chronology-updated'],
  ['leeds.recording.genogram', 'genogram-completed'],
])('%s (presence: no timescale)', (id, type) => {
  const decided = ev('decision-to-assess', 'd1', '2023-06-01');
  it('on time: recorded on the day the assessment is decided', () => {
    expect(check(id, child([decided, ev(type, 'c1', '2023-06-01')]), '2023-07-01')).toEqual(['met 2023-06-01 by c1']);
  });
  it('late: presence has no lateness, so one started weeks later meets it', () => {
    expect(check(id, child([decided, ev(type, 'c1', '2023-07-10')]), '2023-07-11')).toEqual(['met 2023-06-01 by c1']);
  });
  it('overdue from the day after the decision when none is recorded', () => {
    const r = leeds(child([decided]), '2023-06-02');
    expect(of(r, id).map((o) => [o.status, o.due])).toEqual([['overdue', '2023-06-01']]);
  });
  it('still due on the day of the decision', () => {
    expect(check(id, child([decided]), '2023-06-01')).toEqual(['due 2023-06-01']);
  });
  it('not applicable when the child is not subject to an assessment', () => {
    expect(check(id, child([ev('referral', 'ref', '2023-06-01')]), '2023-07-01')).toEqual(['not-applicable -']);
  });
});
