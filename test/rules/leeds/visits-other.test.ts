import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, visit } from './helpers.js';

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
