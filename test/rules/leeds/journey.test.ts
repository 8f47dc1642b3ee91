import { describe, expect, it } from 'vitest';
import { getRuleSet } from '../../../src/index.js';
import { child, ev, leeds, of, summary, visit } from './helpers.js';

/**
 * One child's journey through Leeds children's social care: a referral and assessment, a
 * section 47 enquiry, a child protection plan and then into care. Every due date below is
 * worked out by hand from the Leeds text and the England and Wales calendar (bank holidays on
 * the way: 2023-12-25, 2023-12-26, 2024-01-01).
 */
const events = [
  ev('referral', 'ref', '2023-11-27'),
  ev('decision-to-assess', 'dec', '2023-11-27', { assessmentId: 'a1' }),
  ev('chronology-updated', 'chr', '2023-11-28'),
  visit('v1', '2023-11-30'),
  ev('assessment-progress-review', 'pr1', '2023-12-08', { assessmentId: 'a1' }),
  ev('strategy-discussion', 'sd', '2023-12-13', { at: '2023-12-13T10:00:00+00:00', form: 'meeting' }),
  ev('section-47-started', 's47', '2023-12-13', { at: '2023-12-13T11:00:00+00:00' }),
  visit('v2', '2023-12-14', { at: '2023-12-14T09:30:00+00:00', seenAlone: true }),
  ev('assessment-progress-review', 'pr2', '2023-12-22', { assessmentId: 'a1' }),
  ev('report-shared', 'rp', '2024-01-03', { forEventId: 'icpc', sharedWith: ['parents'] }),
  ev('report-shared', 'rc', '2024-01-04', { forEventId: 'icpc', sharedWith: ['chair'] }),
  ev('initial-child-protection-conference', 'icpc', '2024-01-08'),
  ev('child-protection-plan-started', 'cp', '2024-01-08'),
  visit('v3', '2024-01-10'),
  ev('core-group-meeting', 'cg1', '2024-01-19'),
  visit('v4', '2024-01-29'),
  ev('became-looked-after', 'lac', '2024-02-05', { legalStatus: 'interim-care-order' }),
  ev('placement-started', 'pl', '2024-02-05', { placementId: 'p1', kind: 'foster' }),
  ev('child-protection-plan-ended', 'cpe', '2024-02-05'),
  visit('v5', '2024-02-05', { placementId: 'p1' }),
  ev('assessment-authorised', 'au', '2024-02-06', { assessmentId: 'a1' }),
  visit('v6', '2024-02-09'),
  ev('care-plan-completed', 'cpl', '2024-02-16'),
  ev('case-supervision', 'cs', '2024-02-20', { recordedOn: '2024-02-28' }),
];

const expected: Record<string, string[]> = {
  // Decision 2023-11-27 (Mon). + 5 working days: 28, 29, 30, Dec 1, 4 → 2023-12-04
  'leeds.visits.assessment': ['met 2023-12-04 by v1'],
  // + 10: Dec 4 is the 5th; 5, 6, 7, 8, 11 → 2023-12-11
  'leeds.assessment.progress-review-10-days': ['met 2023-12-11 by pr1'],
  // + 20: 12, 13, 14, 15 (14), 18-22 (19), (25, 26), 27 (20) → 2023-12-27; the second review pr2 meets it
  'leeds.assessment.progress-review-20-days': ['met 2023-12-27 by pr2'],
  // + 45: 27-29 (22), (Jan 1), Jan 2-5 (26), 8-12 (31), 15-19 (36), 22-26 (41), 29, 30, 31, Feb 1 (45) → 2024-02-01; signed off 2024-02-06: late
  'leeds.assessment.sign-off-45-days': ['met-late 2024-02-01 by au'],
  // 24 hours from 2023-12-13T11:00Z → 2023-12-14T11:00Z; seen at 09:30
  'leeds.visits.section-47': ['met 2023-12-14T11:00:00+00:00 by v2'],
  // Section 47 from 2023-12-13 + 15 working days: 14, 15 (2), 18-22 (7), (25, 26), 27-29 (10), (Jan 1), 2-5 (14), 8 (15) → 2024-01-08
  'leeds.meetings.initial-child-protection-conference': ['met 2024-01-08 by icpc'],
  // 3 working days before 2024-01-08 (Mon): Jan 5 (1), 4 (2), 3 (3) → 2024-01-03; the chair's copy came a day late
  'leeds.meetings.conference-report-to-parents': ['met 2024-01-03 by rp'],
  'leeds.meetings.conference-report-to-chair': ['met-late 2024-01-03 by rc'],
  // Plan 2024-01-08: first visit + 2 working days: 9, 10 → 2024-01-10. Then + 15 from 01-10: 11, 12 (2), 15-19 (7), 22-26 (12), 29, 30, 31 (15) → 2024-01-31.
  // From v4 (01-29) + 15: 30, 31, Feb 1, 2 (4), 5-9 (9), 12-16 (14), 19 (15) → 2024-02-19, met by v5 on the day the plan ended; nothing after the plan ends.
  'leeds.visits.child-protection': ['met 2024-01-10 by v3', 'met 2024-01-31 by v4', 'met 2024-02-19 by v5'],
  // + 10 working days from 2024-01-08: 9-12 (4), 15-19 (9), 22 (10) → 2024-01-22
  'leeds.meetings.first-core-group': ['met 2024-01-22 by cg1'],
  // 6 weeks from the plan: 2024-01-08 + 42 → 2024-02-19, met by cg1; the next (2024-01-19 + 42 = 2024-03-01) falls after the plan ended
  'leeds.meetings.core-group': ['met 2024-02-19 by cg1'],
  // Placed 2024-02-05: on the day; within 1 week → 2024-02-12 (v5 on the day does not count for it)
  'leeds.visits.looked-after-placement-day': ['met 2024-02-05 by v5'],
  'leeds.visits.looked-after-first-week': ['met 2024-02-12 by v6'],
  // 6 weeks: 2024-02-05 + 42 → 2024-03-18 (met by v5, then v6); 2024-02-09 + 42 → 2024-03-22. Earlier visits were before the placement.
  'leeds.visits.looked-after': ['met 2024-03-18 by v5', 'met 2024-03-18 by v6', 'due 2024-03-22'],
  // Became looked after 2024-02-05 + 10 working days: 6-9 (4), 12-16 (9), 19 (10) → 2024-02-19
  'leeds.plans.care-plan': ['met 2024-02-19 by cpl'],
  // Allocated at the decision 2023-11-27 + 3 months → 2024-02-27; then 2024-02-20 + 3 months → 2024-05-20
  'leeds.supervision.case-supervision': ['met 2024-02-27 by cs', 'due 2024-05-20'],
  // Recorded within 1 week: 2024-02-20 + 7 → 2024-02-27; recorded 2024-02-28
  'leeds.supervision.case-supervision-recorded': ['met-late 2024-02-27 by cs'],
  'leeds.recording.chronology': ['met 2023-11-27 by chr'],
  'leeds.recording.genogram': ['overdue 2023-11-27'],
};

describe('a whole case: referral → assessment → section 47 → child protection plan → care', () => {
  const report = leeds(child(events, { child: { dateOfBirth: '2016-02-10' } }), '2024-03-01');
  const leedsIds = getRuleSet('leeds-2023').rules.map((r) => r.id);

  it.each(Object.entries(expected))('%s', (ruleId, want) => {
    expect(summary(report, ruleId)).toEqual(want);
  });

  it('every other Leeds rule is not applicable to this child', () => {
    const others = leedsIds.filter((id) => !(id in expected) && !getRuleSet('leeds-2023').rules.find((r) => r.id === id)?.subject);
    for (const id of others) expect(summary(report, id), id).toEqual(['not-applicable -']);
  });

  it('the Leeds breaches are exactly the late sign-off, the late report to the chair, the late recording and the missing genogram', () => {
    const breaches = report.breaches.filter((o) => o.ruleSet === 'leeds-2023').map((o) => `${o.ruleId} ${o.status}`);
    expect(breaches.sort()).toEqual([
      'leeds.assessment.sign-off-45-days met-late',
      'leeds.meetings.conference-report-to-chair met-late',
      'leeds.recording.genogram overdue',
      'leeds.supervision.case-supervision-recorded met-late',
    ]);
  });

  it('explains the late sign-off with working days and the citation', () => {
    const o = of(report, 'leeds.assessment.sign-off-45-days')[0]!;
    // 2024-02-01 → 2, 5, 6: 3 working days (5 calendar days)
    expect(o.lateness).toEqual({ workingDays: 3, calendarDays: 5 });
    expect(o.explanation.startsWith(
      'Met late by 3 working days (case leeds-case-1): a Child and Family Assessment must be signed off by the manager no later than 45 working days (Leeds Practice Standards 2023, Assessment Timescales at a glance). It was due by 2024-02-01, counted from the decision to assess on 2023-11-27; the assessment sign-off was on 2024-02-06.',
    )).toBe(true);
    // The national baseline measures the same duty (45 working days from the referral, also 2024-02-01) and is compared
    expect(o.comparison?.measures).toBe('assessment-completion');
  });
});
