import { describe, expect, it } from 'vitest';
import { check, ev, run, visit } from './helpers.js';

/**
 * Statutory visits by video or phone counted only while the coronavirus amendment regulations
 * allowed them: SI 2020/445 from 24 April 2020 (its relevant period ends with 25 September 2020),
 * then SI 2020/909 from 25 September 2020, on condition that an in-person visit was contrary to
 * coronavirus guidance or not reasonably practicable for a coronavirus reason, extended by
 * SI 2021/261 to 30 September 2021. The visit's own date decides, not the as-of date.
 */
const FIRST = 'england-statutory.visits.looked-after-first-visit';
const VISITS = 'england-statutory.visits.looked-after';
const WB_FIRST = 'west-berkshire.visits.regulatory-first-visit';

function placedOn(date: string) {
  return [ev('became-looked-after', 'lac', date), ev('placement-started', 'p1', date, { placementId: 'p1', kind: 'foster' })];
}

describe('SI 2020/445 begins on 24 April 2020', () => {
  // Placed Monday 2020-04-20: first visit due 2020-04-27.
  it('a video visit on 2020-04-23 does not count', () => {
    expect(check('england-statutory', FIRST, [...placedOn('2020-04-20'), visit('v1', '2020-04-23', { mode: 'video' })], '2020-04-28')).toEqual(['overdue 2020-04-27']);
  });
  it('a video visit on 2020-04-24 counts, with no condition recorded', () => {
    expect(check('england-statutory', FIRST, [...placedOn('2020-04-20'), visit('v1', '2020-04-24', { mode: 'video' })], '2020-04-28')).toEqual(['met 2020-04-27 by v1']);
  });
  it('a phone visit counts too', () => {
    expect(check('england-statutory', FIRST, [...placedOn('2020-04-20'), visit('v1', '2020-04-24', { mode: 'phone' })], '2020-04-28')).toEqual(['met 2020-04-27 by v1']);
  });
});

describe('SI 2020/909 from 25 September 2020 narrows remote visits to a recorded coronavirus reason', () => {
  // Placed Monday 2020-09-21: due 2020-09-28.
  const placed = placedOn('2020-09-21');
  it('on 2020-09-25, the last day of SI 2020/445, a video visit counts without a reason', () => {
    expect(check('england-statutory', FIRST, [...placed, visit('v1', '2020-09-25', { mode: 'video' })], '2020-09-29')).toEqual(['met 2020-09-28 by v1']);
  });
  it('on 2020-09-26 a video visit without the reason does not count', () => {
    expect(check('england-statutory', FIRST, [...placed, visit('v1', '2020-09-26', { mode: 'video' })], '2020-09-29')).toEqual(['overdue 2020-09-28']);
  });
  it('on 2020-09-26 a video visit recorded as remote for a coronavirus reason counts', () => {
    expect(check('england-statutory', FIRST, [...placed, visit('v1', '2020-09-26', { mode: 'video', remoteForCoronavirus: true })], '2020-09-29')).toEqual(['met 2020-09-28 by v1']);
  });
});

describe('the easement ends after 30 September 2021 (SI 2021/261)', () => {
  // Placed Monday 2021-09-27: due 2021-10-04.
  const placed = placedOn('2021-09-27');
  it('a video visit for a coronavirus reason on 2021-09-30 counts', () => {
    expect(check('england-statutory', FIRST, [...placed, visit('v1', '2021-09-30', { mode: 'video', remoteForCoronavirus: true })], '2021-10-05')).toEqual(['met 2021-10-04 by v1']);
  });
  it('on 2021-10-01 it does not', () => {
    expect(check('england-statutory', FIRST, [...placed, visit('v1', '2021-10-01', { mode: 'video', remoteForCoronavirus: true })], '2021-10-05')).toEqual(['overdue 2021-10-04']);
  });
  it('an in-person visit always counts', () => {
    expect(check('england-statutory', FIRST, [...placed, visit('v1', '2021-10-01')], '2021-10-05')).toEqual(['met 2021-10-04 by v1']);
  });
});

describe('each case gets the law of its own dates', () => {
  it('a 2020 case evaluated in 2024 still counts its 2020 video visits; a 2024 case does not', () => {
    // 2020: placed 2020-05-04, video visit 2020-05-06 → met by 2020-05-11; next due 2020-05-06 + 42
    // = 2020-06-17; in-person visit 2020-06-10 → next due 2020-07-22; placement ended 2020-07-01.
    const case2020 = [...placedOn('2020-05-04'), visit('v1', '2020-05-06', { mode: 'video' }), visit('v2', '2020-06-10'), ev('placement-ended', 'pe', '2020-07-01', { placementId: 'p1' })];
    expect(check('england-statutory', VISITS, case2020, '2024-06-01')).toEqual(['met 2020-06-15 by v1', 'met 2020-06-17 by v2']);
    expect(check('england-statutory', FIRST, case2020, '2024-06-01')).toEqual(['met 2020-05-11 by v1']);
    // 2024: the same pattern four years on: placed 2024-05-06, video 2024-05-08 does not count.
    const case2024 = [...placedOn('2024-05-06'), visit('v1', '2024-05-08', { mode: 'video', remoteForCoronavirus: true })];
    expect(check('england-statutory', FIRST, case2024, '2024-06-01')).toEqual(['overdue 2024-05-13']);
  });
  it('the West Berkshire regulatory visit rules follow the same periods', () => {
    const placed = placedOn('2020-09-21');
    expect(check('west-berkshire', WB_FIRST, [...placed, visit('v1', '2020-09-25', { mode: 'video' })], '2020-09-29')).toEqual(['met 2020-09-28 by v1']);
    expect(check('west-berkshire', WB_FIRST, [...placed, visit('v1', '2020-09-26', { mode: 'video' })], '2020-09-29')).toEqual(['overdue 2020-09-28']);
  });
  it('regulation 28 is not in force before 1 April 2011, so no visit duty is reported then', () => {
    const events = [...placedOn('2011-03-21')];
    expect(run('england-statutory', events, '2011-03-31').obligations.filter((o) => o.ruleId === FIRST)).toEqual([]);
    // From 2011-04-01 it is: placed Monday 2011-03-21, due 2011-03-28, so overdue.
    expect(check('england-statutory', FIRST, events, '2011-04-01')).toEqual(['overdue 2011-03-28']);
  });
});
