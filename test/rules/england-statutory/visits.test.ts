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

  it('on time: a visit within the week', () => {
    expect(check('england-statutory', FIRST, [...start, visit('v1', '2024-03-08', { placementId: 'p1' })], '2024-03-20')).toEqual(['met 2024-03-11 by v1']);
  });
  it('on time: on the last day of the week', () => {
    expect(check('england-statutory', FIRST, [...start, visit('v1', '2024-03-11')], '2024-03-20')).toEqual(['met 2024-03-11 by v1']);
  });
  it('late: a visit two days after the week', () => {
    const o = one(run('england-statutory', [...start, visit('v1', '2024-03-13')], '2024-03-20'), FIRST);
    expect([o.status, o.due, o.lateness?.calendarDays]).toEqual(['met-late', '2024-03-11', 2]);
  });
  it('overdue: no visit by the day after the week', () => {
    expect(check('england-statutory', FIRST, start, '2024-03-12')).toEqual(['overdue 2024-03-11']);
  });
  it('due: no visit yet on the last day', () => {
    expect(check('england-statutory', FIRST, start, '2024-03-11')).toEqual(['due 2024-03-11']);
  });
  it('not applicable: no placement, an adoptive placement (Adoption Agencies Regulations), or the child left care within the week', () => {
    expect(check('england-statutory', FIRST, [lac('2024-03-04')], '2024-03-20')).toEqual(['not-applicable -']);
    expect(check('england-statutory', FIRST, [lac('2024-03-04'), placed('p1', '2024-03-04', 'adoptive')], '2024-03-20')).toEqual(['not-applicable -']);
    expect(check('england-statutory', FIRST, [...start, ev('ceased-looked-after', 'c1', '2024-03-06')], '2024-03-20')).toEqual(['not-applicable 2024-03-11']);
  });
  it('a visit before the placement started, or where the child was not seen, does not count', () => {
    expect(check('england-statutory', FIRST, [...start, visit('v0', '2024-03-01')], '2024-03-12')).toEqual(['overdue 2024-03-11']);
    expect(check('england-statutory', FIRST, [...start, visit('v1', '2024-03-08', { childSeen: false })], '2024-03-12')).toEqual(['overdue 2024-03-11']);
  });
  it('each placement has its own first week', () => {
    // p2 starts 2024-04-15 (Monday): due 2024-04-22.
    const events = [...start, visit('v1', '2024-03-05', { placementId: 'p1' }), ev('placement-ended', 'e1', '2024-04-15', { placementId: 'p1' }), placed('p2', '2024-04-15', 'residential')];
    expect(check('england-statutory', FIRST, events, '2024-04-23')).toEqual(['met 2024-03-11 by v1', 'overdue 2024-04-22']);
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
  // Placement Monday 2024-01-08. Instance 0 due + 6 weeks = 2024-02-19.
  const start = [lac('2024-01-08'), placed('p1', '2024-01-08', 'foster')];

  it('on time: the first visit meets the first interval; the next is due six weeks after it', () => {
    // v1 2024-01-10 + 42 days = 2024-02-21 (Jan 10 + 21 = Jan 31, + 21 = Feb 21); v2 on that day;
    // 2024-02-21 + 42 = 2024-04-03 (Feb 21 + 8 = Feb 29, + 31 = Mar 31, + 3).
    const events = [...start, visit('v1', '2024-01-10'), visit('v2', '2024-02-21')];
    expect(check('england-statutory', VISITS, events, '2024-03-01')).toEqual(['met 2024-02-19 by v1', 'met 2024-02-21 by v2', 'due 2024-04-03']);
  });
  it('late: a visit a day after six weeks; the clock restarts from it', () => {
    // v2 2024-02-22 + 42 = 2024-04-04.
    const events = [...start, visit('v1', '2024-01-10'), visit('v2', '2024-02-22')];
    expect(check('england-statutory', VISITS, events, '2024-03-01')).toEqual(['met 2024-02-19 by v1', 'met-late 2024-02-21 by v2', 'due 2024-04-04']);
  });
  it('overdue: no visit six weeks after the last', () => {
    expect(check('england-statutory', VISITS, [...start, visit('v1', '2024-01-10')], '2024-02-22')).toEqual(['met 2024-02-19 by v1', 'overdue 2024-02-21']);
  });
  it('due: before six weeks have passed', () => {
    expect(check('england-statutory', VISITS, start, '2024-02-19')).toEqual(['due 2024-02-19']);
  });
  it('not applicable: no looked-after placement (a private fostering arrangement is not one)', () => {
    expect(check('england-statutory', VISITS, [ev('private-fostering-notified', 'pf', '2024-01-08')], '2024-03-01')).toEqual(['not-applicable -']);
  });
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
  it('the duty stops when the placement ends or the child leaves care before the next visit falls due', () => {
    const ended = [...start, visit('v1', '2024-01-10'), ev('placement-ended', 'pe', '2024-02-01', { placementId: 'p1' })];
    expect(check('england-statutory', VISITS, ended, '2024-06-01')).toEqual(['met 2024-02-19 by v1']);
    const left = [...start, visit('v1', '2024-01-10'), ev('ceased-looked-after', 'c', '2024-02-01')];
    expect(check('england-statutory', VISITS, left, '2024-06-01')).toEqual(['met 2024-02-19 by v1']);
  });
});

describe('regulation 28(4): weekly until the first review, then four-weekly', () => {
  // Temporarily approved connected person from Monday 2024-03-04: due 03-11; v1 03-08 → due
  // 03-15; v2 03-15 → due 03-22 (no review yet on 03-15); review Wednesday 03-20; v3 03-21 → the
  // clock restarts after the review: + 4 weeks = 2024-04-18.
  const start = [lac('2024-03-04'), placed('p1', '2024-03-04', 'temporarily-approved-carer')];
  const weeks = [visit('v1', '2024-03-08'), visit('v2', '2024-03-15'), ev('looked-after-review', 'r1', '2024-03-20'), visit('v3', '2024-03-21')];

  it('on time: weekly, then four weeks after the first review', () => {
    expect(check('england-statutory', WEEKLY, [...start, ...weeks], '2024-04-01')).toEqual([
      'met 2024-03-11 by v1',
      'met 2024-03-15 by v2',
      'met 2024-03-22 by v3',
      'due 2024-04-18',
    ]);
  });
  it('late: a weekly visit a day late', () => {
    // v1 03-08 → due 03-15; v2 on 03-16 is a day late.
    expect(check('england-statutory', WEEKLY, [...start, visit('v1', '2024-03-08'), visit('v2', '2024-03-16')], '2024-03-18')).toEqual([
      'met 2024-03-11 by v1',
      'met-late 2024-03-15 by v2',
      'due 2024-03-23',
    ]);
  });
  it('overdue: a week passes without a visit', () => {
    expect(check('england-statutory', WEEKLY, [...start, visit('v1', '2024-03-08')], '2024-03-18')).toEqual(['met 2024-03-11 by v1', 'overdue 2024-03-15']);
  });
  it('due: within the first week', () => {
    expect(check('england-statutory', WEEKLY, start, '2024-03-07')).toEqual(['due 2024-03-11']);
  });
  it('not applicable: an ordinary foster placement (regulation 28(2) applies instead)', () => {
    expect(check('england-statutory', WEEKLY, [lac('2024-03-04'), placed('p1', '2024-03-04', 'foster')], '2024-04-01')).toEqual(['not-applicable -']);
  });
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
  // Notified Monday 2024-01-08: first visit due + 6 weeks = 2024-02-19.
  const notified = [ev('private-fostering-notified', 'pf', '2024-01-08')];

  it('on time: the next visit is due six weeks after the last', () => {
    // v1 2024-02-01 + 42 = 2024-03-14 (Feb 1 + 28 = Feb 29, + 14).
    expect(check('england-statutory', PRIVATE, [...notified, visit('v1', '2024-02-01')], '2024-03-01')).toEqual(['met 2024-02-19 by v1', 'due 2024-03-14']);
  });
  it('late', () => {
    expect(check('england-statutory', PRIVATE, [...notified, visit('v1', '2024-02-20')], '2024-03-01')).toEqual(['met-late 2024-02-19 by v1', 'due 2024-04-02']);
  });
  it('overdue', () => {
    expect(check('england-statutory', PRIVATE, notified, '2024-02-20')).toEqual(['overdue 2024-02-19']);
  });
  it('due', () => {
    expect(check('england-statutory', PRIVATE, notified, '2024-02-19')).toEqual(['due 2024-02-19']);
  });
  it('not applicable: no private fostering notification, or the arrangement ended first', () => {
    expect(check('england-statutory', PRIVATE, [lac('2024-01-08')], '2024-03-01')).toEqual(['not-applicable -']);
    expect(check('england-statutory', PRIVATE, [...notified, ev('private-fostering-ended', 'end', '2024-02-01')], '2024-03-01')).toEqual(['not-applicable -']);
  });
  it('in the second year the interval is 12 weeks', () => {
    // Notified 2023-01-09; the visit on 2024-02-16 is in the second year: + 84 days = 2024-05-10
    // (Feb 16 + 13 = Feb 29, + 31 = Mar 31, + 30 = Apr 30, + 10).
    const events = [ev('private-fostering-notified', 'pf', '2023-01-09'), ...yearOfVisits()];
    expect(check('england-statutory', PRIVATE, events, '2024-03-01').at(-1)).toBe('due 2024-05-10');
  });
  it('counts visits in person only, even in 2020 (remote private fostering visits were not verified)', () => {
    const events = [ev('private-fostering-notified', 'pf', '2020-05-04'), visit('v1', '2020-05-06', { mode: 'video' })];
    // 2020-05-04 + 42 = 2020-06-15.
    expect(check('england-statutory', PRIVATE, events, '2020-06-16')).toEqual(['overdue 2020-06-15']);
  });
});
