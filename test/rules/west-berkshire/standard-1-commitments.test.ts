import { describe, expect, it } from 'vitest';
import { check, ev, one, run } from '../england-statutory/helpers.js';

/** Standard 1: improving practice, placement stability, enjoying and achieving, life skills. */
const DISPUTE = 'west-berkshire.meetings-and-plans.quality-dispute-plan';
const ADULTS = 'west-berkshire.meetings-and-plans.adult-services-alert';
const HOUSING = 'west-berkshire.meetings-and-plans.housing-plan-at-16';

describe('a plan within five working days when the quality of work is disputed', () => {
  // Raised Wednesday 2023-12-20: 21 (1), 22 (2), 25-26 bank holidays, 27 (3), 28 (4), 29 (5) → 2023-12-29.
  const dispute = ev('quality-dispute-raised', 'd1', '2023-12-20');
  it('late: 2 January is one working day late (1 January is a bank holiday)', () => {
    const o = one(run('west-berkshire', [dispute, ev('quality-dispute-plan', 'plan', '2024-01-02')], '2024-01-10'), DISPUTE);
    expect([o.status, o.lateness?.workingDays, o.lateness?.calendarDays]).toEqual(['met-late', 1, 4]);
  });
});

describe('adult teams alerted at 14 years 6 months', () => {
  // Born 2010-01-15: 14 years 6 months on 2024-07-15. In care since 2020-01-06.
  const child = { child: { dateOfBirth: '2010-01-15', needsAdultServices: true } };
  const inCare = ev('became-looked-after', 'lac', '2020-01-06');
  it('not applicable: not recorded as needing adult services, or not in care at that age', () => {
    const unrecorded = one(run('west-berkshire', [inCare], '2024-08-01', { child: { dateOfBirth: '2010-01-15' } }), ADULTS);
    expect(unrecorded.explanation).toBe('Not applicable (case case-WB1): the snapshot does not record needsAdultServices.');
    expect(check('west-berkshire', ADULTS, [inCare], '2024-08-01', { child: { dateOfBirth: '2010-01-15', needsAdultServices: false } })).toEqual(['not-applicable -']);
    expect(check('west-berkshire', ADULTS, [inCare, ev('ceased-looked-after', 'c', '2023-06-01')], '2024-08-01', child)).toEqual(['not-applicable -']);
  });
  it('a young person who comes into care after 14 years 6 months is due on the day they come into care', () => {
    const o = one(run('west-berkshire', [ev('became-looked-after', 'lac', '2025-02-03')], '2025-02-04', child), ADULTS);
    expect([o.status, o.due, o.anchor?.label]).toEqual(['overdue', '2025-02-03', 'date the child became looked after (after the age of 14 years 6 months)']);
  });
});

describe('Housing Plan in place for every looked-after 16 year old', () => {
  // Born 2008-05-20: 16 on 2024-05-20. In care since 2022-01-10.
  const child = { child: { dateOfBirth: '2008-05-20' } };
  const inCare = ev('became-looked-after', 'lac', '2022-01-10');
  it('not applicable: never in care, or left care before 16', () => {
    expect(check('west-berkshire', HOUSING, [], '2024-06-01', child)).toEqual(['not-applicable -']);
    const left = one(run('west-berkshire', [inCare, ev('ceased-looked-after', 'c', '2023-09-01')], '2024-06-01', child), HOUSING);
    expect(left.explanation).toBe(
      'Not applicable (case case-WB1): the age of 16 years or, if later, the date the child became looked after did not fall within a period that starts with the date the child became looked after.',
    );
  });
});
