import { describe, expect, it } from 'vitest';
import { check, ev, run, summary, visit } from '../england-statutory/helpers.js';

/**
 * Leeds ends a private fostering arrangement after "a period of more than 27 days away from the
 * care of the private foster carer", and a return then starts a new arrangement with its own
 * first year (the national rule, in ../england-statutory/private-fostering-return.test.ts, reads
 * only recorded ends). One mechanism serves both: the return starts an arrangement; Leeds's rule
 * also ends one after the absence.
 */
const NATIONAL = 'england-statutory.visits.private-fostering';
const LEEDS = 'leeds.visits.private-fostering';

describe('Leeds: more than 27 days away ends the arrangement, and a return starts a new one', () => {
  // Notified 2022-04-11; v1 2023-04-12 in the second year → due 2023-07-05 (+ 84 days).
  // Away from 2023-05-01: 27 days away runs to 2023-05-28; the arrangement ceases on 2023-05-29.
  const base = [ev('private-fostering-notified', 'n0', '2022-04-11'), visit('v1', '2023-04-12'), ev('private-fostering-child-away', 'aw', '2023-05-01')];
  const returned = (date: string) => ev('private-fostering-child-returned', 'back', date, { carer: 'same' });
  const leeds = (events: ReturnType<typeof ev>[], asOf: string) => summary(run('leeds-2023', events, asOf), LEEDS);
  it('away 70 days, returned 2023-07-10 with no end recorded: six-weekly again, due 2023-08-21', () => {
    expect(leeds([...base, returned('2023-07-10')], '2023-07-20').at(-1)).toBe('due 2023-08-21');
  });
  it('the visit that fell due while the arrangement had ceased is not owed', () => {
    expect(leeds([...base, returned('2023-07-10')], '2023-07-20')).not.toContain('overdue 2023-07-05');
  });
  it('back after exactly 27 days (2023-05-28): the arrangement continues, 12-weekly', () => {
    expect(leeds([...base, returned('2023-05-28')], '2023-06-01').at(-1)).toBe('due 2023-07-05');
  });
  it('back after 28 days (2023-05-29): a new arrangement from that day, due 2023-07-10', () => {
    expect(leeds([...base, returned('2023-05-29')], '2023-06-01').at(-1)).toBe('due 2023-07-10');
  });
  it('still away on the 27th day: visits stay due', () => {
    expect(leeds(base, '2023-05-28').at(-1)).toBe('due 2023-07-05');
  });
  it('away and not back: no visit owed once the arrangement has ceased', () => {
    // The first visit of the arrangement (due 2022-05-23) came late; nothing after it is owed.
    expect(leeds(base, '2023-07-20')).toEqual(['met-late 2022-05-23 by v1']);
  });
  it('an absence before the arrangement does not end it', () => {
    // Away 2023-06-01 (49 days before the as-of date), notified 2023-06-15 → due 2023-07-27.
    const events = [ev('private-fostering-child-away', 'aw', '2023-06-01'), ev('private-fostering-notified', 'n1', '2023-06-15')];
    expect(leeds(events, '2023-07-20')).toEqual(['due 2023-07-27']);
  });
  it('the national rule reads only recorded ends: the same absence leaves its second-year clock running', () => {
    expect(check('england-statutory', NATIONAL, [...base, returned('2023-07-10')], '2023-07-20').at(-1)).toBe('overdue 2023-07-05');
  });
});
