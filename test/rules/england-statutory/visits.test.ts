import { describe, expect, it } from 'vitest';
import { check, ev, one, run, visit, type Ev } from './helpers.js';

const FIRST = 'england-statutory.visits.looked-after-first-visit';
const VISITS = 'england-statutory.visits.looked-after';
const WEEKLY = 'england-statutory.visits.connected-person-or-interim-care-order';
const PRIVATE = 'england-statutory.visits.private-fostering';

const lac = (date: string) => ev('became-looked-after', 'lac', date);
const placed = (id: string, date: string, kind: string, fields: Record<string, unknown> = {}) => ev('placement-started', id, date, { placementId: id, kind, ...fields });

describe('regulation 28(2)(a): a visit within one week of any placement', () => {
  // Placement on Monday 2024-03-04; + 1 week = Monday 2024-03-11.
  const start = [lac('2024-03-04'), placed('p1', '2024-03-04', 'foster')];
  it('late: a visit two days after the week', () => {
    const o = one(run('england-statutory', [...start, visit('v1', '2024-03-13')], '2024-03-20'), FIRST);
    expect([o.status, o.due, o.lateness?.calendarDays]).toEqual(['met-late', '2024-03-11', 2]);
  });
});

/**
 * Visits every ≤ 35–42 days through a first year from Monday 2023-01-09, so that only the end of
 * the chain matters. Gaps: 01-12→02-20 39 days, →03-31 39, →05-10 40, →06-19 40, →07-28 39,
 * →09-06 40, →10-16 40, →11-24 39, →2024-01-05 42, →2024-02-16 42 (Jan 5 + 31 = Feb 5, + 11).
 */
const YEAR_OF_VISITS = ['2023-01-12', '2023-02-20', '2023-03-31', '2023-05-10', '2023-06-19', '2023-07-28', '2023-09-06', '2023-10-16', '2023-11-24', '2024-01-05', '2024-02-16'];
function yearOfVisits(fields: Record<string, unknown> = {}): Ev[] {
  return YEAR_OF_VISITS.map((d, i) => visit(`v${i + 1}`, d, fields));
}

describe('regulation 28(2)(b) and (c): visits at intervals through the placement', () => {
  it('after the first year a placement intended to last until 18 goes to three months', () => {
    // Placement 2023-01-09; year one ends 2024-01-09. The visit on 2024-01-05 is in year one: next
    // due + 6 weeks = 2024-02-16. The visit on 2024-02-16 is after year one: + 3 months = 2024-05-16.
    const events = [lac('2023-01-09'), placed('p1', '2023-01-09', 'foster', { intendedUntil18: true }), ...yearOfVisits()];
    const s = check('england-statutory', VISITS, events, '2024-03-01');
    expect(s.slice(-3)).toEqual(['met 2024-01-05 by v10', 'met 2024-02-16 by v11', 'due 2024-05-16']);
    expect(s.filter((x) => !x.startsWith('met '))).toEqual(['due 2024-05-16']);
  });
  it('after the first year any other placement stays six-weekly, and so does a care order at home', () => {
    // 2024-02-16 + 42 = 2024-03-29 (Feb 16 + 13 = Feb 29, + 29).
    const other = [lac('2023-01-09'), placed('p1', '2023-01-09', 'foster'), ...yearOfVisits()];
    expect(check('england-statutory', VISITS, other, '2024-03-01').at(-1)).toBe('due 2024-03-29');
    const careOrderAtHome = [lac('2023-01-09'), placed('p1', '2023-01-09', 'placed-with-parents-care-order', { intendedUntil18: true }), ...yearOfVisits()];
    expect(check('england-statutory', VISITS, careOrderAtHome, '2024-03-01').at(-1)).toBe('due 2024-03-29');
  });
});

describe('regulation 28(4): weekly until the first review, then four-weekly', () => {
  // Temporarily approved connected person from Monday 2024-03-04: due 03-11; v1 03-08 → due
  // 03-15; v2 03-15 → due 03-22 (no review yet on 03-15); review Wednesday 03-20; v3 03-21 → the
  // clock restarts after the review: + 4 weeks = 2024-04-18.
  const start = [lac('2024-03-04'), placed('p1', '2024-03-04', 'temporarily-approved-carer')];
  const weeks = [visit('v1', '2024-03-08'), visit('v2', '2024-03-15'), ev('looked-after-review', 'r1', '2024-03-20'), visit('v3', '2024-03-21')];
  it('once the connected person is approved, regulation 24 no longer applies: six weeks', () => {
    // Approved 2024-04-10; v4 2024-04-15 + 42 = 2024-05-27 (Apr 15 + 15 = Apr 30, + 27).
    const events = [...start, ...weeks, ev('carer-approved', 'ca', '2024-04-10', { placementId: 'p1' }), visit('v4', '2024-04-15')];
    expect(check('england-statutory', WEEKLY, events, '2024-05-01').at(-1)).toBe('due 2024-05-27');
  });
  it('an interim care order at home: weekly, then four-weekly, then six-weekly after the final hearing; carer approval does not apply to it', () => {
    const ico = [lac('2024-03-04'), placed('p1', '2024-03-04', 'placed-with-parents-interim-care-order'), ...weeks];
    // Carer approval is ignored: v4 2024-04-15 + 4 weeks = 2024-05-13.
    expect(check('england-statutory', WEEKLY, [...ico, ev('carer-approved', 'ca', '2024-04-10'), visit('v4', '2024-04-15')], '2024-05-01').at(-1)).toBe('due 2024-05-13');
    // Final hearing 2024-04-10: v4 2024-04-15 + 6 weeks = 2024-05-27.
    expect(check('england-statutory', WEEKLY, [...ico, ev('final-hearing', 'fh', '2024-04-10'), visit('v4', '2024-04-15')], '2024-05-01').at(-1)).toBe('due 2024-05-27');
  });
});

describe('Private Fostering Regulations 2005, regulation 8: six-weekly in the first year, then 12-weekly', () => {
  it('in the second year the interval is 12 weeks', () => {
    // Notified 2023-01-09; the visit on 2024-02-16 is in the second year: + 84 days = 2024-05-10
    // (Feb 16 + 13 = Feb 29, + 31 = Mar 31, + 30 = Apr 30, + 10).
    const events = [ev('private-fostering-notified', 'pf', '2023-01-09'), ...yearOfVisits()];
    expect(check('england-statutory', PRIVATE, events, '2024-03-01').at(-1)).toBe('due 2024-05-10');
  });
});
