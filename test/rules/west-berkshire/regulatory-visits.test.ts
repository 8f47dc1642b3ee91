import { describe, expect, it } from 'vitest';
import { type Rule } from '../../../src/index.js';
// Notes are read from the YAML, their one home (the shipped tables leave them out).
import { shippedRuleSetSource } from '../../../src/rules/sets/from-yaml.js';
import { ev, of, one, run, visit } from '../england-statutory/helpers.js';

/**
 * Standard 2: "We will visit children and their families and make sure this is recorded as set
 * out in the regulatory framework. If we have not done so we will alert a supervisor." West
 * Berkshire's visit rules carry the national timescales with the supervisor to alert.
 */
const MIRRORS: Readonly<Record<string, string>> = {
  'west-berkshire.visits.regulatory-first-visit': 'england-statutory.visits.looked-after-first-visit',
  'west-berkshire.visits.regulatory-looked-after': 'england-statutory.visits.looked-after',
  'west-berkshire.visits.regulatory-connected-person-or-interim-care-order': 'england-statutory.visits.connected-person-or-interim-care-order',
  'west-berkshire.visits.regulatory-private-fostering': 'england-statutory.visits.private-fostering',
  'west-berkshire.visits.regulatory-care-order-at-home-first-visit': 'england-statutory.visits.care-order-at-home-first-visit',
};

function timing(rule: Rule): Record<string, unknown> {
  const { id, title, cite, note, verified, escalateTo, ...rest } = rule;
  void [id, title, cite, note, verified, escalateTo];
  return rest;
}

describe('the West Berkshire visit rules are the regulatory framework\'s, with the supervisor to alert', () => {
  const wb = shippedRuleSetSource('west-berkshire');
  const national = shippedRuleSetSource('england-statutory');
  it.each(Object.entries(MIRRORS))('%s has exactly the timescales of %s', (local, base) => {
    const l = wb.rules.find((r) => r.id === local)!;
    const b = national.rules.find((r) => r.id === base)!;
    expect(timing(l)).toEqual(timing(b));
    expect(l.escalateTo).toBe('supervisor');
    expect(l.cite.quote).toBe('We will visit children and their families and make sure this is recorded as set out in the regulatory framework. If we have not done so we will alert a supervisor.');
    expect(l.note).toContain(base);
  });
});

describe('west-berkshire.visits.regulatory-looked-after: five scenarios, and who is alerted', () => {
  // Placement Monday 2024-01-08: first interval due 2024-02-19; v1 2024-01-10 → next due 2024-02-21.
  const ID = 'west-berkshire.visits.regulatory-looked-after';
  const start = [ev('became-looked-after', 'lac', '2024-01-08'), ev('placement-started', 'p1', '2024-01-08', { placementId: 'p1', kind: 'foster' })];
  it('on time: no alert', () => {
    const r = run('west-berkshire', [...start, visit('v1', '2024-01-10')], '2024-02-01');
    expect(of(r, ID).map((o) => `${o.status} ${o.due}`)).toEqual(['met 2024-02-19', 'due 2024-02-21']);
    expect(of(r, ID).some((o) => o.explanation.includes('Alert'))).toBe(false);
  });
  it('late: alert the supervisor', () => {
    const o = of(run('west-berkshire', [...start, visit('v1', '2024-01-10'), visit('v2', '2024-02-23')], '2024-03-01'), ID)[1]!;
    expect([o.status, o.due, o.escalateTo]).toEqual(['met-late', '2024-02-21', 'supervisor']);
    expect(o.explanation).toMatch(/Alert the supervisor\.( |$)/);
  });
  it('overdue: alert the supervisor, and the breach list says so', () => {
    const r = run('west-berkshire', [...start, visit('v1', '2024-01-10')], '2024-02-22');
    const o = of(r, ID)[1]!;
    expect([o.status, o.due]).toEqual(['overdue', '2024-02-21']);
    expect(o.explanation).toContain('Alert the supervisor.');
    // The seven-day visit with the pack (v1 recorded no pack) is the other West Berkshire visit breach.
    expect(r.breaches.filter((b) => b.escalateTo === 'supervisor').map((b) => b.ruleId)).toEqual(['west-berkshire.visits.first-visit', ID]);
  });
  it('the national rule says the same but names no one to alert', () => {
    const o = of(run('west-berkshire', [...start, visit('v1', '2024-01-10')], '2024-02-22'), 'england-statutory.visits.looked-after')[1]!;
    expect(o.status).toBe('overdue');
    expect(o.escalateTo).toBeUndefined();
    expect(o.explanation).not.toContain('Alert the supervisor.');
  });
});

describe('the other regulatory visit rules alert the supervisor too', () => {
  it('first visit after a placement starts', () => {
    const events = [ev('became-looked-after', 'lac', '2024-03-04'), ev('placement-started', 'p1', '2024-03-04', { placementId: 'p1', kind: 'foster' })];
    const o = one(run('west-berkshire', events, '2024-03-12'), 'west-berkshire.visits.regulatory-first-visit');
    expect([o.status, o.due, o.escalateTo]).toEqual(['overdue', '2024-03-11', 'supervisor']);
  });
  it('weekly visits with a temporarily approved connected person', () => {
    const events = [ev('became-looked-after', 'lac', '2024-03-04'), ev('placement-started', 'p1', '2024-03-04', { placementId: 'p1', kind: 'temporarily-approved-carer' }), visit('v1', '2024-03-08')];
    const o = of(run('west-berkshire', events, '2024-03-18'), 'west-berkshire.visits.regulatory-connected-person-or-interim-care-order')[1]!;
    expect([o.status, o.due, o.escalateTo]).toEqual(['overdue', '2024-03-15', 'supervisor']);
  });
  it('private fostering visits', () => {
    const o = one(run('west-berkshire', [ev('private-fostering-notified', 'pf', '2024-01-08')], '2024-02-20'), 'west-berkshire.visits.regulatory-private-fostering');
    expect([o.status, o.due, o.escalateTo]).toEqual(['overdue', '2024-02-19', 'supervisor']);
    expect(o.explanation).toContain('Alert the supervisor.');
  });
});
