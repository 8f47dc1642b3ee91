import { describe, expect, it } from 'vitest';
import { ev, of, one, run, visit } from '../england-statutory/helpers.js';

const WB_REVIEW = 'west-berkshire.reviews.first-review';
const NATIONAL_REVIEW = 'england-statutory.reviews.looked-after-first-review';

describe('a West Berkshire evaluation includes the national baseline', () => {
  it('reports the national rules West Berkshire does not repeat, from the set they come from', () => {
    // Second review due three months after the first (2024-04-01 → 2024-07-01): regulation 33(2).
    const r = run('west-berkshire', [ev('became-looked-after', 'lac', '2024-03-04'), ev('looked-after-review', 'r1', '2024-04-01')], '2024-05-01');
    const later = one(r, 'england-statutory.reviews.looked-after-reviews');
    expect([later.ruleSet, later.status, later.due]).toEqual(['england-statutory', 'due', '2024-07-01']);
    expect(r.ruleSet).toBe('west-berkshire');
    expect(new Set(r.obligations.map((o) => o.ruleSet))).toEqual(new Set(['england-statutory', 'west-berkshire']));
  });
  it('the national set on its own has none of West Berkshire\'s rules', () => {
    const r = run('england-statutory', [ev('became-looked-after', 'lac', '2024-03-04')], '2024-05-01');
    expect(r.obligations.some((o) => o.ruleId.startsWith('west-berkshire.'))).toBe(false);
  });
});

describe('where West Berkshire and the national rules measure the same duty, both show and the stricter decides', () => {
  // Looked after Monday 2024-03-04. West Berkshire: 28 days → 2024-04-01. Regulation 33(1): 20
  // working days → 2024-04-03 (Good Friday 29 March and Easter Monday 1 April are not counted).
  const lac = ev('became-looked-after', 'lac', '2024-03-04');

  it('a review on 2 April is late by West Berkshire\'s standard, on time by the regulations: West Berkshire decides', () => {
    const r = run('west-berkshire', [lac, ev('looked-after-review', 'r1', '2024-04-02')], '2024-05-01');
    const local = one(r, WB_REVIEW);
    const national = one(r, NATIONAL_REVIEW);
    expect([local.status, local.due, national.status, national.due]).toEqual(['met-late', '2024-04-01', 'met', '2024-04-03']);
    expect(local.comparison).toEqual({ measures: 'looked-after-reviews', decides: true, others: [{ ruleId: NATIONAL_REVIEW, due: '2024-04-03', status: 'met' }] });
    expect(national.comparison?.decides).toBe(false);
    expect(local.explanation).toContain(`This is the stricter of the rules measuring this duty (also ${NATIONAL_REVIEW}, due 2024-04-03), so it decides the status.`);
    expect(national.explanation).toContain(`The stricter rule ${WB_REVIEW} (due 2024-04-01) decides the status.`);
    expect(r.breaches.map((b) => b.ruleId)).toContain(WB_REVIEW);
    expect(r.breaches.map((b) => b.ruleId)).not.toContain(NATIONAL_REVIEW);
  });

  it('the first visit: West Berkshire\'s seven days from coming into care against the regulations\' week from each placement', () => {
    // Came into care and placed 2024-03-04, moved to p2 on 2024-03-20. West Berkshire: 2024-03-11.
    // Regulation 28(2)(a) for p2: 2024-03-27. West Berkshire's is the earlier, so it decides.
    const events = [
      lac,
      ev('placement-started', 'p1', '2024-03-04', { placementId: 'p1', kind: 'foster' }),
      visit('v1', '2024-03-06', { lookedAfterPackProvided: true }),
      ev('placement-ended', 'e1', '2024-03-20', { placementId: 'p1' }),
      ev('placement-started', 'p2', '2024-03-20', { placementId: 'p2', kind: 'residential' }),
    ];
    const r = run('west-berkshire', events, '2024-03-25');
    const local = one(r, 'west-berkshire.visits.first-visit');
    expect([local.status, local.due, local.comparison?.measures, local.comparison?.decides]).toEqual(['met', '2024-03-11', 'looked-after-first-visit', true]);
    const national = of(r, 'england-statutory.visits.looked-after-first-visit').at(-1)!;
    expect([national.status, national.due, national.comparison?.decides]).toEqual(['due', '2024-03-27', false]);
    expect(national.explanation).toContain('The stricter rule west-berkshire.visits.first-visit (due 2024-03-11) decides the status.');
  });

  it('on a tie the local rule decides: the regulatory visit rule with the supervisor to alert', () => {
    const events = [lac, ev('placement-started', 'p1', '2024-03-04', { placementId: 'p1', kind: 'foster' })];
    const r = run('west-berkshire', events, '2024-05-01');
    const mirror = one(r, 'west-berkshire.visits.regulatory-looked-after');
    const national = one(r, 'england-statutory.visits.looked-after');
    // 2024-03-04 + 6 weeks = 2024-04-15; no visit by 2024-05-01.
    expect([mirror.status, mirror.due, national.status, national.due]).toEqual(['overdue', '2024-04-15', 'overdue', '2024-04-15']);
    expect(mirror.comparison?.decides).toBe(true);
    expect(national.comparison?.decides).toBe(false);
  });

  it('28 calendar days never fall after 20 working days, so West Berkshire\'s review decides even over Christmas', () => {
    // Looked after Monday 2024-12-02. West Berkshire: + 28 days = 2024-12-30. Regulation 33(1):
    // 3-6 Dec (4), 9-13 (9), 16-20 (14), 23 (15), 24 (16), 25-26 bank holidays, 27 (17), 30 (18),
    // 31 (19), 1 Jan bank holiday, 2 Jan (20) → 2025-01-02.
    const r = run('west-berkshire', [ev('became-looked-after', 'lac', '2024-12-02')], '2024-12-20');
    expect([one(r, WB_REVIEW).due, one(r, NATIONAL_REVIEW).due, one(r, WB_REVIEW).comparison?.decides]).toEqual(['2024-12-30', '2025-01-02', true]);
  });
});
