import { describe, expect, it } from 'vitest';
import { check, ev } from './helpers.js';

const FIRST = 'england-statutory.reviews.looked-after-first-review';
const LATER = 'england-statutory.reviews.looked-after-reviews';
const CP = 'england-statutory.reviews.child-protection-review-conference';

const lac = ev('became-looked-after', 'lac', '2024-03-04');
const review = (id: string, date: string) => ev('looked-after-review', id, date);

describe('regulation 33(1): first review within 20 working days', () => {
  // From Monday 2024-03-04: 5-8 Mar (4), 11-15 (9), 18-22 (14), 25-28 (18), 29 Mar Good Friday,
  // 1 Apr Easter Monday, 2 Apr (19), 3 Apr (20) → 2024-04-03.
  it('on time', () => {
    expect(check('england-statutory', FIRST, [lac, review('r1', '2024-04-03')], '2024-05-01')).toEqual(['met 2024-04-03 by r1']);
  });
  it('late', () => {
    expect(check('england-statutory', FIRST, [lac, review('r1', '2024-04-04')], '2024-05-01')).toEqual(['met-late 2024-04-03 by r1']);
  });
  it('overdue', () => {
    expect(check('england-statutory', FIRST, [lac], '2024-04-04')).toEqual(['overdue 2024-04-03']);
  });
  it('due', () => {
    expect(check('england-statutory', FIRST, [lac], '2024-04-03')).toEqual(['due 2024-04-03']);
  });
  it('not applicable: never looked after, or left care before the review fell due', () => {
    expect(check('england-statutory', FIRST, [], '2024-05-01')).toEqual(['not-applicable -']);
    expect(check('england-statutory', FIRST, [lac, ev('ceased-looked-after', 'c', '2024-03-20')], '2024-05-01')).toEqual(['not-applicable 2024-04-03']);
  });
});

describe('regulation 33(2): second review within three months of the first, then six-monthly', () => {
  const first = [lac, review('r1', '2024-04-03')];
  it('on time: second within three months (2024-07-03), the third six months after the second', () => {
    // r2 2024-07-01 + 6 months = 2025-01-01.
    expect(check('england-statutory', LATER, [...first, review('r2', '2024-07-01')], '2024-08-01')).toEqual(['met 2024-07-03 by r2', 'due 2025-01-01']);
  });
  it('late: the six months run from the late review', () => {
    expect(check('england-statutory', LATER, [...first, review('r2', '2024-07-05')], '2024-08-01')).toEqual(['met-late 2024-07-03 by r2', 'due 2025-01-05']);
  });
  it('overdue', () => {
    expect(check('england-statutory', LATER, first, '2024-07-04')).toEqual(['overdue 2024-07-03']);
  });
  it('due: the first review itself does not meet the second', () => {
    expect(check('england-statutory', LATER, first, '2024-04-03')).toEqual(['due 2024-07-03']);
  });
  it('not applicable: no first review yet, or the child left care before the second was due', () => {
    expect(check('england-statutory', LATER, [lac], '2024-03-20')).toEqual(['not-applicable -']);
    expect(check('england-statutory', LATER, [...first, ev('ceased-looked-after', 'c', '2024-06-01')], '2024-08-01')).toEqual(['not-applicable -']);
  });
  it('a new period in care starts a new count from its own first review', () => {
    // Left 2024-06-01; back 2024-09-02; its first review 2024-09-20 → second due 2024-12-20.
    const events = [...first, ev('ceased-looked-after', 'c', '2024-06-01'), ev('became-looked-after', 'lac2', '2024-09-02'), review('r3', '2024-09-20')];
    expect(check('england-statutory', LATER, events, '2024-10-01')).toEqual(['due 2024-12-20']);
  });
});

describe('Working Together 2023: child protection review conferences', () => {
  // Plan from the initial conference on 2024-05-01: first review by 2024-08-01.
  const plan = ev('child-protection-plan-started', 'cp', '2024-05-01');
  it('on time: then six-monthly from the review', () => {
    expect(check('england-statutory', CP, [plan, ev('review-child-protection-conference', 'r1', '2024-07-30')], '2024-09-01')).toEqual(['met 2024-08-01 by r1', 'due 2025-01-30']);
  });
  it('late', () => {
    expect(check('england-statutory', CP, [plan, ev('review-child-protection-conference', 'r1', '2024-08-02')], '2024-09-01')).toEqual(['met-late 2024-08-01 by r1', 'due 2025-02-02']);
  });
  it('overdue', () => {
    expect(check('england-statutory', CP, [plan], '2024-08-02')).toEqual(['overdue 2024-08-01']);
  });
  it('due', () => {
    expect(check('england-statutory', CP, [plan], '2024-08-01')).toEqual(['due 2024-08-01']);
  });
  it('not applicable: no plan, or the plan ended before the first review', () => {
    expect(check('england-statutory', CP, [], '2024-09-01')).toEqual(['not-applicable -']);
    expect(check('england-statutory', CP, [plan, ev('child-protection-plan-ended', 'end', '2024-07-01')], '2024-09-01')).toEqual(['not-applicable -']);
  });
});
