import { describe, expect, it } from 'vitest';
import { ev, run, summary, visit } from '../england-statutory/helpers.js';

/**
 * A looked-after child's first months in West Berkshire, evaluated as of 2024-05-10 against the
 * West Berkshire set and the national baseline it extends. Born 2009-09-14 (14 years 6 months on
 * 2024-03-14, 16 on 2025-09-14), will need adult services. Test term dates, not West Berkshire's.
 */
const child = { dateOfBirth: '2009-09-14', needsAdultServices: true };
const schoolTerms = {
  terms: [
    { start: '2024-01-04', end: '2024-02-09' },
    { start: '2024-02-19', end: '2024-03-28' },
    { start: '2024-04-15', end: '2024-07-23' },
  ],
};
const events = [
  ev('referral', 'ref', '2023-11-06'),
  ev('advocacy-referral', 'adv', '2023-11-20'),
  ev('assessment-authorised', 'assess', '2023-12-15'),
  ev('became-looked-after', 'lac', '2024-01-08', { legalStatus: 'section-20' }),
  ev('placement-started', 'p1', '2024-01-08', { placementId: 'p1', kind: 'foster', at: '2024-01-08T16:00:00+00:00' }),
  ev('health-assessment-arranged', 'ha', '2024-01-10'),
  ev('placement-planning-meeting', 'ppm', '2024-01-12', { placementId: 'p1' }),
  visit('v1', '2024-01-12', { placementId: 'p1', lookedAfterPackProvided: true }),
  ev('care-plan-completed', 'cplan', '2024-01-25'),
  ev('report-shared', 'lacreport', '2024-01-30', { forEventId: 'r1', sharedWith: ['family', 'carers'] }),
  ev('pep-meeting', 'pem', '2024-02-01'),
  ev('looked-after-review', 'r1', '2024-02-05'),
  ev('health-assessment', 'health', '2024-02-12'),
  visit('v2', '2024-02-19', { placementId: 'p1' }),
  ev('adult-services-alerted', 'adults', '2024-03-20'),
  visit('v3', '2024-04-08', { placementId: 'p1' }),
  ev('missing-episode-started', 'gone', '2024-04-22', { episodeId: 'm1' }),
  ev('missing-coordinator-notified', 'mpc', '2024-04-22', { episodeId: 'm1' }),
  ev('missing-episode-ended', 'back', '2024-04-24', { episodeId: 'm1', at: '2024-04-24T20:00:00+01:00' }),
  ev('return-interview', 'rhi', '2024-04-29', { episodeId: 'm1' }),
];

describe('a looked-after child in West Berkshire, as of 2024-05-10', () => {
  const report = run('west-berkshire', events, '2024-05-10', { child, schoolTerms });
  const s = (id: string) => summary(report, id);

  it('before care: assessed within 45 working days; referred to advocacy late, since they were already 14 at referral', () => {
    // Referral Monday 2023-11-06 + 45 working days (Christmas Day, Boxing Day and New Year's Day
    // skipped): 7-10 Nov (4), 13-17 (9), 20-24 (14), 27 Nov-1 Dec (19), 4-8 Dec (24), 11-15 (29),
    // 18-22 (34), 27-29 (37), 2-5 Jan (41), 8-11 Jan (45) → 2024-01-11.
    expect(s('england-statutory.assessment.completion')).toEqual(['met 2024-01-11 by assess']);
    // Already 14 when first known: due the day of the referral, referred two weeks later.
    expect(s('west-berkshire.meetings-and-plans.advocacy-referral')).toEqual(['met-late 2023-11-06 by adv']);
  });

  it('coming into care on Monday 2024-01-08: West Berkshire\'s first steps', () => {
    // Placement planning meeting: + 5 days = 2024-01-13. Visit with the pack: + 7 days = 2024-01-15.
    expect(s('west-berkshire.meetings-and-plans.placement-planning-meeting')).toEqual(['met 2024-01-13 by ppm']);
    expect(s('west-berkshire.visits.first-visit')).toEqual(['met 2024-01-15 by v1']);
    expect(s('england-statutory.visits.looked-after-first-visit')).toEqual(['met 2024-01-15 by v1']);
    // Health: arranged by 2024-01-13, held by + 1 month = 2024-02-08 (held 2024-02-12: late).
    expect(s('west-berkshire.assessment.health-assessment-arranged')).toEqual(['met 2024-01-13 by ha']);
    expect(s('west-berkshire.assessment.health-assessment-held')).toEqual(['met-late 2024-02-08 by health']);
    // Personal Education Meeting: 20 school days: 9-12 Jan (4), 15-19 (9), 22-26 (14), 29 Jan-2 Feb (19), 5 Feb (20).
    expect(s('west-berkshire.meetings-and-plans.personal-education-meeting')).toEqual(['met 2024-02-05 by pem']);
    // A foster placement needs no Head of Service report.
    expect(s('west-berkshire.meetings-and-plans.head-of-service-approval')).toEqual(['not-applicable -']);
  });

  it('the first review: West Berkshire\'s 28 days and the regulations\' 20 working days fall on the same day', () => {
    // 2024-01-08 + 28 days = 2024-02-05; + 20 working days = 2024-02-05 (no bank holidays).
    expect(s('west-berkshire.reviews.first-review')).toEqual(['met 2024-02-05 by r1']);
    expect(s('england-statutory.reviews.looked-after-first-review')).toEqual(['met 2024-02-05 by r1']);
    expect(s('west-berkshire.reviews.report-shared-before-review')).toEqual(['met 2024-01-31 by lacreport']);
    expect(s('west-berkshire.meetings-and-plans.care-plan-at-first-review')).toEqual(['met 2024-02-05 by cplan']);
    // The second review, due three months after the first (2024-05-05), has not been held.
    expect(s('england-statutory.reviews.looked-after-reviews')).toEqual(['overdue 2024-05-05']);
  });

  it('visits every six weeks, one late: both the national and West Berkshire rules show it, and West Berkshire names the supervisor', () => {
    // 01-08 + 42 = 02-19 (v1); 01-12 + 42 = 02-23 (v2 02-19); 02-19 + 42 = 04-01 (v3 04-08, late);
    // 04-08 + 42 = 05-20.
    const expected = ['met 2024-02-19 by v1', 'met 2024-02-23 by v2', 'met-late 2024-04-01 by v3', 'due 2024-05-20'];
    expect(s('england-statutory.visits.looked-after')).toEqual(expected);
    expect(s('west-berkshire.visits.regulatory-looked-after')).toEqual(expected);
    const late = report.breaches.filter((b) => b.due === '2024-04-01');
    expect(late.map((b) => [b.ruleId, b.escalateTo ?? null])).toEqual([
      ['england-statutory.visits.looked-after', null],
      ['west-berkshire.visits.regulatory-looked-after', 'supervisor'],
    ]);
  });

  it('transitions: adult teams alerted six days after 14 years 6 months; housing and needs assessment ahead', () => {
    expect(s('west-berkshire.meetings-and-plans.adult-services-alert')).toEqual(['met-late 2024-03-14 by adults']);
    expect(s('west-berkshire.meetings-and-plans.housing-plan-at-16')).toEqual(['due 2025-09-14']);
    expect(s('england-statutory.meetings-and-plans.needs-assessment-at-16')).toEqual(['due 2025-12-14']);
  });

  it('missing for two days: co-ordinator told the same day, back before day five, return interview late', () => {
    expect(s('west-berkshire.meetings-and-plans.missing-coordinator-notified')).toEqual(['met 2024-04-22 by mpc']);
    // Day five would have been 2024-04-26; back on 2024-04-24.
    expect(s('west-berkshire.meetings-and-plans.missing-strategy-meeting')).toEqual(['not-applicable 2024-04-26']);
    // Back 20:00 BST on 2024-04-24: + 72 hours = 20:00 BST on 2024-04-27; the interview on 2024-04-29 has no time, so it is compared by date.
    expect(s('england-statutory.meetings-and-plans.return-home-interview')).toEqual(['met-late 2024-04-27T20:00:00+01:00 by rhi']);
  });

  it('the report lists every breach, most overdue first, and the next thing due', () => {
    // Met late, by calendar days late: advocacy 14, visits 7 (both rules), adult alert 6, health 4, return interview 2.
    expect(report.breaches.map((b) => `${b.status} ${b.ruleId}`)).toEqual([
      'overdue england-statutory.reviews.looked-after-reviews',
      'met-late west-berkshire.meetings-and-plans.advocacy-referral',
      'met-late england-statutory.visits.looked-after',
      'met-late west-berkshire.visits.regulatory-looked-after',
      'met-late west-berkshire.meetings-and-plans.adult-services-alert',
      'met-late west-berkshire.assessment.health-assessment-held',
      'met-late england-statutory.meetings-and-plans.return-home-interview',
    ]);
    expect([report.nextDue?.due, report.nextDue?.status]).toEqual(['2024-05-20', 'due']);
  });
});
