import { describe, expect, it } from 'vitest';
import { check, ev, visit } from './helpers.js';

/**
 * Private fostering: a child who returns to a private foster carer after the arrangement ended is
 * in a new arrangement with its own first year (regulation 8(1) and (6) of the Children (Private
 * Arrangements for Fostering) Regulations 2005). Leeds's reading of an absence is tested in
 * test/rules/leeds/private-fostering-return.test.ts.
 */
const NATIONAL = 'england-statutory.visits.private-fostering';
const WB = 'west-berkshire.visits.regulatory-private-fostering';

describe('a recorded return after the arrangement ended starts a new arrangement (national and West Berkshire)', () => {
  // Notified 2022-04-11; ended 2023-06-01; returned 2023-07-10 → first visit of the new arrangement 2023-08-21 (+ 42 days).
  const ended = [ev('private-fostering-notified', 'n0', '2022-04-11'), visit('v1', '2023-04-12'), ev('private-fostering-ended', 'end', '2023-06-01')];
  const back = ev('private-fostering-child-returned', 'back', '2023-07-10', { carer: 'same' });
  it('visits are due again, six-weekly', () => {
    expect(check('england-statutory', NATIONAL, [...ended, back], '2023-07-20').at(-1)).toBe('due 2023-08-21');
    expect(check('west-berkshire', WB, [...ended, back], '2023-07-20').at(-1)).toBe('due 2023-08-21');
  });
  it('with a new first year: a visit on 2023-07-20 brings the next within six weeks (2023-08-31), not 12', () => {
    expect(check('england-statutory', NATIONAL, [...ended, back, visit('v2', '2023-07-20')], '2023-08-01').at(-1)).toBe('due 2023-08-31');
  });
  it('overdue when the new arrangement is not visited', () => {
    expect(check('england-statutory', NATIONAL, [...ended, back], '2023-08-22').at(-1)).toBe('overdue 2023-08-21');
  });
  it('a return to a different carer starts one too', () => {
    expect(check('england-statutory', NATIONAL, [...ended, { ...back, carer: 'different' }], '2023-07-20').at(-1)).toBe('due 2023-08-21');
  });
  it('a return while the arrangement is open changes nothing (second year: v1 2023-04-12 + 84 days = 2023-07-05)', () => {
    const open = [ev('private-fostering-notified', 'n0', '2022-04-11'), visit('v1', '2023-04-12'), ev('private-fostering-child-away', 'aw', '2023-05-01'), back];
    expect(check('england-statutory', NATIONAL, open, '2023-07-20').at(-1)).toBe('overdue 2023-07-05');
  });
});
