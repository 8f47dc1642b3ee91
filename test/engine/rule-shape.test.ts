import { describe, expect, it } from 'vitest';
import { getRuleSet, type Rule } from '../../src/index.js';
import { ruleOfOneShape } from '../../src/engine/rule-shape.js';

const shipped: readonly Rule[] = ['leeds-2023', 'west-berkshire', 'england-statutory'].flatMap((id) => getRuleSet(id).rules);
const UNITS = new Set(['workingDays', 'days', 'weeks', 'months', 'years', 'schoolDays', 'hours']);
const data = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Every object in a value, with where it is (`satisfiedBy.events[0]`), records and kept parts left out by the caller. */
function objectsIn(value: unknown, path: string, into: Map<string, object[]>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v) => objectsIn(v, `${path}[]`, into));
    return;
  }
  into.set(path, [...(into.get(path) ?? []), value]);
  for (const [k, v] of Object.entries(value)) if (k !== 'where' && k !== 'whenStart' && k !== 'facts' && k !== 'cite') objectsIn(v, `${path}.${k}`, into);
}

describe('rules of one shape', () => {
  it('say exactly what the rule table says', () => {
    for (const rule of shipped) expect(data(ruleOfOneShape(rule)), rule.id).toEqual(data(rule));
  });

  it('give every rule of a kind, and every part of those rules, the same fields in the same order', () => {
    const byKind = new Map<string, Rule[]>();
    for (const rule of shipped) byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), rule]);
    let compared = 0;
    for (const [kind, rules] of byKind) {
      const places = new Map<string, object[]>();
      for (const rule of rules) objectsIn(ruleOfOneShape(rule), kind, places);
      for (const [path, objects] of places) {
        // A union's options (an event or an age, a period or a term) are shapes of their own.
        if (/\.(anchor|start|end\[\]|from|allOf\[\]|window|since\[\]|notBefore)$/.test(path)) continue;
        // Durations keep their one unit.
        const keys = objects.filter((o) => !Object.keys(o).every((k) => UNITS.has(k))).map((o) => Object.keys(o).join(','));
        if (keys.length > 0) expect(new Set(keys).size, path).toBe(1);
        compared += objects.length;
      }
    }
    // The tables' rules come in many shapes: without this, most of these comparisons would fail.
    expect(compared).toBeGreaterThan(300);
    const given = new Set(shipped.filter((r) => r.kind === 'deadline').map((r) => Object.keys(r).join(',')));
    expect(given.size).toBeGreaterThan(5);
  });

  it('keep what is handed on or read by its own keys: citations, durations, field conditions', () => {
    for (const rule of shipped) {
      const shaped = ruleOfOneShape(rule);
      expect(shaped.cite).toBe(rule.cite);
      if (rule.kind === 'deadline' && shaped.kind === 'deadline') expect(shaped.due).toBe(rule.due);
    }
  });

  it('add no field that tells one kind of trigger or window from another', () => {
    for (const rule of shipped) {
      const shaped = ruleOfOneShape(rule) as Record<string, unknown>;
      const given = rule as Record<string, unknown>;
      for (const part of ['anchor', 'target', 'window']) {
        if (given[part] === undefined) continue;
        expect(Object.keys(shaped[part] as object).filter((k) => (shaped[part] as Record<string, unknown>)[k] !== undefined).sort(), `${rule.id} ${part}`).toEqual(Object.keys(given[part] as object).sort());
        for (const key of ['age', 'type', 'every', 'schoolTerm']) expect(key in (shaped[part] as object), `${rule.id} ${part}.${key}`).toBe(key in (given[part] as object));
      }
    }
  });

  it('are the same object each time a rule is asked for', () => {
    for (const rule of shipped) expect(ruleOfOneShape(rule)).toBe(ruleOfOneShape(rule));
  });
});
