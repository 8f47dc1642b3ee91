import { tryParseIsoDate } from '../calendar/day-number.js';
import type { Selector } from '../rules/rule-schema.js';
import type { PreparedEvent, PreparedSubject } from './prepared.js';

/** A compiled selector: the event types it reads and a test for one event. */
export interface CompiledSelector {
  readonly types: readonly string[];
  readonly test: (e: PreparedEvent) => boolean;
}

type Expected = string | number | boolean | null | (string | number | boolean)[];

function fieldMatches(value: unknown, expected: Expected): boolean {
  if (expected === null) return value === undefined || value === null;
  if (Array.isArray(expected)) return expected.includes(value as string);
  return value === expected;
}

/**
 * Compiles a selector once per rule set into plain closures (no code generation: the
 * spreadsheet bundles run under a content security policy that forbids `eval`).
 *
 * A visit where the child was not seen (`childSeen: false`) never counts as a visit.
 */
export function compileSelector(selector: Selector): CompiledSelector {
  const types = Array.isArray(selector.type) ? selector.type : [selector.type];
  const where = Object.entries(selector.where ?? {});
  const during = (selector.during ?? []).map((p) => ({
    from: tryParseIsoDate(p.from)!,
    to: p.to === undefined ? Infinity : tryParseIsoDate(p.to)!,
  }));
  const test = (e: PreparedEvent): boolean => {
    if (e.type === 'visit' && e.raw.childSeen === false) return false;
    for (const [field, expected] of where) if (!fieldMatches(e.raw[field], expected)) return false;
    if (during.length > 0 && !during.some((p) => e.day >= p.from && e.day <= p.to)) return false;
    return true;
  };
  return { types, test };
}

/** Every event matching any of the selectors, in date order. */
export function matching(subject: PreparedSubject, selectors: readonly CompiledSelector[]): PreparedEvent[] {
  if (selectors.length === 1 && selectors[0]!.types.length === 1) {
    const s = selectors[0]!;
    return (subject.byType.get(s.types[0]!) ?? []).filter(s.test);
  }
  const out: PreparedEvent[] = [];
  for (const e of subject.events) {
    if (selectors.some((s) => s.types.includes(e.type) && s.test(e))) out.push(e);
  }
  return out;
}
