import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, visit } from './helpers.js';

const placed = (id: string, date: string, kind: string, placementId = 'p1', extra: Record<string, unknown> = {}) =>
  ev('placement-started', id, date, { placementId, kind, ...extra });

describe('leeds.visits.short-breaks-70-hours (twice a year in the setting, once unannounced)', () => {
  const id = 'leeds.visits.short-breaks-70-hours';
  // Years from 2022-06-01: [2022-06-01 .. 2023-05-31], [2023-06-01 .. 2024-05-31]
  const start = placed('pl', '2022-06-01', 'short-break-series', 'sb', { shortBreakHoursPerYear: 80 });
  it('overdue: two announced visits are not enough', () => {
    const r = leeds(child([start, visit('v1', '2022-09-19'), visit('v2', '2023-01-10')]), '2023-06-01');
    expect(of(r, id).map((o) => `${o.status} ${o.due}`)).toEqual(['overdue 2023-05-31', 'due 2024-05-31']);
    expect(of(r, id)[0]!.explanation).toContain('0 of 1 unannounced visit');
  });
});

describe('leeds.visits.private-fostering', () => {
  const id = 'leeds.visits.private-fostering';
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
  it('late', () => {
    const r = leeds(child([...events, visit('v1', '2023-12-26', { at: '2023-12-26T09:00:00+00:00' })]), '2024-01-02');
    // 2023-12-25T18:00 → 2023-12-26T09:00: 15 hours
    expect(of(r, id).map((o) => [o.status, o.lateness?.hours])).toEqual([['met-late', 15]]);
  });
});

describe('leeds.visits.more-than-one-placement (every term)', () => {
  const id = 'leeds.visits.more-than-one-placement';
  const schoolTerms = { terms: [{ start: '2023-09-04', end: '2023-12-20' }, { start: '2024-01-08', end: '2024-03-28' }, { start: '2024-04-15', end: '2024-07-19' }] };
  const home = placed('ph', '2023-09-01', 'foster', 'home');
  const school = placed('ps', '2023-09-04', 'residential-school', 'school');
  it('not applicable without a residential school; unknown without term dates', () => {
    expect(check(id, child([home], { schoolTerms }), '2024-01-20')).toEqual(['not-applicable -']);
    const r = leeds(child([home, school]), '2024-01-20');
    expect(of(r, id).map((o) => o.status)).toEqual(['unknown']);
    expect(of(r, id)[0]!.explanation).toContain('school term dates');
  });
});

describe('leeds.visits.care-leaver', () => {
  const id = 'leeds.visits.care-leaver';
  it('not applicable when the young person is not recorded as a care leaver, or is under 18', () => {
    const r = leeds(child([], { child: { dateOfBirth: '2005-05-20' } }), '2023-07-01');
    expect(of(r, id).map((o) => o.status)).toEqual(['not-applicable']);
    expect(of(r, id)[0]!.explanation).toContain('careLeaver');
    expect(check(id, child([], { child: { dateOfBirth: '2006-05-20', careLeaver: true } }), '2023-07-01')).toEqual(['not-applicable -']);
  });
});
