import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, visit } from './helpers.js';

const placed = (id: string, date: string, kind: string, placementId = 'p1', extra: Record<string, unknown> = {}) =>
  ev('placement-started', id, date, { placementId, kind, ...extra });
const unannounced = (id: string, date: string) => visit(id, date, { unannounced: true });

describe('leeds.visits.short-breaks-70-hours (twice a year in the setting, once unannounced)', () => {
  const id = 'leeds.visits.short-breaks-70-hours';
  // Years from 2022-06-01: [2022-06-01 .. 2023-05-31], [2023-06-01 .. 2024-05-31]
  const start = placed('pl', '2022-06-01', 'short-break-series', 'sb', { shortBreakHoursPerYear: 80 });
  it('on time: two visits in year one (on 2022 bank holidays), one unannounced', () => {
    expect(check(id, child([start, visit('v1', '2022-09-19'), unannounced('u1', '2022-12-27')]), '2023-06-10')).toEqual(['met 2023-05-31 by u1', 'due 2024-05-31']);
  });
  it('late: a count rule has no "met late"; the year that closed short stays overdue and the later visit counts in year two', () => {
    expect(check(id, child([start, visit('v1', '2022-09-19'), unannounced('u1', '2023-06-05')]), '2023-06-10')).toEqual(['overdue 2023-05-31', 'due 2024-05-31']);
  });
  it('overdue: two announced visits are not enough', () => {
    const r = leeds(child([start, visit('v1', '2022-09-19'), visit('v2', '2023-01-10')]), '2023-06-01');
    expect(of(r, id).map((o) => `${o.status} ${o.due}`)).toEqual(['overdue 2023-05-31', 'due 2024-05-31']);
    expect(of(r, id)[0]!.explanation).toContain('0 of 1 unannounced visit');
  });
  it('still due while the year runs', () => {
    expect(check(id, child([start, visit('v1', '2022-09-19')]), '2023-05-01')).toEqual(['due 2023-05-31']);
  });
  it('not applicable below 70 hours; 70 exactly is "70+"', () => {
    expect(check(id, child([placed('pl', '2022-06-01', 'short-break-series', 'sb', { shortBreakHoursPerYear: 69.5 })]), '2023-05-01')).toEqual(['not-applicable -']);
    expect(check(id, child([placed('pl', '2022-06-01', 'short-break-series', 'sb', { shortBreakHoursPerYear: 70 })]), '2023-05-01')).toEqual(['due 2023-05-31']);
  });
  it('a visit recorded at another placement does not count in the setting', () => {
    expect(check(id, child([start, visit('v1', '2022-09-19'), unannounced('u1', '2022-12-27'), visit('v3', '2023-02-01', { placementId: 'home' })]), '2023-05-01')).toEqual(['met 2023-05-31 by u1']);
    expect(check(id, child([start, visit('v1', '2022-09-19', { placementId: 'home' }), unannounced('u1', '2022-12-27')]), '2023-05-01')).toEqual(['due 2023-05-31']);
  });
});

describe('leeds.visits.short-break-series', () => {
  const id = 'leeds.visits.short-break-series';
  // Within 1 week: 2023-07-03 + 7 → 2023-07-10; then 6 months from each visit: 2023-07-05 → 2024-01-05; 2023-09-20 → 2024-03-20
  const start = placed('pl', '2023-07-03', 'short-break-series');
  it('on time', () => {
    expect(check(id, child([start, visit('v1', '2023-07-05'), visit('v2', '2023-09-20')]), '2023-10-01')).toEqual(['met 2023-07-10 by v1', 'met 2024-01-05 by v2', 'due 2024-03-20']);
  });
  it('late', () => {
    // 2023-07-11 + 6 months → 2024-01-11
    expect(check(id, child([start, visit('v1', '2023-07-11')]), '2023-07-12')).toEqual(['met-late 2023-07-10 by v1', 'due 2024-01-11']);
  });
  it('overdue', () => {
    expect(check(id, child([start]), '2023-07-11')).toEqual(['overdue 2023-07-10']);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2023-07-07')).toEqual(['due 2023-07-10']);
  });
  it('not applicable to a foster placement', () => {
    expect(check(id, child([placed('pl', '2023-07-03', 'foster')]), '2023-07-07')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.short-break-series-12-weeks (the second visit)', () => {
  const id = 'leeds.visits.short-break-series-12-weeks';
  // 12 weeks = 84 days: 2023-07-03 + 84 → 2023-09-25
  const start = placed('pl', '2023-07-03', 'short-break-series');
  it('on time: met by the second visit, not the first', () => {
    expect(check(id, child([start, visit('v1', '2023-07-05'), visit('v2', '2023-09-25')]), '2023-10-01')).toEqual(['met 2023-09-25 by v2']);
  });
  it('late', () => {
    expect(check(id, child([start, visit('v1', '2023-07-05'), visit('v2', '2023-09-26')]), '2023-10-01')).toEqual(['met-late 2023-09-25 by v2']);
  });
  it('overdue with only the first-week visit', () => {
    expect(check(id, child([start, visit('v1', '2023-07-05')]), '2023-09-26')).toEqual(['overdue 2023-09-25']);
  });
  it('still due', () => {
    expect(check(id, child([start, visit('v1', '2023-07-05')]), '2023-09-01')).toEqual(['due 2023-09-25']);
  });
  it('not applicable when the series ends first', () => {
    expect(check(id, child([start, visit('v1', '2023-07-05'), ev('placement-ended', 'end', '2023-08-01', { placementId: 'p1' })]), '2023-10-01')).toEqual(['not-applicable 2023-09-25']);
  });
});

describe('leeds.visits.short-break-series-unannounced', () => {
  const id = 'leeds.visits.short-break-series-unannounced';
  // A year from 2022-06-01 → 2023-06-01; then a year from the last unannounced visit
  const start = placed('pl', '2022-06-01', 'short-break-series');
  it('on time (unannounced visit on the 2022 Christmas substitute bank holiday)', () => {
    expect(check(id, child([start, unannounced('u1', '2022-12-27')]), '2023-06-05')).toEqual(['met 2023-06-01 by u1', 'due 2023-12-27']);
  });
  it('late', () => {
    expect(check(id, child([start, unannounced('u1', '2023-06-02')]), '2023-06-05')).toEqual(['met-late 2023-06-01 by u1', 'due 2024-06-02']);
  });
  it('overdue: announced visits do not count', () => {
    expect(check(id, child([start, visit('v1', '2022-12-27')]), '2023-06-02')).toEqual(['overdue 2023-06-01']);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2023-05-01')).toEqual(['due 2023-06-01']);
  });
  it('not applicable to a series that ended within 6 months', () => {
    expect(check(id, child([start, ev('placement-ended', 'end', '2022-10-01', { placementId: 'p1' })]), '2023-06-05')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.short-break-series-sleeping-arrangements', () => {
  const id = 'leeds.visits.short-break-series-sleeping-arrangements';
  // A year from 2022-05-03 → 2023-05-03; seen on 2022-06-03 (Jubilee bank holiday) → next by 2023-06-03
  const start = placed('pl', '2022-05-03', 'short-break-series');
  const seen = (id: string, date: string) => visit(id, date, { sleepingArrangementsSeen: true });
  it('on time', () => {
    expect(check(id, child([start, seen('s1', '2022-06-03')]), '2023-05-10')).toEqual(['met 2023-05-03 by s1', 'due 2023-06-03']);
  });
  it('late', () => {
    expect(check(id, child([start, seen('s1', '2023-05-04')]), '2023-05-10')).toEqual(['met-late 2023-05-03 by s1', 'due 2024-05-04']);
  });
  it('overdue: visits that did not see the sleeping arrangements do not count', () => {
    expect(check(id, child([start, visit('v1', '2022-06-03')]), '2023-05-04')).toEqual(['overdue 2023-05-03']);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2023-05-01')).toEqual(['due 2023-05-03']);
  });
  it('not applicable to a foster placement', () => {
    expect(check(id, child([placed('pl', '2022-05-03', 'foster')]), '2023-05-01')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.private-fostering-first', () => {
  const id = 'leeds.visits.private-fostering-first';
  // 2022-09-13 (Tue) + 7 working days: 14, 15, 16, (19 State Funeral bank hol), 20, 21, 22, 23 → 2022-09-23
  const notified = ev('private-fostering-notified', 'n1', '2022-09-13');
  it('on time, past the 2022 State Funeral bank holiday', () => {
    expect(check(id, child([notified, visit('v1', '2022-09-23')]), '2023-05-01')).toEqual(['met 2022-09-23 by v1']);
  });
  it('late', () => {
    expect(check(id, child([notified, visit('v1', '2022-09-26')]), '2023-05-01')).toEqual(['met-late 2022-09-23 by v1']);
  });
  it('overdue', () => {
    expect(check(id, child([notified]), '2023-05-01')).toEqual(['overdue 2022-09-23']);
  });
  it('still due, past the Coronation bank holiday', () => {
    // 2023-05-02 (Tue) + 7: 3, 4, 5, (8), 9, 10, 11, 12 → 2023-05-12
    expect(check(id, child([ev('private-fostering-notified', 'n2', '2023-05-02')]), '2023-05-10')).toEqual(['due 2023-05-12']);
  });
  it('not applicable without a private fostering referral', () => {
    expect(check(id, child([ev('referral', 'r', '2023-05-02')]), '2023-05-10')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.private-fostering', () => {
  const id = 'leeds.visits.private-fostering';
  // First year: 6 weeks = 42 days. 2023-05-02 + 42 → 2023-06-13; 2023-05-12 + 42 → 2023-06-23
  const notified = ev('private-fostering-notified', 'n1', '2023-05-02');
  it('on time', () => {
    expect(check(id, child([notified, visit('v1', '2023-05-12')]), '2023-06-01')).toEqual(['met 2023-06-13 by v1', 'due 2023-06-23']);
  });
  it('late', () => {
    expect(check(id, child([notified, visit('v1', '2023-06-14')]), '2023-06-15')).toEqual(['met-late 2023-06-13 by v1', 'due 2023-07-26']);
  });
  it('overdue', () => {
    expect(check(id, child([notified]), '2023-06-14')).toEqual(['overdue 2023-06-13']);
  });
  it('still due', () => {
    expect(check(id, child([notified]), '2023-05-10')).toEqual(['due 2023-06-13']);
  });
  it('not applicable without an arrangement', () => {
    expect(check(id, child([visit('v1', '2023-05-12')]), '2023-05-20')).toEqual(['not-applicable -']);
  });
  describe('phases', () => {
    const old = ev('private-fostering-notified', 'n0', '2022-04-11');
    it('first year → second year: 12 weeks', () => {
      // Anniversary 2023-04-11. Visit 2023-04-06 → + 42 → 2023-05-18; visit 2023-04-12 → + 84 → 2023-07-05
      expect(check(id, child([old, visit('v1', '2023-04-06')]), '2023-04-25').slice(-1)).toEqual(['due 2023-05-18']);
      expect(check(id, child([old, visit('v1', '2023-04-12')]), '2023-04-25').slice(-1)).toEqual(['due 2023-07-05']);
    });
    it('a return after the arrangement ceased reverts to 6 weeks and a new first year', () => {
      // Ceased 2023-06-01 (more than 27 days away); returned 2023-07-10 → + 42 → 2023-08-21
      const events = [old, visit('v1', '2023-04-12'), ev('private-fostering-child-away', 'aw', '2023-05-01'), ev('private-fostering-ended', 'end', '2023-06-01'), ev('private-fostering-child-returned', 'back', '2023-07-10', { carer: 'same' })];
      expect(check(id, child(events), '2023-07-20').slice(-1)).toEqual(['due 2023-08-21']);
    });
    it('a return within 27 days, while the arrangement continues, changes nothing', () => {
      const events = [old, visit('v1', '2023-04-12'), ev('private-fostering-child-away', 'aw', '2023-04-20'), ev('private-fostering-child-returned', 'back', '2023-05-10', { carer: 'same' })];
      expect(check(id, child(events), '2023-05-20').slice(-1)).toEqual(['due 2023-07-05']);
    });
  });
});

describe('leeds.visits.missing', () => {
  const id = 'leeds.visits.missing';
  // 72 hours of elapsed time from the return: 2023-12-22T18:00Z → 2023-12-25T18:00Z (Christmas Day)
  const events = [ev('missing-episode-started', 'm1', '2023-12-20', { episodeId: 'e1', at: '2023-12-20T21:00:00+00:00' }), ev('missing-episode-ended', 'm2', '2023-12-22', { episodeId: 'e1', at: '2023-12-22T18:00:00+00:00' })];
  it('on time: a visit on Christmas Eve', () => {
    expect(check(id, child([...events, visit('v1', '2023-12-24', { at: '2023-12-24T11:00:00+00:00' })]), '2024-01-02')).toEqual(['met 2023-12-25T18:00:00+00:00 by v1']);
  });
  it('a return interview meets it too', () => {
    expect(check(id, child([...events, ev('return-interview', 'ri', '2023-12-23', { episodeId: 'e1' })]), '2024-01-02')).toEqual(['met 2023-12-25T18:00:00+00:00 by ri']);
  });
  it('late', () => {
    const r = leeds(child([...events, visit('v1', '2023-12-26', { at: '2023-12-26T09:00:00+00:00' })]), '2024-01-02');
    // 2023-12-25T18:00 → 2023-12-26T09:00: 15 hours
    expect(of(r, id).map((o) => [o.status, o.lateness?.hours])).toEqual([['met-late', 15]]);
  });
  it('overdue', () => {
    expect(check(id, child(events), '2023-12-27')).toEqual(['overdue 2023-12-25T18:00:00+00:00']);
  });
  it('still due', () => {
    expect(check(id, child(events), '2023-12-23')).toEqual(['due 2023-12-25T18:00:00+00:00']);
  });
  it('not applicable while the child is still missing (no return recorded)', () => {
    expect(check(id, child([events[0]!]), '2023-12-27')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.more-than-one-placement (every term)', () => {
  const id = 'leeds.visits.more-than-one-placement';
  const schoolTerms = { terms: [{ start: '2023-09-04', end: '2023-12-20' }, { start: '2024-01-08', end: '2024-03-28' }, { start: '2024-04-15', end: '2024-07-19' }] };
  const home = placed('ph', '2023-09-01', 'foster', 'home');
  const school = placed('ps', '2023-09-04', 'residential-school', 'school');
  it('on time: a visit at the school in the autumn term', () => {
    expect(check(id, child([home, school, visit('v1', '2023-10-10', { placementId: 'school' })], { schoolTerms }), '2023-12-21')).toEqual(['met 2023-12-20 by v1']);
  });
  it('late: no "met late" for a term; the autumn term stays overdue and the January visit counts for the spring term', () => {
    expect(check(id, child([home, school, visit('v1', '2024-01-10')], { schoolTerms }), '2024-01-15')).toEqual(['overdue 2023-12-20', 'met 2024-03-28 by v1']);
  });
  it('overdue: a visit to the foster home does not count at the school', () => {
    expect(check(id, child([home, school, visit('v1', '2023-10-10', { placementId: 'home' })], { schoolTerms }), '2024-01-05')).toEqual(['overdue 2023-12-20']);
  });
  it('still due in the spring term', () => {
    expect(check(id, child([home, school, visit('v1', '2023-10-10')], { schoolTerms }), '2024-01-20')).toEqual(['met 2023-12-20 by v1', 'due 2024-03-28']);
  });
  it('not applicable without a residential school; unknown without term dates', () => {
    expect(check(id, child([home], { schoolTerms }), '2024-01-20')).toEqual(['not-applicable -']);
    const r = leeds(child([home, school]), '2024-01-20');
    expect(of(r, id).map((o) => o.status)).toEqual(['unknown']);
    expect(of(r, id)[0]!.explanation).toContain('school term dates');
  });
});

describe('leeds.visits.care-leaver', () => {
  const id = 'leeds.visits.care-leaver';
  // Born 2005-05-20: 18 on 2023-05-20; 8 weeks = 56 days → 2023-07-15; 2023-07-14 + 56 → 2023-09-08
  const leaver = { child: { dateOfBirth: '2005-05-20', careLeaver: true } };
  const pa = (id: string, date: string) => visit(id, date, { by: 'personal-adviser' });
  it('on time', () => {
    expect(check(id, child([pa('v1', '2023-07-14')], leaver), '2023-07-20')).toEqual(['met 2023-07-15 by v1', 'due 2023-09-08']);
  });
  it('late', () => {
    expect(check(id, child([pa('v1', '2023-07-17')], leaver), '2023-07-20')).toEqual(['met-late 2023-07-15 by v1', 'due 2023-09-11']);
  });
  it('overdue: a social worker visit or a phone call by the adviser does not count', () => {
    expect(check(id, child([visit('v1', '2023-07-01', { by: 'social-worker' }), visit('v2', '2023-07-02', { by: 'personal-adviser', mode: 'phone' })], leaver), '2023-07-16')).toEqual(['overdue 2023-07-15']);
  });
  it('still due', () => {
    expect(check(id, child([], leaver), '2023-07-01')).toEqual(['due 2023-07-15']);
  });
  it('not applicable when the young person is not recorded as a care leaver, or is under 18', () => {
    const r = leeds(child([], { child: { dateOfBirth: '2005-05-20' } }), '2023-07-01');
    expect(of(r, id).map((o) => o.status)).toEqual(['not-applicable']);
    expect(of(r, id)[0]!.explanation).toContain('careLeaver');
    expect(check(id, child([], { child: { dateOfBirth: '2006-05-20', careLeaver: true } }), '2023-07-01')).toEqual(['not-applicable -']);
  });
});
