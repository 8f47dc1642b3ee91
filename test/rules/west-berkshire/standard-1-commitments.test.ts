import { describe, expect, it } from 'vitest';
import { check, ev, one, run } from '../england-statutory/helpers.js';

/** Standard 1: improving practice, placement stability, enjoying and achieving, life skills. */
const DISPUTE = 'west-berkshire.meetings-and-plans.quality-dispute-plan';
const STRATEGY = 'west-berkshire.meetings-and-plans.missing-strategy-meeting';
const COORDINATOR = 'west-berkshire.meetings-and-plans.missing-coordinator-notified';
const PEP = 'west-berkshire.meetings-and-plans.pep-review-exclusion-risk';
const ADULTS = 'west-berkshire.meetings-and-plans.adult-services-alert';
const HOUSING = 'west-berkshire.meetings-and-plans.housing-plan-at-16';

describe('a plan within five working days when the quality of work is disputed', () => {
  // Raised Wednesday 2023-12-20: 21 (1), 22 (2), 25-26 bank holidays, 27 (3), 28 (4), 29 (5) → 2023-12-29.
  const dispute = ev('quality-dispute-raised', 'd1', '2023-12-20');
  it('on time', () => {
    expect(check('west-berkshire', DISPUTE, [dispute, ev('quality-dispute-plan', 'plan', '2023-12-29')], '2024-01-10')).toEqual(['met 2023-12-29 by plan']);
  });
  it('late: 2 January is one working day late (1 January is a bank holiday)', () => {
    const o = one(run('west-berkshire', [dispute, ev('quality-dispute-plan', 'plan', '2024-01-02')], '2024-01-10'), DISPUTE);
    expect([o.status, o.lateness?.workingDays, o.lateness?.calendarDays]).toEqual(['met-late', 1, 4]);
  });
  it('overdue', () => {
    expect(check('west-berkshire', DISPUTE, [dispute], '2024-01-02')).toEqual(['overdue 2023-12-29']);
  });
  it('due', () => {
    expect(check('west-berkshire', DISPUTE, [dispute], '2023-12-29')).toEqual(['due 2023-12-29']);
  });
  it('not applicable: no dispute raised', () => {
    expect(check('west-berkshire', DISPUTE, [], '2024-01-10')).toEqual(['not-applicable -']);
  });
});

describe('missing looked-after children: strategy meeting on day five, co-ordinator notified every time', () => {
  // Missing from Monday 2024-03-04 (day one): day five is Friday 2024-03-08.
  const inCare = ev('became-looked-after', 'lac', '2024-01-08');
  const gone = ev('missing-episode-started', 'gone', '2024-03-04', { episodeId: 'm1' });
  const meeting = (date: string, episodeId = 'm1') => ev('missing-strategy-meeting', `sm-${date}`, date, { episodeId });
  it('on time: on day five, or earlier in the episode', () => {
    expect(check('west-berkshire', STRATEGY, [inCare, gone, meeting('2024-03-08')], '2024-03-20')).toEqual(['met 2024-03-08 by sm-2024-03-08']);
    expect(check('west-berkshire', STRATEGY, [inCare, gone, meeting('2024-03-06')], '2024-03-20')).toEqual(['met 2024-03-08 by sm-2024-03-06']);
  });
  it('late', () => {
    expect(check('west-berkshire', STRATEGY, [inCare, gone, meeting('2024-03-11')], '2024-03-20')).toEqual(['met-late 2024-03-08 by sm-2024-03-11']);
  });
  it('overdue: still missing after day five; a meeting about another episode does not count', () => {
    expect(check('west-berkshire', STRATEGY, [inCare, gone], '2024-03-09')).toEqual(['overdue 2024-03-08']);
    expect(check('west-berkshire', STRATEGY, [inCare, gone, meeting('2024-03-05', 'm0')], '2024-03-09')).toEqual(['overdue 2024-03-08']);
  });
  it('due', () => {
    expect(check('west-berkshire', STRATEGY, [inCare, gone], '2024-03-08')).toEqual(['due 2024-03-08']);
  });
  it('not applicable: back before day five, or not in care', () => {
    expect(check('west-berkshire', STRATEGY, [inCare, gone, ev('missing-episode-ended', 'back', '2024-03-06', { episodeId: 'm1' })], '2024-03-20')).toEqual(['not-applicable 2024-03-08']);
    expect(check('west-berkshire', STRATEGY, [gone], '2024-03-20')).toEqual(['not-applicable -']);
  });

  const notified = (date: string, episodeId = 'm1') => ev('missing-coordinator-notified', `n-${date}`, date, { episodeId });
  it('co-ordinator: on time on the day', () => {
    expect(check('west-berkshire', COORDINATOR, [inCare, gone, notified('2024-03-04')], '2024-03-20')).toEqual(['met 2024-03-04 by n-2024-03-04']);
  });
  it('co-ordinator: late the next day', () => {
    expect(check('west-berkshire', COORDINATOR, [inCare, gone, notified('2024-03-05')], '2024-03-20')).toEqual(['met-late 2024-03-04 by n-2024-03-05']);
  });
  it('co-ordinator: overdue; every occasion counts', () => {
    const again = ev('missing-episode-started', 'gone2', '2024-04-02', { episodeId: 'm2' });
    expect(check('west-berkshire', COORDINATOR, [inCare, gone, notified('2024-03-04'), again], '2024-04-03')).toEqual(['met 2024-03-04 by n-2024-03-04', 'overdue 2024-04-02']);
  });
  it('co-ordinator: due on the day', () => {
    expect(check('west-berkshire', COORDINATOR, [inCare, gone], '2024-03-04')).toEqual(['due 2024-03-04']);
  });
  it('co-ordinator: not applicable for a child not in care', () => {
    expect(check('west-berkshire', COORDINATOR, [gone], '2024-03-20')).toEqual(['not-applicable -']);
  });
});

describe('Personal Education Plans reviewed at least every three months for children at risk of exclusion', () => {
  // Risk identified 2024-02-05: first review due 2024-05-05.
  const inCare = ev('became-looked-after', 'lac', '2024-01-08');
  const risk = ev('exclusion-risk-identified', 'risk', '2024-02-05');
  it('on time: then three months from that review', () => {
    expect(check('west-berkshire', PEP, [inCare, risk, ev('pep-review', 'p1', '2024-04-30')], '2024-06-01')).toEqual(['met 2024-05-05 by p1', 'due 2024-07-30']);
  });
  it('late; a PEP meeting also reviews the plan', () => {
    expect(check('west-berkshire', PEP, [inCare, risk, ev('pep-meeting', 'p1', '2024-05-06')], '2024-06-01')).toEqual(['met-late 2024-05-05 by p1', 'due 2024-08-06']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', PEP, [inCare, risk], '2024-05-06')).toEqual(['overdue 2024-05-05']);
  });
  it('due', () => {
    expect(check('west-berkshire', PEP, [inCare, risk], '2024-05-05')).toEqual(['due 2024-05-05']);
  });
  it('not applicable: no risk identified, the risk ended, or the child was never looked after', () => {
    expect(check('west-berkshire', PEP, [inCare], '2024-06-01')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', PEP, [inCare, risk, ev('exclusion-risk-ended', 'end', '2024-04-01')], '2024-06-01')).toEqual(['not-applicable -']);
    expect(check('west-berkshire', PEP, [risk], '2024-06-01')).toEqual(['not-applicable -']);
  });
  it('not applicable: the risk was identified after the child left care', () => {
    const before = [ev('became-looked-after', 'lac', '2022-06-01'), ev('ceased-looked-after', 'left', '2023-02-01')];
    expect(check('west-berkshire', PEP, [...before, ev('exclusion-risk-identified', 'r', '2023-06-01')], '2023-12-01')).toEqual(['not-applicable -']);
  });
});

describe('adult teams alerted at 14 years 6 months', () => {
  // Born 2010-01-15: 14 years 6 months on 2024-07-15. In care since 2020-01-06.
  const child = { child: { dateOfBirth: '2010-01-15', needsAdultServices: true } };
  const inCare = ev('became-looked-after', 'lac', '2020-01-06');
  it('on time: on the day, or earlier', () => {
    expect(check('west-berkshire', ADULTS, [inCare, ev('adult-services-alerted', 'a', '2024-07-15')], '2024-08-01', child)).toEqual(['met 2024-07-15 by a']);
    expect(check('west-berkshire', ADULTS, [inCare, ev('adult-services-alerted', 'a', '2024-06-01')], '2024-08-01', child)).toEqual(['met 2024-07-15 by a']);
  });
  it('late', () => {
    expect(check('west-berkshire', ADULTS, [inCare, ev('adult-services-alerted', 'a', '2024-07-16')], '2024-08-01', child)).toEqual(['met-late 2024-07-15 by a']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', ADULTS, [inCare], '2024-07-16', child)).toEqual(['overdue 2024-07-15']);
  });
  it('due', () => {
    expect(check('west-berkshire', ADULTS, [inCare], '2024-07-15', child)).toEqual(['due 2024-07-15']);
  });
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
  it('on time: a plan made before the birthday', () => {
    expect(check('west-berkshire', HOUSING, [inCare, ev('housing-plan', 'hp', '2024-05-01')], '2024-06-01', child)).toEqual(['met 2024-05-20 by hp']);
  });
  it('late', () => {
    expect(check('west-berkshire', HOUSING, [inCare, ev('housing-plan', 'hp', '2024-05-21')], '2024-06-01', child)).toEqual(['met-late 2024-05-20 by hp']);
  });
  it('overdue', () => {
    expect(check('west-berkshire', HOUSING, [inCare], '2024-05-21', child)).toEqual(['overdue 2024-05-20']);
  });
  it('due, shown ahead of the birthday', () => {
    expect(check('west-berkshire', HOUSING, [inCare], '2023-01-01', child)).toEqual(['due 2024-05-20']);
  });
  it('not applicable: never in care, or left care before 16', () => {
    expect(check('west-berkshire', HOUSING, [], '2024-06-01', child)).toEqual(['not-applicable -']);
    const left = one(run('west-berkshire', [inCare, ev('ceased-looked-after', 'c', '2023-09-01')], '2024-06-01', child), HOUSING);
    expect(left.explanation).toBe(
      'Not applicable (case case-WB1): the age of 16 years or, if later, the date the child became looked after did not fall within a period that starts with the date the child became looked after.',
    );
  });
  it('a young person who comes into care at 16 and a half is due on that day', () => {
    expect(check('west-berkshire', HOUSING, [ev('became-looked-after', 'lac', '2024-11-18')], '2024-11-18', child)).toEqual(['due 2024-11-18']);
  });
});
