import { describe, expect, it } from 'vitest';
import { child, ev, leeds, of } from './helpers.js';

// Bank holidays used below (England and Wales): 2022-06-02 and 2022-06-03 (Spring and Platinum
// Jubilee), 2023-04-07 and 2023-04-10 (Easter), 2023-05-01, 2023-05-08 (Coronation), 2023-05-29,
// 2023-12-25 and 2023-12-26, 2024-01-01.

describe('leeds.assessment.progress-review-10-days', () => {
  const id = 'leeds.assessment.progress-review-10-days';
  // 2023-12-13 (Wed) + 10 working days: 14, 15, 18, 19, 20, 21, 22, (25, 26 bank hols), 27, 28, 29 → 2023-12-29
  const decided = ev('decision-to-assess', 'd1', '2023-12-13', { assessmentId: 'a1' });
  it('late: a review on the first working day after the due date', () => {
    const r = leeds(child([decided, ev('assessment-progress-review', 'r1', '2024-01-02', { assessmentId: 'a1' })]), '2024-01-15');
    // 2023-12-29 → (Jan 1 bank hol) → 2024-01-02: 1 working day late
    expect(of(r, id).map((o) => [o.status, o.due, o.lateness?.workingDays])).toEqual([['met-late', '2023-12-29', 1]]);
  });
});

describe('leeds.assessment.sign-off-45-days', () => {
  const id = 'leeds.assessment.sign-off-45-days';
  // 2023-03-27 (Mon) + 45 working days: Mar 28-31 (4), Apr 3-6 (8), (7 Good Friday, 10 Easter Monday),
  // Apr 11-14 (12), 17-21 (17), 24-28 (22), (May 1), May 2-5 (26), (May 8 Coronation), 9-12 (30),
  // 15-19 (35), 22-26 (40), (29 Spring), 30, 31, Jun 1, 2 (44), Jun 5 (45) → 2023-06-05
  const decided = ev('decision-to-assess', 'd1', '2023-03-27', { assessmentId: 'a1' });
  it('is compared with the national baseline measuring the same duty', () => {
    const r = leeds(child([ev('referral', 'ref', '2023-03-27'), decided]), '2023-06-01');
    const mine = of(r, id)[0]!;
    expect(mine.comparison?.measures).toBe('assessment-completion');
  });
});

describe.each([
  ['leeds.recording.chronology', 'chronology-updated'],
  ['leeds.recording.genogram', 'genogram-completed'],
])('%s (presence: no timescale)', (id, type) => {
  const decided = ev('decision-to-assess', 'd1', '2023-06-01');
  it('overdue from the day after the decision when none is recorded', () => {
    const r = leeds(child([decided]), '2023-06-02');
    expect(of(r, id).map((o) => [o.status, o.due])).toEqual([['overdue', '2023-06-01']]);
  });
});
