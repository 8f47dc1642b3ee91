import { describe, expect, it } from 'vitest';
import { ev, one, run } from './helpers.js';

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
});

describe('becoming eligible after 16', () => {
  it('not eligible when the 13 weeks would end after the 18th birthday (in care from 2025-12-01: 2026-03-02)', () => {
    const o = one(run('england-statutory', [ev('became-looked-after', 'lac', '2025-12-01')], '2026-03-10', recorded), NEEDS);
    expect(o.status).toBe('not-applicable');
    expect(o.explanation).toContain('did not become an eligible child');
  });
});
