import { describe, expect, it } from 'vitest';
import { check, ev, one, run, visit } from '../england-statutory/helpers.js';

/** Standard 1, "Commitment to children being brought up in their family of origin wherever possible". */
const HOS = 'west-berkshire.meetings-and-plans.head-of-service-approval';
const PPM = 'west-berkshire.meetings-and-plans.placement-planning-meeting';
const VISIT = 'west-berkshire.visits.first-visit';
const PEM = 'west-berkshire.meetings-and-plans.personal-education-meeting';

const lac = ev('became-looked-after', 'lac', '2024-03-04');
const placed = (id: string, date: string, kind: string, fields: Record<string, unknown> = {}) => ev('placement-started', id, date, { placementId: id, kind, ...fields });

describe('reports to the Head of Service within 48 hours for placements with family or connected persons', () => {
  // Placed with a connected person at 15:00 on Monday 2024-03-04: due 15:00 on Wednesday 2024-03-06.
  const start = [lac, placed('p1', '2024-03-04', 'connected-person', { at: '2024-03-04T15:00:00+00:00' })];
  const report = (at: string) => ev('head-of-service-report', 'hos', at.slice(0, 10), { at, placementId: 'p1' });
  it('late: an hour after the 48 hours', () => {
    const o = one(run('west-berkshire', [...start, report('2024-03-06T16:00:00+00:00')], '2024-03-10'), HOS);
    expect([o.status, o.lateness?.hours]).toEqual(['met-late', 1]);
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
  it('late: the Monday after is two days late (calendar days, not working days)', () => {
    const o = one(run('west-berkshire', [...start, ev('placement-planning-meeting', 'ppm', '2024-03-11')], '2024-03-20'), PPM);
    expect([o.status, o.due, o.lateness?.calendarDays]).toEqual(['met-late', '2024-03-09', 2]);
  });
});

describe('visit within seven days with the Looked After Children\'s Pack', () => {
  // Looked after Monday 2024-03-04: seven days → 2024-03-11.
  const pack = { lookedAfterPackProvided: true };
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
});

describe('Personal Education Meeting within 20 school days', () => {
  it('unknown without the child\'s term dates, and it says why', () => {
    const o = one(run('west-berkshire', [lac, ev('pep-meeting', 'pem', '2024-04-16')], '2024-05-01'), PEM);
    expect(o.status).toBe('unknown');
    expect(o.explanation).toContain("the child's school term dates are not in the snapshot (schoolTerms), so school days cannot be counted");
  });
});
