import { tryParseIsoDate } from '../calendar/day-number.js';
import type { Selector } from '../rules/rule-schema.js';
import type { PreparedEvent, PreparedSubject } from './prepared.js';

/** A compiled selector: the event types it reads and a test for one event. */
export interface CompiledSelector {
  readonly types: readonly string[];
  readonly test: (e: PreparedEvent) => boolean;
  /** Every event of its types matches: no field, period or unseen visit to test. */
  readonly everyOfType: boolean;
}

type Scalar = string | number | boolean;
type Expected = Scalar | null | (Scalar | null)[] | { atLeast: number };

function equals(value: unknown, expected: Scalar | null): boolean {
  if (expected === null) return value === undefined || value === null;
  // A list-valued field (e.g. who a report was shared with) matches when it contains the value.
  if (Array.isArray(value)) return value.includes(expected);
  return value === expected;
}

function fieldMatches(value: unknown, expected: Expected): boolean {
  if (Array.isArray(expected)) return expected.some((x) => equals(value, x));
  if (expected !== null && typeof expected === 'object') return typeof value === 'number' && value >= expected.atLeast;
  return equals(value, expected);
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
  return { types, test, everyOfType: where.length === 0 && during.length === 0 && !types.includes('visit') };
}

/** The empty match, shared. */
export const NONE: PreparedEvent[] = Object.freeze([]) as unknown as PreparedEvent[];

/** Every event matching any of the selectors, in date order. The list may be shared: never modify it. */
export function matching(subject: PreparedSubject, selectors: readonly CompiledSelector[]): PreparedEvent[] {
  if (selectors.length === 1 && selectors[0]!.types.length === 1) {
    const s = selectors[0]!;
    const list = subject.byType.get(s.types[0]!);
    if (list === undefined) return NONE;
    // The subject's own list, shared as the memo shares every answer: never modified.
    return s.everyOfType ? (list as PreparedEvent[]) : list.filter(s.test);
  }
  // Read only the lists of the types named: one list is already in date order; several are
  // read through the snapshot's events, which are.
  let list: readonly PreparedEvent[] | undefined;
  let lists = 0;
  for (const s of selectors) {
    for (const type of s.types) {
      const l = subject.byType.get(type);
      if (l && l !== list) {
        list = l;
        lists++;
      }
    }
  }
  if (list === undefined) return [];
  const out: PreparedEvent[] = [];
  for (const e of lists === 1 ? list : subject.events) {
    for (const s of selectors) {
      if (s.types.includes(e.type) && s.test(e)) {
        out.push(e);
        break;
      }
    }
  }
  return out;
}
