import { tryParseIsoDate } from '../calendar/day-number.js';
import type { Selector } from '../rules/rule-schema.js';
import { byDayThenId } from './prepare.js';
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
  if (Array.isArray(expected)) {
    for (let i = 0; i < expected.length; i++) if (equals(value, expected[i]!)) return true;
    return false;
  }
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
  // Fields and values side by side, read by index: the cheapest loop over them.
  const fields = Object.keys(selector.where ?? {});
  const expected = fields.map((f) => selector.where![f] as Expected);
  const during = (selector.during ?? []).map((p) => ({
    from: tryParseIsoDate(p.from)!,
    to: p.to === undefined ? Infinity : tryParseIsoDate(p.to)!,
  }));
  const test = (e: PreparedEvent): boolean => {
    const raw = e.raw;
    if (e.type === 'visit' && raw.childSeen === false) return false;
    for (let i = 0; i < fields.length; i++) if (!fieldMatches(raw[fields[i]!], expected[i]!)) return false;
    if (during.length === 0) return true;
    for (let i = 0; i < during.length; i++) if (e.day >= during[i]!.from && e.day <= during[i]!.to) return true;
    return false;
  };
  return { types, test, everyOfType: fields.length === 0 && during.length === 0 && !types.includes('visit') };
}

/** The empty match, shared. */
export const NONE: PreparedEvent[] = Object.freeze([]) as unknown as PreparedEvent[];

/** Finds the events some selectors match in a subject, worked out once per list of selectors. */
export type Selection = (subject: PreparedSubject) => PreparedEvent[];

/**
 * A list of selectors made into one search: every event matching any of them, in date order.
 * What does not depend on the snapshot (which types to read, whether they are one list) is
 * worked out here, once. The list found may be shared: never modify it.
 */
export function compileSelection(selectors: readonly CompiledSelector[]): Selection {
  if (selectors.length === 1 && selectors[0]!.types.length === 1) {
    const { types, test, everyOfType } = selectors[0]!;
    const type = types[0]!;
    return (subject) => {
      const list = subject.byType.get(type) as PreparedEvent[] | undefined;
      if (list === undefined) return NONE;
      // The subject's own list, shared as the memo shares every answer: never modified.
      return everyOfType ? list : list.filter(test);
    };
  }
  const types = [...new Set(selectors.flatMap((s) => s.types))];
  // A lone selector's list holds only its types: its test alone decides, and none is needed when
  // every event of them matches.
  const only = selectors.length === 1 ? selectors[0]! : undefined;
  const matches =
    only !== undefined
      ? only.test
      : (e: PreparedEvent): boolean => {
          for (const s of selectors) if (s.types.includes(e.type) && s.test(e)) return true;
          return false;
        };
  return (subject) => {
    // One type recorded: its list, already in date order; several: their lists together, put in
    // the order of the subject's events. Each list is in that order already, and a snapshot has
    // many more events than those of a rule's few types.
    let list: PreparedEvent[] | undefined;
    let several = false;
    for (const type of types) {
      const l = subject.byType.get(type) as PreparedEvent[] | undefined;
      if (l === undefined) continue;
      if (list === undefined) list = l;
      else if (!several) {
        // A new list: the subject's own are shared, and never modified.
        list = list.concat(l);
        several = true;
      } else for (let i = 0; i < l.length; i++) list.push(l[i]!);
    }
    if (list === undefined) return NONE;
    if (several) list.sort(byDayThenId);
    return only?.everyOfType === true ? list : list.filter(matches);
  };
}
