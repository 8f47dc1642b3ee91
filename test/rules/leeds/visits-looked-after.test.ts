import { describe, expect, it } from 'vitest';
import { check, child, ev, visit } from './helpers.js';

const placed = (id: string, date: string, kind: string, placementId = 'p1', extra: Record<string, unknown> = {}) =>
  ev('placement-started', id, date, { placementId, kind, ...extra });

describe('leeds.visits.adoptive-placement', () => {
  const id = 'leeds.visits.adoptive-placement';
  const start = placed('pl', '2023-06-05', 'adoptive');
  // Within 1 week: 2023-06-05 + 7 → 2023-06-12; weekly from each visit until the first review (2023-06-20);
  // the visit on 2023-06-23 was due 2023-06-16 + 7 = 2023-06-23 (weekly, set on 2023-06-16, before the review);
  // after it: + 42 days → 2023-08-04
  const weeklyThenReview = [start, visit('v1', '2023-06-09'), visit('v2', '2023-06-16'), ev('looked-after-review', 'rv', '2023-06-20'), visit('v3', '2023-06-23')];
  it('after the first year of the placement: 3-monthly', () => {
    // Placed 2022-06-06, first review 2022-07-01. Visit 2023-06-05 (still year one) → + 42 → 2023-07-17;
    // visit 2023-06-07 (after the anniversary 2023-06-06) → + 3 months → 2023-09-07
    const base = [placed('pl', '2022-06-06', 'adoptive'), ev('looked-after-review', 'rv', '2022-07-01')];
    expect(check(id, child([...base, visit('v1', '2023-06-05')]), '2023-06-06').slice(-1)).toEqual(['due 2023-07-17']);
    expect(check(id, child([...base, visit('v1', '2023-06-07')]), '2023-06-08').slice(-1)).toEqual(['due 2023-09-07']);
  });
  it('a frequency determined at the adoption review is applied; one set by a team manager is not', () => {
    const v = (agreedBy: string[]) => ({ kind: 'interval', id: 'ar', ruleId: id, interval: { months: 4 }, agreedBy, agreedOn: '2023-06-20' });
    // 2023-06-23 + 4 months → 2023-10-23; refused: + 42 days → 2023-08-04
    expect(check(id, child(weeklyThenReview, { variations: [v(['adoption-review'])] }), '2023-07-01').slice(-1)).toEqual(['due 2023-10-23']);
    expect(check(id, child(weeklyThenReview, { variations: [v(['team-manager'])] }), '2023-07-01').slice(-1)).toEqual(['due 2023-08-04']);
  });
});

describe.each([
  ['leeds.visits.young-offender-institution', 'young-offender-institution', 'health-setting'],
  ['leeds.visits.health-setting', 'health-setting', 'young-offender-institution'],
])('%s', (id, kind, otherKind) => {
  it('first year → any subsequent year: 3 months', () => {
    // Placed 2022-05-16, anniversary 2023-05-16. Visit 2023-05-15 → + 42 → 2023-06-26; visit 2023-05-20 → + 3 months → 2023-08-20
    const old = placed('pl', '2022-05-16', kind);
    expect(check(id, child([old, visit('v1', '2023-05-15')]), '2023-05-16').slice(-1)).toEqual(['due 2023-06-26']);
    expect(check(id, child([old, visit('v1', '2023-05-20')]), '2023-05-21').slice(-1)).toEqual(['due 2023-08-20']);
  });
});

describe('leeds.visits.health-setting flexibility', () => {
  const id = 'leeds.visits.health-setting';
  const events = [placed('pl', '2023-05-15', 'health-setting'), visit('v1', '2023-05-22')];
  const v = (interval: Record<string, number>) => ({ kind: 'interval', id: 'fx', ruleId: id, interval, agreedBy: ['team-manager'], agreedOn: '2023-05-15' });
  it('a 2-monthly interval agreed by the team manager is applied', () => {
    // 2023-05-22 + 2 months → 2023-07-22
    expect(check(id, child(events, { variations: [v({ months: 2 })] }), '2023-06-01').slice(-1)).toEqual(['due 2023-07-22']);
  });
  it('one longer than 3 months is refused', () => {
    expect(check(id, child(events, { variations: [v({ months: 4 })] }), '2023-06-01').slice(-1)).toEqual(['due 2023-07-03']);
  });
});
