import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, visit } from './helpers.js';

const placed = (id: string, date: string, kind: string, placementId = 'p1', extra: Record<string, unknown> = {}) =>
  ev('placement-started', id, date, { placementId, kind, ...extra });

describe('leeds.visits.looked-after-placement-day', () => {
  const id = 'leeds.visits.looked-after-placement-day';
  // On the day: placed on Christmas Day 2023-12-25, so due 2023-12-25 (bank holidays do not move it)
  const start = placed('pl', '2023-12-25', 'foster');
  it('on time: visited on Christmas Day', () => {
    expect(check(id, child([start, visit('v1', '2023-12-25')]), '2024-01-10')).toEqual(['met 2023-12-25 by v1']);
  });
  it('late: visited the next day', () => {
    expect(check(id, child([start, visit('v1', '2023-12-26')]), '2024-01-10')).toEqual(['met-late 2023-12-25 by v1']);
  });
  it('overdue', () => {
    expect(check(id, child([start]), '2023-12-27')).toEqual(['overdue 2023-12-25']);
  });
  it('still due on the day', () => {
    expect(check(id, child([start]), '2023-12-25')).toEqual(['due 2023-12-25']);
  });
  it('not applicable to an adoptive placement (its own heading has no on-the-day visit)', () => {
    expect(check(id, child([placed('pl', '2023-12-25', 'adoptive')]), '2024-01-10')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.looked-after-first-week', () => {
  const id = 'leeds.visits.looked-after-first-week';
  // 1 week = 7 calendar days: 2023-12-22 + 7 → 2023-12-29 (Christmas bank holidays do not move it)
  const start = placed('pl', '2023-12-22', 'connected-person');
  it('on time: the visit on the day does not count, the one on 2023-12-29 does', () => {
    expect(check(id, child([start, visit('v0', '2023-12-22'), visit('v1', '2023-12-29')]), '2024-01-10')).toEqual(['met 2023-12-29 by v1']);
  });
  it('late', () => {
    expect(check(id, child([start, visit('v0', '2023-12-22'), visit('v1', '2023-12-30')]), '2024-01-10')).toEqual(['met-late 2023-12-29 by v1']);
  });
  it('overdue with only the visit on the day', () => {
    expect(check(id, child([start, visit('v0', '2023-12-22')]), '2024-01-02')).toEqual(['overdue 2023-12-29']);
  });
  it('still due', () => {
    expect(check(id, child([start, visit('v0', '2023-12-22')]), '2023-12-27')).toEqual(['due 2023-12-29']);
  });
  it('not applicable to a temporarily approved carer (its own heading)', () => {
    expect(check(id, child([placed('pl', '2023-12-22', 'temporarily-approved-carer')]), '2024-01-10')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.looked-after', () => {
  const id = 'leeds.visits.looked-after';
  // 6 weeks = 42 days: 2023-05-02 + 42 → 2023-06-13; 2023-05-09 + 42 → 2023-06-20; 2023-06-20 + 42 → 2023-08-01
  const start = placed('pl', '2023-05-02', 'foster');
  it('on time: each visit restarts the clock', () => {
    expect(check(id, child([start, visit('v1', '2023-05-02'), visit('v2', '2023-05-09'), visit('v3', '2023-06-20')]), '2023-07-01')).toEqual([
      'met 2023-06-13 by v1',
      'met 2023-06-13 by v2',
      'met 2023-06-20 by v3',
      'due 2023-08-01',
    ]);
  });
  it('late', () => {
    // 2023-06-15 + 42 → 2023-07-27
    expect(check(id, child([start, visit('v1', '2023-05-02'), visit('v2', '2023-06-15')]), '2023-07-01')).toEqual([
      'met 2023-06-13 by v1',
      'met-late 2023-06-13 by v2',
      'due 2023-07-27',
    ]);
  });
  it('overdue: a visit recorded for another placement does not count', () => {
    expect(check(id, child([start, visit('v1', '2023-05-02'), visit('v2', '2023-06-01', { placementId: 'p2' })]), '2023-06-14')).toEqual([
      'met 2023-06-13 by v1',
      'overdue 2023-06-13',
    ]);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2023-06-01')).toEqual(['due 2023-06-13']);
  });
  it('not applicable to an adoptive placement', () => {
    expect(check(id, child([placed('pl', '2023-05-02', 'adoptive')]), '2023-06-01')).toEqual(['not-applicable -']);
  });

  describe('phases', () => {
    it('first year → later years: permanence agreed inside the first year only counts from the first anniversary', () => {
      // Placed 2022-05-03; first anniversary 2023-05-03; permanence agreed 2023-02-01, so the 3-month phase starts 2023-05-03.
      // A visit on 2023-05-02 (still year one) → + 42 days → 2023-06-13; a visit on 2023-06-13 → + 3 months → 2023-09-13
      const events = [placed('pl', '2022-05-03', 'foster'), ev('permanence-agreed', 'pa', '2023-02-01', { placementId: 'p1' }), visit('v1', '2023-05-02'), visit('v2', '2023-06-13')];
      expect(check(id, child(events), '2023-07-01').slice(-2)).toEqual(['met 2023-06-13 by v2', 'due 2023-09-13']);
    });
    it('permanence agreed at a review in a later year: 6-weekly until the review, 3-monthly after', () => {
      // Placed 2022-03-01. Visit 2023-05-05: year two, no permanence yet → + 42 → 2023-06-16.
      // Permanence agreed 2023-05-10; visit 2023-06-14 → + 3 months → 2023-09-14
      const events = [placed('pl', '2022-03-01', 'residential'), visit('v1', '2023-05-05'), ev('permanence-agreed', 'pa', '2023-05-10', { placementId: 'p1' }), visit('v2', '2023-06-14')];
      expect(check(id, child(events), '2023-07-01').slice(-2)).toEqual(['met 2023-06-16 by v2', 'due 2023-09-14']);
      const r = leeds(child(events), '2023-07-01');
      expect(of(r, id).at(-1)!.trace.some((t) => t.step === 'phase' && t.detail.startsWith('Permanent placement agreed at a review'))).toBe(true);
    });
    it('permanence agreed for another placement does not relax this one', () => {
      // 2023-06-14 + 42 → 2023-07-26
      const events = [placed('pl', '2022-03-01', 'residential'), visit('v1', '2023-05-05'), ev('permanence-agreed', 'pa', '2023-05-10', { placementId: 'p2' }), visit('v2', '2023-06-14')];
      expect(check(id, child(events), '2023-07-01').slice(-1)).toEqual(['due 2023-07-26']);
    });
  });

  describe('Light Touch: a frequency agreed at a review', () => {
    const v = (interval: Record<string, number>) => ({ kind: 'interval', id: 'lt', ruleId: id, interval, agreedBy: ['looked-after-review'], agreedOn: '2023-05-02' });
    it('a 4-weekly frequency is applied', () => {
      // 28 days: 2023-05-02 + 28 → 2023-05-30
      expect(check(id, child([start, visit('v1', '2023-05-02')], { variations: [v({ weeks: 4 })] }), '2023-06-01')).toEqual(['met 2023-05-30 by v1', 'overdue 2023-05-30']);
    });
    it('a 3-monthly frequency does not apply in the first year: there Light Touch is not in force', () => {
      expect(check(id, child([start, visit('v1', '2023-05-02')], { variations: [v({ months: 3 })] }), '2023-06-01')).toEqual(['met 2023-06-13 by v1', 'due 2023-06-13']);
    });
    it('in the permanence phase, the frequency agreed at a review applies, even 4-monthly', () => {
      // Placed 2022-03-01; permanence agreed at a review 2023-05-10, with a Light Touch frequency of 4 months.
      // Visit 2023-06-14 → + 4 months → 2023-10-14 (the phase alone would give 3 months: 2023-09-14).
      const events = [placed('pl', '2022-03-01', 'residential'), visit('v1', '2023-05-05'), ev('permanence-agreed', 'pa', '2023-05-10', { placementId: 'p1' }), visit('v2', '2023-06-14')];
      const lightTouch = { kind: 'interval', id: 'lt', ruleId: id, interval: { months: 4 }, agreedBy: ['looked-after-review'], agreedOn: '2023-05-10' };
      expect(check(id, child(events, { variations: [lightTouch] }), '2023-07-01').slice(-1)).toEqual(['due 2023-10-14']);
      // Before permanence, the same agreement leaves the 6-weekly visits: 2023-05-05 + 42 → 2023-06-16.
      expect(check(id, child([placed('pl', '2022-03-01', 'residential'), visit('v1', '2023-05-05')], { variations: [lightTouch] }), '2023-06-01').slice(-1)).toEqual(['due 2023-06-16']);
    });
  });
});

describe('leeds.visits.adoptive-placement', () => {
  const id = 'leeds.visits.adoptive-placement';
  const start = placed('pl', '2023-06-05', 'adoptive');
  // Within 1 week: 2023-06-05 + 7 → 2023-06-12; weekly from each visit until the first review (2023-06-20);
  // the visit on 2023-06-23 was due 2023-06-16 + 7 = 2023-06-23 (weekly, set on 2023-06-16, before the review);
  // after it: + 42 days → 2023-08-04
  const weeklyThenReview = [start, visit('v1', '2023-06-09'), visit('v2', '2023-06-16'), ev('looked-after-review', 'rv', '2023-06-20'), visit('v3', '2023-06-23')];
  it('on time: weekly until the first review, then 6-weekly (phase change)', () => {
    expect(check(id, child(weeklyThenReview), '2023-07-01')).toEqual(['met 2023-06-12 by v1', 'met 2023-06-16 by v2', 'met 2023-06-23 by v3', 'due 2023-08-04']);
  });
  it('late', () => {
    expect(check(id, child([start, visit('v1', '2023-06-13')]), '2023-06-15')).toEqual(['met-late 2023-06-12 by v1', 'due 2023-06-20']);
  });
  it('overdue: weekly visits continue while no review is held', () => {
    expect(check(id, child([start, visit('v1', '2023-06-09'), visit('v2', '2023-06-16')]), '2023-06-24')).toEqual(['met 2023-06-12 by v1', 'met 2023-06-16 by v2', 'overdue 2023-06-23']);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2023-06-07')).toEqual(['due 2023-06-12']);
  });
  it('not applicable to a foster placement, and ends with the adoption order', () => {
    expect(check(id, child([placed('pl', '2023-06-05', 'foster')]), '2023-06-07')).toEqual(['not-applicable -']);
    expect(check(id, child([start, ev('adoption-order-made', 'ao', '2023-06-08')]), '2023-07-01')).toEqual(['not-applicable -']);
  });
  it('after the first year of the placement: 3-monthly', () => {
    // Placed 2022-06-06, first review 2022-07-01. Visit 2023-06-05 (still year one) → + 42 → 2023-07-17;
    // visit 2023-06-07 (after the anniversary 2023-06-06) → + 3 months → 2023-09-07
    const base = [placed('pl', '2022-06-06', 'adoptive'), ev('looked-after-review', 'rv', '2022-07-01')];
    expect(check(id, child([...base, visit('v1', '2023-06-05')]), '2023-06-06').slice(-1)).toEqual(['due 2023-07-17']);
    expect(check(id, child([...base, visit('v1', '2023-06-07')]), '2023-06-08').slice(-1)).toEqual(['due 2023-09-07']);
  });
  it('a frequency determined at the adoption review is applied; one set by a team manager is not', () => {
    const v = (agreedBy: string[]) => ({ kind: 'interval', id: 'ar', ruleId: id, interval: { months: 4 }, agreedBy, agreedOn: '2023-06-20' });
    // 2023-06-23 + 4 months → 2023-10-23; refused: + 42 days → 2023-08-04
    expect(check(id, child(weeklyThenReview, { variations: [v(['adoption-review'])] }), '2023-07-01').slice(-1)).toEqual(['due 2023-10-23']);
    expect(check(id, child(weeklyThenReview, { variations: [v(['team-manager'])] }), '2023-07-01').slice(-1)).toEqual(['due 2023-08-04']);
  });
});

describe('leeds.visits.temporary-approval-or-interim-care-order', () => {
  const id = 'leeds.visits.temporary-approval-or-interim-care-order';
  const start = placed('pl', '2023-11-01', 'temporarily-approved-carer');
  it('on time through every phase: weekly, 20 working days over Christmas, then 6 weeks after approval', () => {
    // Within 1 week: 2023-11-01 + 7 → 2023-11-08. Weekly: 11-07 → 11-14 → 11-21 → 11-28 → 12-05 (set on 11-28, before the review of 11-29).
    // From 2023-12-05 (after the review): + 20 working days: Dec 6-8 (3), 11-15 (8), 18-22 (13), (25, 26), 27-29 (16), (Jan 1), Jan 2-5 (20) → 2024-01-05
    // From 2024-01-05 (not yet approved): + 20: Jan 8-12 (5), 15-19 (10), 22-26 (15), Jan 29-Feb 2 (20) → 2024-02-02
    // Carer approved 2024-01-10; from the visit on 2024-01-12: + 42 days → 2024-02-23
    const events = [
      start,
      ...['2023-11-07', '2023-11-14', '2023-11-21', '2023-11-28'].map((d, i) => visit(`w${i}`, d)),
      ev('looked-after-review', 'rv', '2023-11-29'),
      visit('v5', '2023-12-05'),
      visit('v6', '2024-01-05'),
      ev('carer-approved', 'ok', '2024-01-10', { placementId: 'p1' }),
      visit('v7', '2024-01-12'),
    ];
    expect(check(id, child(events), '2024-01-15')).toEqual([
      'met 2023-11-08 by w0',
      'met 2023-11-14 by w1',
      'met 2023-11-21 by w2',
      'met 2023-11-28 by w3',
      'met 2023-12-05 by v5',
      'met 2024-01-05 by v6',
      'met 2024-02-02 by v7',
      'due 2024-02-23',
    ]);
  });
  it('late: a weekly visit a day late', () => {
    expect(check(id, child([start, visit('v1', '2023-11-07'), visit('v2', '2023-11-15')]), '2023-11-16')).toEqual(['met 2023-11-08 by v1', 'met-late 2023-11-14 by v2', 'due 2023-11-22']);
  });
  it('overdue', () => {
    expect(check(id, child([start]), '2023-11-09')).toEqual(['overdue 2023-11-08']);
  });
  it('still due, also for parents under an interim care order', () => {
    expect(check(id, child([placed('pl', '2023-11-01', 'placed-with-parents-interim-care-order')]), '2023-11-05')).toEqual(['due 2023-11-08']);
  });
  it('not applicable to a foster placement', () => {
    expect(check(id, child([placed('pl', '2023-11-01', 'foster')]), '2023-11-05')).toEqual(['not-applicable -']);
  });
});

describe('leeds.visits.care-order-at-home', () => {
  const id = 'leeds.visits.care-order-at-home';
  // Within 1 week: 2024-03-25 + 7 → 2024-04-01 (Easter Monday: calendar days, no shift)
  const start = placed('pl', '2024-03-25', 'placed-with-parents-care-order');
  it('on time: weekly until the first review (2024-04-10), then no more than 6 weeks', () => {
    // 03-28 → + 7 → 04-04 → + 7 → 04-11 (set on 04-04, before the review); from 04-11: + 42 → 2024-05-23
    const events = [start, visit('v1', '2024-03-28'), visit('v2', '2024-04-04'), ev('looked-after-review', 'rv', '2024-04-10'), visit('v3', '2024-04-11')];
    expect(check(id, child(events), '2024-04-15')).toEqual(['met 2024-04-01 by v1', 'met 2024-04-04 by v2', 'met 2024-04-11 by v3', 'due 2024-05-23']);
  });
  it('late', () => {
    expect(check(id, child([start, visit('v1', '2024-03-28'), visit('v2', '2024-04-05')]), '2024-04-06')).toEqual(['met 2024-04-01 by v1', 'met-late 2024-04-04 by v2', 'due 2024-04-12']);
  });
  it('overdue', () => {
    expect(check(id, child([start]), '2024-04-02')).toEqual(['overdue 2024-04-01']);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2024-03-29')).toEqual(['due 2024-04-01']);
  });
  it('not applicable to a placement with parents under an interim order', () => {
    expect(check(id, child([placed('pl', '2024-03-25', 'placed-with-parents-interim-care-order')]), '2024-03-29')).toEqual(['not-applicable -']);
  });
});

describe.each([
  ['leeds.visits.young-offender-institution', 'young-offender-institution', 'health-setting'],
  ['leeds.visits.health-setting', 'health-setting', 'young-offender-institution'],
])('%s', (id, kind, otherKind) => {
  // Within 1 week: 2023-05-15 + 7 → 2023-05-22; then 6 weeks: 2023-05-22 + 42 → 2023-07-03
  const start = placed('pl', '2023-05-15', kind);
  it('on time', () => {
    expect(check(id, child([start, visit('v1', '2023-05-22')]), '2023-06-01')).toEqual(['met 2023-05-22 by v1', 'due 2023-07-03']);
  });
  it('late', () => {
    expect(check(id, child([start, visit('v1', '2023-05-23')]), '2023-06-01')).toEqual(['met-late 2023-05-22 by v1', 'due 2023-07-04']);
  });
  it('overdue', () => {
    expect(check(id, child([start]), '2023-05-23')).toEqual(['overdue 2023-05-22']);
  });
  it('still due', () => {
    expect(check(id, child([start]), '2023-05-20')).toEqual(['due 2023-05-22']);
  });
  it('not applicable to the other setting', () => {
    expect(check(id, child([placed('pl', '2023-05-15', otherKind)]), '2023-05-20')).toEqual(['not-applicable -']);
  });
  it('a change of living arrangements restarts the schedule', () => {
    // Visit 2023-05-20 → next due 2023-07-01, but the change on 2023-06-01 ends that run; the new run wants a visit by 2023-06-01 + 7 → 2023-06-08
    const events = [start, visit('v1', '2023-05-20'), ev('placement-changed', 'ch', '2023-06-01', { placementId: 'p1', kind })];
    expect(check(id, child(events), '2023-06-05')).toEqual(['met 2023-05-22 by v1', 'due 2023-06-08']);
  });
  it('first year → any subsequent year: 3 months', () => {
    // Placed 2022-05-16, anniversary 2023-05-16. Visit 2023-05-15 → + 42 → 2023-06-26; visit 2023-05-20 → + 3 months → 2023-08-20
    const old = placed('pl', '2022-05-16', kind);
    expect(check(id, child([old, visit('v1', '2023-05-15')]), '2023-05-16').slice(-1)).toEqual(['due 2023-06-26']);
    expect(check(id, child([old, visit('v1', '2023-05-20')]), '2023-05-21').slice(-1)).toEqual(['due 2023-08-20']);
  });
});

describe('leeds.visits.health-setting flexibility', () => {
  const id = 'leeds.visits.health-setting';
  const events = [placed('pl', '2023-05-15', 'health-setting'), visit('v1', '2023-05-22')];
  const v = (interval: Record<string, number>) => ({ kind: 'interval', id: 'fx', ruleId: id, interval, agreedBy: ['team-manager'], agreedOn: '2023-05-15' });
  it('a 2-monthly interval agreed by the team manager is applied', () => {
    // 2023-05-22 + 2 months → 2023-07-22
    expect(check(id, child(events, { variations: [v({ months: 2 })] }), '2023-06-01').slice(-1)).toEqual(['due 2023-07-22']);
  });
  it('one longer than 3 months is refused', () => {
    expect(check(id, child(events, { variations: [v({ months: 4 })] }), '2023-06-01').slice(-1)).toEqual(['due 2023-07-03']);
  });
});
