import { describe, expect, it } from 'vitest';
import { check, ev, one, run, visit } from '../england-statutory/helpers.js';

/** Standard 1, "Commitment to children being brought up in their family of origin wherever possible". */
const HOS = 'west-berkshire.meetings-and-plans.head-of-service-approval';
const PPM = 'west-berkshire.meetings-and-plans.placement-planning-meeting';
const VISIT = 'west-berkshire.visits.first-visit';
const REVIEW = 'west-berkshire.reviews.first-review';
const REPORT = 'west-berkshire.reviews.report-shared-before-review';
const CARE_PLAN = 'west-berkshire.meetings-and-plans.care-plan-at-first-review';
const PEM = 'west-berkshire.meetings-and-plans.personal-education-meeting';
const HEALTH_ARRANGED = 'west-berkshire.assessment.health-assessment-arranged';
const HEALTH_HELD = 'west-berkshire.assessment.health-assessment-held';

const lac = ev('became-looked-after', 'lac', '2024-03-04');
const placed = (id: string, date: string, kind: string, fields: Record<string, unknown> = {}) => ev('placement-started', id, date, { placementId: id, kind, ...fields });

describe('reports to the Head of Service within 48 hours for placements with family or connected persons', () => {
  // Placed with a connected person at 15:00 on Monday 2024-03-04: due 15:00 on Wednesday 2024-03-06.
  const start = [lac, placed('p1', '2024-03-04', 'connected-person', { at: '2024-03-04T15:00:00+00:00' })];
  const report = (at: string) => ev('head-of-service-report', 'hos', at.slice(0, 10), { at, placementId: 'p1' });
  it('on time', () => {
    expect(check('west-berkshire', HOS, [...start, report('2024-03-06T14:00:00+00:00')], '2024-03-10')).toEqual(['met 2024-03-06T15:00:00+00:00 by hos']);
  });
  it('late: an hour after the 48 hours', () => {
    const o = one(run('west-berkshire', [...start, report('2024-03-06T16:00:00+00:00')], '2024-03-10'), HOS);
    expect([o.status, o.lateness?.hours]).toEqual(['met-late', 1]);
  });
  it('overdue', () => {
    expect(check('west-berkshire', HOS, start, '2024-03-07')).toEqual(['overdue 2024-03-06T15:00:00+00:00']);
  });
  it('due; without a time on the placement, two whole days counted by date', () => {
    expect(check('west-berkshire', HOS, [lac, placed('p1', '2024-03-04', 'placed-with-parents-interim-care-order')], '2024-03-06')).toEqual(['due 2024-03-06']);
  });
  it('not applicable: a placement outside the family, or a child who is not looked after', () => {
    expect(check('west-berkshire', HOS, [lac, placed('p1', '2024-03-04', 'foster')], '2024-03-10')).toEqual(['not-applicable -']);
    const notInCare = one(run('west-berkshire', [placed('p1', '2024-03-04', 'connected-person')], '2024-03-10'), HOS);
    expect([notInCare.status, notInCare.explanation]).toEqual(['not-applicable', 'Not applicable (case case-WB1): no date the child became looked after is recorded.']);
  });
});

describe('placement planning meeting within five days', () => {
  // Placed Monday 2024-03-04: five calendar days → Saturday 2024-03-09.
  const start = [lac, placed('p1', '2024-03-04', 'foster')];
  it('on time', () => {
    expect(check('west-berkshire', PPM, [...start, ev('placement-planning-meeting', 'ppm', '2024-03-08')], '2024-03-20')).toEqual(['met 2024-03-09 by ppm']);
  });
  it('late: the Monday after is two days late (calendar days, not working days)', () => {
    const o = one(run('west-berkshire', [...start, ev('placement-planning-meeting', 'ppm', '2024-03-11')], '2024-03-20'), PPM);
    expect([o.status, o.due, o.lateness?.calendarDays]).toEqual(['met-late', '2024-03-09', 2]);
  });
  it('overdue', () => {
    expect(check('west-berkshire', PPM, start, '2024-03-10')).toEqual(['overdue 2024-03-09']);
  });
  it('due', () => {
    expect(check('west-berkshire', PPM, start, '2024-03-09')).toEqual(['due 2024-03-09']);
  });
  it('not applicable: no placement, or a placement made before the child was looked after', () => {
    expect(check('west-berkshire', PPM, [lac], '2024-03-20')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', PPM, [placed('p0', '2024-02-01', 'foster'), lac], '2024-03-20')).toEqual(['not-applicable -']);
  });
  it('every placement has its own meeting', () => {
    // Move to p2 on Monday 2024-04-15: due 2024-04-20.
    const events = [...start, ev('placement-planning-meeting', 'ppm', '2024-03-05'), placed('p2', '2024-04-15', 'residential')];
    expect(check('west-berkshire', PPM, events, '2024-04-22')).toEqual(['met 2024-03-09 by ppm', 'overdue 2024-04-20']);
  });
});

describe('visit within seven days with the Looked After Children\'s Pack', () => {
  // Looked after Monday 2024-03-04: seven days → 2024-03-11.
  const pack = { lookedAfterPackProvided: true };
  it('on time', () => {
    expect(check('west-berkshire', VISIT, [lac, visit('v1', '2024-03-08', pack)], '2024-03-20')).toEqual(['met 2024-03-11 by v1']);
  });
  it('a visit without the pack does not meet it', () => {
    expect(check('west-berkshire', VISIT, [lac, visit('v1', '2024-03-08')], '2024-03-12')).toEqual(['overdue 2024-03-11']);
  });
  it('late, and the supervisor is named', () => {
    const o = one(run('west-berkshire', [lac, visit('v1', '2024-03-12', pack)], '2024-03-20'), VISIT);
    expect([o.status, o.escalateTo]).toEqual(['met-late', 'supervisor']);
    expect(o.explanation).toMatch(/Alert the supervisor\.$/);
  });
  it('overdue: alert the supervisor', () => {
    const o = one(run('west-berkshire', [lac], '2024-03-12'), VISIT);
    expect(o.status).toBe('overdue');
    expect(o.explanation).toContain('(West Berkshire Practice Standards, Standard 1 — Promote and drive lasting outcomes for Children in West Berkshire: Commitment to children being brought up in their family of origin wherever possible)');
    expect(o.explanation).toContain('Alert the supervisor.');
  });
  it('due: no alert yet', () => {
    const o = one(run('west-berkshire', [lac], '2024-03-11'), VISIT);
    expect(o.status).toBe('due');
    expect(o.explanation).not.toContain('Alert');
  });
  it('not applicable: not looked after, or left care within the week', () => {
    expect(check('west-berkshire', VISIT, [], '2024-03-20')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', VISIT, [lac, ev('ceased-looked-after', 'c', '2024-03-06')], '2024-03-20')).toEqual(['not-applicable 2024-03-11']);
  });
});

describe('Looked After Children\'s Review within 28 days', () => {
  // 2024-03-04 + 28 days = 2024-04-01 (Mar 4 + 27 = Mar 31, + 1).
  it('on time', () => {
    expect(check('west-berkshire', REVIEW, [lac, ev('looked-after-review', 'r1', '2024-04-01')], '2024-05-01')).toEqual(['met 2024-04-01 by r1']);
  });
  it('late', () => {
    expect(check('west-berkshire', REVIEW, [lac, ev('looked-after-review', 'r1', '2024-04-02')], '2024-05-01')).toEqual(['met-late 2024-04-01 by r1']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', REVIEW, [lac], '2024-04-02')).toEqual(['overdue 2024-04-01']);
  });
  it('due', () => {
    expect(check('west-berkshire', REVIEW, [lac], '2024-04-01')).toEqual(['due 2024-04-01']);
  });
  it('not applicable: not looked after, or left care first', () => {
    expect(check('west-berkshire', REVIEW, [], '2024-05-01')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', REVIEW, [lac, ev('ceased-looked-after', 'c', '2024-03-20')], '2024-05-01')).toEqual(['not-applicable 2024-04-01']);
  });
});

describe('LAC report seen by family and carers five days before each review', () => {
  // Review on 2024-04-01: five days before → 2024-03-27.
  const r1 = ev('looked-after-review', 'r1', '2024-04-01');
  const shared = (date: string, fields: Record<string, unknown> = {}) => ev('report-shared', `s-${date}`, date, { forEventId: 'r1', ...fields });
  it('on time: shared with the family and carers', () => {
    expect(check('west-berkshire', REPORT, [lac, shared('2024-03-27', { sharedWith: ['family', 'carers'] }), r1], '2024-04-10')).toEqual(['met 2024-03-27 by s-2024-03-27']);
  });
  it('on time: with no list of who saw it recorded, it is not a breach', () => {
    expect(check('west-berkshire', REPORT, [lac, shared('2024-03-26'), r1], '2024-04-10')).toEqual(['met 2024-03-27 by s-2024-03-26']);
  });
  it('late', () => {
    expect(check('west-berkshire', REPORT, [lac, shared('2024-03-28', { sharedWith: ['parents'] }), r1], '2024-04-10')).toEqual(['met-late 2024-03-27 by s-2024-03-28']);
  });
  it('overdue: none shared, or shared only with the IRO, or for another review', () => {
    expect(check('west-berkshire', REPORT, [lac, r1], '2024-04-01')).toEqual(['overdue 2024-03-27']);
    expect(check('west-berkshire', REPORT, [lac, shared('2024-03-25', { sharedWith: ['independent-reviewing-officer'] }), r1], '2024-04-10')).toEqual(['overdue 2024-03-27']);
    expect(check('west-berkshire', REPORT, [lac, ev('report-shared', 's0', '2024-03-25', { forEventId: 'r0' }), r1], '2024-04-10')).toEqual(['overdue 2024-03-27']);
  });
  it('due: never, because a review is known only once held, after its report was due; before the review there is nothing to judge', () => {
    expect(check('west-berkshire', REPORT, [lac, r1], '2024-03-31')).toEqual(['not-applicable -']);
  });
  it('every review is checked', () => {
    // Second review 2024-07-01: due 2024-06-26.
    const r2 = ev('looked-after-review', 'r2', '2024-07-01');
    const events = [lac, shared('2024-03-27'), r1, r2];
    expect(check('west-berkshire', REPORT, events, '2024-07-02')).toEqual(['met 2024-03-27 by s-2024-03-27', 'overdue 2024-06-26']);
  });
});

describe('Care Plan presented at the first review', () => {
  const r1 = ev('looked-after-review', 'r1', '2024-04-01');
  it('on time: a plan completed before the review, which also serves later reviews', () => {
    const events = [lac, ev('care-plan-completed', 'cp', '2024-03-20'), r1, ev('looked-after-review', 'r2', '2024-07-01')];
    expect(check('west-berkshire', CARE_PLAN, events, '2024-07-02')).toEqual(['met 2024-04-01 by cp', 'met 2024-07-01 by cp']);
  });
  it('late: a plan completed after the first review', () => {
    expect(check('west-berkshire', CARE_PLAN, [lac, r1, ev('care-plan-completed', 'cp', '2024-04-05')], '2024-04-10')).toEqual(['met-late 2024-04-01 by cp']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', CARE_PLAN, [lac, r1], '2024-04-02')).toEqual(['overdue 2024-04-01']);
  });
  it('due: on the day of the review', () => {
    expect(check('west-berkshire', CARE_PLAN, [lac, r1], '2024-04-01')).toEqual(['due 2024-04-01']);
  });
  it('not applicable: no review yet', () => {
    expect(check('west-berkshire', CARE_PLAN, [lac], '2024-04-01')).toEqual(['not-applicable -']);
  });
});

describe('Personal Education Meeting within 20 school days', () => {
  // Test term dates (not West Berkshire's): spring term to Thursday 2024-03-28, summer term from
  // Monday 2024-04-15. From 2024-03-04: 5-8 Mar (4), 11-15 (9), 18-22 (14), 25-28 (18),
  // Easter holidays, 15 Apr (19), 16 Apr (20) → 2024-04-16.
  const schoolTerms = { terms: [{ start: '2024-01-04', end: '2024-03-28' }, { start: '2024-04-15', end: '2024-07-23' }] };
  it('on time', () => {
    expect(check('west-berkshire', PEM, [lac, ev('pep-meeting', 'pem', '2024-04-16')], '2024-05-01', { schoolTerms })).toEqual(['met 2024-04-16 by pem']);
  });
  it('late', () => {
    expect(check('west-berkshire', PEM, [lac, ev('pep-meeting', 'pem', '2024-04-17')], '2024-05-01', { schoolTerms })).toEqual(['met-late 2024-04-16 by pem']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', PEM, [lac], '2024-04-17', { schoolTerms })).toEqual(['overdue 2024-04-16']);
  });
  it('due', () => {
    expect(check('west-berkshire', PEM, [lac], '2024-04-16', { schoolTerms })).toEqual(['due 2024-04-16']);
  });
  it('not applicable: not looked after', () => {
    expect(check('west-berkshire', PEM, [], '2024-05-01', { schoolTerms })).toEqual(['not-applicable -']);
  });
  it('a school closure day moves it on (training day on 15 April → 17 April)', () => {
    expect(check('west-berkshire', PEM, [lac], '2024-04-17', { schoolTerms: { ...schoolTerms, closures: ['2024-04-15'] } })).toEqual(['due 2024-04-17']);
  });
  it('unknown without the child\'s term dates, and it says why', () => {
    const o = one(run('west-berkshire', [lac, ev('pep-meeting', 'pem', '2024-04-16')], '2024-05-01'), PEM);
    expect(o.status).toBe('unknown');
    expect(o.explanation).toContain("the child's school term dates are not in the snapshot (schoolTerms), so school days cannot be counted");
  });
});

describe('health assessment arranged within five days and held within a month', () => {
  // Arranged: 2024-03-04 + 5 days = 2024-03-09. Held: + 1 month = 2024-04-04.
  it('on time, both', () => {
    const events = [lac, ev('health-assessment-arranged', 'ha', '2024-03-08'), ev('health-assessment', 'h', '2024-04-04')];
    expect(check('west-berkshire', HEALTH_ARRANGED, events, '2024-05-01')).toEqual(['met 2024-03-09 by ha']);
    expect(check('west-berkshire', HEALTH_HELD, events, '2024-05-01')).toEqual(['met 2024-04-04 by h']);
  });
  it('on time: an assessment already held shows it was arranged', () => {
    expect(check('west-berkshire', HEALTH_ARRANGED, [lac, ev('health-assessment', 'h', '2024-03-07')], '2024-05-01')).toEqual(['met 2024-03-09 by h']);
  });
  it('late, both', () => {
    const events = [lac, ev('health-assessment-arranged', 'ha', '2024-03-11'), ev('health-assessment', 'h', '2024-04-05')];
    expect(check('west-berkshire', HEALTH_ARRANGED, events, '2024-05-01')).toEqual(['met-late 2024-03-09 by ha']);
    expect(check('west-berkshire', HEALTH_HELD, events, '2024-05-01')).toEqual(['met-late 2024-04-04 by h']);
  });
  it('overdue, both', () => {
    expect(check('west-berkshire', HEALTH_ARRANGED, [lac], '2024-03-10')).toEqual(['overdue 2024-03-09']);
    expect(check('west-berkshire', HEALTH_HELD, [lac], '2024-04-05')).toEqual(['overdue 2024-04-04']);
  });
  it('due, both', () => {
    expect(check('west-berkshire', HEALTH_ARRANGED, [lac], '2024-03-09')).toEqual(['due 2024-03-09']);
    expect(check('west-berkshire', HEALTH_HELD, [lac], '2024-04-04')).toEqual(['due 2024-04-04']);
  });
  it('not applicable: not looked after, or left care first', () => {
    expect(check('west-berkshire', HEALTH_HELD, [], '2024-05-01')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', HEALTH_ARRANGED, [lac, ev('ceased-looked-after', 'c', '2024-03-05')], '2024-05-01')).toEqual(['not-applicable 2024-03-09']);
  });
  it('a month from 31 January ends on 29 February in a leap year', () => {
    expect(check('west-berkshire', HEALTH_HELD, [ev('became-looked-after', 'lac', '2024-01-31')], '2024-02-29')).toEqual(['due 2024-02-29']);
  });
});
