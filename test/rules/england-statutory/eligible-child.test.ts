import { describe, expect, it } from 'vitest';
import { check, ev, one, run } from './helpers.js';

/**
 * Regulations 40 to 42 and Children Act 1989 Schedule 2 paragraph 19B(2): an eligible child is
 * 16 or 17, looked after, and has been looked after for 13 weeks in all since the age of 14. The
 * needs assessment is due three months after the 16th birthday or, when later, after the day the
 * child became eligible.
 *
 * Born 2008-02-10: 14 on 2022-02-10, 16 on 2024-02-10, 18 on 2026-02-10. Days are counted by hand:
 * 2024-01-10 + 91 days = 2024-04-10 (21 days of January, 29 of February, 31 of March, 10 of April).
 */
const NEEDS = 'england-statutory.meetings-and-plans.needs-assessment-at-16';
const born = '2008-02-10';
const recorded = { child: { dateOfBirth: born, careHistoryFrom: born } };
const unrecorded = { child: { dateOfBirth: born } };

describe('a child who came into care at 15 years 11 months is not overdue before being eligible', () => {
  const inCare = [ev('became-looked-after', 'lac', '2024-01-10')];
  it('eligible 13 weeks after coming into care (2024-04-10): due three months later, 2024-07-10', () => {
    // The 16th birthday rule alone made this overdue on 2024-05-11.
    expect(check('england-statutory', NEEDS, inCare, '2024-05-11', recorded)).toEqual(['due 2024-07-10']);
    expect(check('england-statutory', NEEDS, [...inCare, ev('needs-assessment-completed', 'na', '2024-06-20')], '2024-08-01', recorded)).toEqual(['met 2024-07-10 by na']);
    expect(check('england-statutory', NEEDS, inCare, '2024-07-11', recorded)).toEqual(['overdue 2024-07-10']);
  });
  it('the explanation says the clock starts on becoming an eligible child', () => {
    const o = one(run('england-statutory', inCare, '2024-05-11', recorded), NEEDS);
    expect(o.anchor?.date).toBe('2024-04-10');
    expect(o.explanation).toContain('eligible child');
  });
  it('unknown, naming the missing fact, when care before 2024-01-10 since the age of 14 is not recorded', () => {
    const o = one(run('england-statutory', inCare, '2024-05-11', unrecorded), NEEDS);
    expect(o.status).toBe('unknown');
    expect(o.explanation).toContain('child.careHistoryFrom');
  });
  it('a history recorded only from after the 14th birthday is not enough', () => {
    expect(check('england-statutory', NEEDS, inCare, '2024-05-11', { child: { dateOfBirth: born, careHistoryFrom: '2023-01-01' } })).toEqual(['unknown -']);
  });
});

describe('periods add up across gaps, counted from the 14th birthday', () => {
  it('30 days in 2022 and care again from 2024-01-10: eligible on day 61 of the second period, 2024-03-11; due 2024-06-11', () => {
    const events = [ev('became-looked-after', 'lac1', '2022-06-01'), ev('ceased-looked-after', 'left1', '2022-07-01'), ev('became-looked-after', 'lac2', '2024-01-10')];
    expect(check('england-statutory', NEEDS, events, '2024-05-01', recorded)).toEqual(['due 2024-06-11']);
  });
  it('in care since before 14: eligible on the 16th birthday, with no history needed (nothing can be earlier)', () => {
    expect(check('england-statutory', NEEDS, [ev('became-looked-after', 'lac', '2021-11-10')], '2024-05-11', unrecorded)).toEqual(['overdue 2024-05-10']);
  });
  it('a period that ended before the 14th birthday does not count', () => {
    const events = [ev('became-looked-after', 'lac1', '2020-01-01'), ev('ceased-looked-after', 'left1', '2022-01-01'), ev('became-looked-after', 'lac2', '2024-01-10')];
    expect(check('england-statutory', NEEDS, events, '2024-05-11', recorded)).toEqual(['due 2024-07-10']);
  });
});

describe('becoming eligible after 16', () => {
  it('in care from 2024-05-01: eligible 2024-07-31, due 2024-10-31 (the 16th birthday rule gave no duty at all)', () => {
    expect(check('england-statutory', NEEDS, [ev('became-looked-after', 'lac', '2024-05-01')], '2024-09-01', recorded)).toEqual(['due 2024-10-31']);
  });
  it('not eligible when the 13 weeks would end after the 18th birthday (in care from 2025-12-01: 2026-03-02)', () => {
    const o = one(run('england-statutory', [ev('became-looked-after', 'lac', '2025-12-01')], '2026-03-10', recorded), NEEDS);
    expect(o.status).toBe('not-applicable');
    expect(o.explanation).toContain('did not become an eligible child');
  });
  it('not eligible after 60 days in care at 16 with the history recorded; unknown without it', () => {
    const events = [ev('became-looked-after', 'lac', '2024-03-01'), ev('ceased-looked-after', 'left', '2024-04-30')];
    expect(check('england-statutory', NEEDS, events, '2024-09-01', recorded)).toEqual(['not-applicable -']);
    expect(check('england-statutory', NEEDS, events, '2024-09-01', unrecorded)).toEqual(['unknown -']);
  });
  it('never looked after from the 16th birthday: not applicable whatever the history', () => {
    const events = [ev('became-looked-after', 'lac', '2022-06-01'), ev('ceased-looked-after', 'left', '2023-06-01')];
    expect(check('england-statutory', NEEDS, events, '2024-09-01', unrecorded)).toEqual(['not-applicable -']);
  });
});
