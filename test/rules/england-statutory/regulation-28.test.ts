import { describe, expect, it } from 'vitest';
import { check, ev, of, one, run, visit } from './helpers.js';

/**
 * Regulation 28 of the Care Planning, Placement and Case Review (England) Regulations 2010, where
 * the rule tables once said otherwise: (2)(c)(i) once a temporarily approved connected person is
 * approved, and (5)(a) the visit within one week of a care order for a child living with a parent.
 */
const WEEKLY = 'england-statutory.visits.connected-person-or-interim-care-order';
const WB_CARE_ORDER = 'west-berkshire.visits.regulatory-care-order-at-home-first-visit';

describe('regulation 28(2)(c)(i): approved connected person, placement intended to last until 18', () => {
  // Placed Monday 2023-01-09; first review 2023-02-01; approved 2023-04-10; first year over 2024-01-09.
  // Weekly until the review: v1 01-12, v2 01-18, v3 01-25 (due 02-01), v4 02-01 (review day: 4 weeks),
  // v5 02-28, v6 03-27, then six-weekly after approval: v7 04-20 (due 06-01), v8 05-30, v9 07-10,
  // v10 08-20, v11 09-29, v12 11-08, v13 12-18 (due 2024-01-29), v14 2024-01-10, v15 2024-04-08.
  const visits = ['2023-01-12', '2023-01-18', '2023-01-25', '2023-02-01', '2023-02-28', '2023-03-27', '2023-04-20', '2023-05-30', '2023-07-10', '2023-08-20', '2023-09-29', '2023-11-08', '2023-12-18', '2024-01-10', '2024-04-08'].map((d, i) =>
    visit(`v${i + 1}`, d),
  );
  const events = (intendedUntil18: boolean) => [
    ev('became-looked-after', 'lac', '2023-01-09'),
    ev('placement-started', 'p1', '2023-01-09', { placementId: 'p1', kind: 'temporarily-approved-carer', intendedUntil18 }),
    ev('looked-after-review', 'r1', '2023-02-01'),
    ev('carer-approved', 'ok', '2023-04-10', { placementId: 'p1' }),
    ...visits,
  ];
  const after = (r: ReturnType<typeof run>, id: string, eventId: string) => of(r, id).find((o) => o.anchor?.eventId === eventId);
  it('after the first year, the next visit is due 3 months after the last (v14 2024-01-10 → 2024-04-10): met by v15', () => {
    const r = run('england-statutory', events(true), '2024-05-01');
    const o = after(r, WEEKLY, 'v14')!;
    expect([o.status, o.due, o.satisfiedBy?.eventId]).toEqual(['met', '2024-04-10', 'v15']);
    expect(of(r, WEEKLY).filter((x) => x.status === 'overdue' || x.status === 'met-late')).toEqual([]);
  });
  it('within the first year, six weeks still applies (v13 2023-12-18 → 2024-01-29)', () => {
    const o = after(run('england-statutory', events(true), '2024-05-01'), WEEKLY, 'v13')!;
    expect([o.status, o.due]).toEqual(['met', '2024-01-29']);
  });
  it('a placement not intended to last until 18 stays six-weekly (v14 → 2024-02-21: v15 is late)', () => {
    const o = after(run('england-statutory', events(false), '2024-05-01'), WEEKLY, 'v14')!;
    expect([o.status, o.due]).toEqual(['met-late', '2024-02-21']);
  });
  it('without approval, regulation 24 still applies: four-weekly (v14 → 2024-02-07)', () => {
    const unapproved = events(true).filter((e) => e.type !== 'carer-approved');
    const o = after(run('england-statutory', unapproved, '2024-05-01'), WEEKLY, 'v14')!;
    expect([o.status, o.due]).toEqual(['met-late', '2024-02-07']);
  });
  it('West Berkshire\'s regulatory copy agrees', () => {
    const o = after(run('west-berkshire', events(true), '2024-05-01'), 'west-berkshire.visits.regulatory-connected-person-or-interim-care-order', 'v14')!;
    expect([o.status, o.due]).toEqual(['met', '2024-04-10']);
  });
});

describe('regulation 28(5)(a): a visit within one week of a care order for a child living with a parent', () => {
  // At home under an interim care order from Monday 2024-01-08; final hearing Monday 2024-06-03: due 2024-06-10.
  const atHome = [
    ev('became-looked-after', 'lac', '2024-01-08', { legalStatus: 'interim-care-order' }),
    ev('placement-started', 'p1', '2024-01-08', { placementId: 'p1', kind: 'placed-with-parents-interim-care-order' }),
  ];
  const hearing = (fields: Record<string, unknown> = { outcome: 'care-order' }) => ev('final-hearing', 'fh', '2024-06-03', fields);
  it('then six-weekly after a care order; four-weekly continues after another order while the child is recorded in care', () => {
    // Last visit 2024-06-05, after the hearing: + 6 weeks = 2024-07-17; + 4 weeks = 2024-07-03.
    const later = [ev('looked-after-review', 'r1', '2024-02-01'), visit('v1', '2024-06-05')];
    expect(check('england-statutory', WEEKLY, [...atHome, ...later, hearing()], '2024-06-10').at(-1)).toBe('due 2024-07-17');
    expect(check('england-statutory', WEEKLY, [...atHome, ...later, hearing({ outcome: 'other-order' })], '2024-06-10').at(-1)).toBe('due 2024-07-03');
  });
  it('West Berkshire alerts the supervisor', () => {
    const o = one(run('west-berkshire', [...atHome, hearing()], '2024-06-11'), WB_CARE_ORDER);
    expect([o.status, o.due, o.escalateTo]).toEqual(['overdue', '2024-06-10', 'supervisor']);
  });
});
