import { describe, expect, it } from 'vitest';
import { check, ev, run } from './helpers.js';

/**
 * Statutory visits by video or phone counted only while the coronavirus amendment regulations
 * allowed them: SI 2020/445 from 24 April 2020 (its relevant period ends with 25 September 2020),
 * then SI 2020/909 from 25 September 2020, on condition that an in-person visit was contrary to
 * coronavirus guidance or not reasonably practicable for a coronavirus reason, extended by
 * SI 2021/261 to 30 September 2021. The visit's own date decides, not the as-of date.
 */
const FIRST = 'england-statutory.visits.looked-after-first-visit';

function placedOn(date: string) {
  return [ev('became-looked-after', 'lac', date), ev('placement-started', 'p1', date, { placementId: 'p1', kind: 'foster' })];
}

describe('each case gets the law of its own dates', () => {
  it('regulation 28 is not in force before 1 April 2011, so no visit duty is reported then', () => {
    const events = [...placedOn('2011-03-21')];
    expect(run('england-statutory', events, '2011-03-31').obligations.filter((o) => o.ruleId === FIRST)).toEqual([]);
    // From 2011-04-01 it is: placed Monday 2011-03-21, due 2011-03-28, so overdue.
    expect(check('england-statutory', FIRST, events, '2011-04-01')).toEqual(['overdue 2011-03-28']);
  });
});
