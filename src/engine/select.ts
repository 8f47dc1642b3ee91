import { tryParseIsoDate } from '../calendar/day-number.js';
import { typeNumber, VISIT } from './event-types.js';
import type { Selector } from '../rules/rule-schema.js';
import type { PreparedEvent, PreparedSubject } from './prepared.js';

/** A compiled selector: the event types it reads and a test for one event. */
export interface CompiledSelector {
  readonly types: readonly string[];
  readonly test: (e: PreparedEvent) => boolean;
  /** What `test` tests, as data. */
  readonly tests: Tests;
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

/** A period a selector is limited to, as day numbers (`to` is Infinity when open). */
export interface Period {
  readonly from: number;
  readonly to: number;
}

/**
 * A selector's tests as data, read by one function for every selector: a closure of its own for
 * each made every call site that tested events call many functions.
 */
export interface Tests {
  /** The fields and the values they must have, side by side, read by index: the cheapest loop over them. */
  readonly fields: readonly string[];
  readonly expected: readonly Expected[];
  readonly during: readonly Period[];
}

/** Whether an event passes a selector's tests, its type aside (see {@link compileSelector}). */
function passes(t: Tests, e: PreparedEvent): boolean {
  const raw = e.raw;
  if (e.typeNumber === VISIT && raw.childSeen === false) return false;
  const { fields, expected, during } = t;
  for (let i = 0; i < fields.length; i++) if (!fieldMatches(raw[fields[i]!], expected[i]!)) return false;
  if (during.length === 0) return true;
  for (let i = 0; i < during.length; i++) if (e.day >= during[i]!.from && e.day <= during[i]!.to) return true;
  return false;
}

function testsOf(selector: Selector): Tests {
  const fields = Object.keys(selector.where ?? {});
  return {
    fields,
    expected: fields.map((f) => selector.where![f] as Expected),
    during: (selector.during ?? []).map((p) => ({ from: tryParseIsoDate(p.from)!, to: p.to === undefined ? Infinity : tryParseIsoDate(p.to)! })),
  };
}

/**
 * Compiles a selector once per rule set into plain data and a closure over it (no code
 * generation: the spreadsheet bundles run under a content security policy that forbids `eval`).
 *
 * A visit where the child was not seen (`childSeen: false`) never counts as a visit.
 */
export function compileSelector(selector: Selector): CompiledSelector {
  const types = Array.isArray(selector.type) ? selector.type : [selector.type];
  const tests = testsOf(selector);
  return {
    types,
    tests,
    test: (e) => passes(tests, e),
    everyOfType: tests.fields.length === 0 && tests.during.length === 0 && !types.includes('visit'),
  };
}

/** The events of `list` that pass `tests`, in their order. */
function passing(list: readonly PreparedEvent[], tests: Tests): PreparedEvent[] {
  const out: PreparedEvent[] = [];
  for (let i = 0; i < list.length; i++) if (passes(tests, list[i]!)) out.push(list[i]!);
  return out;
}

/** Event types as a set of their numbers, each tested by an array read. */
function typeSet(numbers: readonly number[]): Uint8Array {
  const set = new Uint8Array(Math.max(...numbers) + 1);
  for (const n of numbers) set[n] = 1;
  return set;
}

/** The events of `list` that some selector passes, each selector given by its types and tests, in their order. */
function passingAny(list: readonly PreparedEvent[], typeSets: readonly Uint8Array[], tests: readonly Tests[]): PreparedEvent[] {
  const out: PreparedEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    const n = e.typeNumber;
    for (let k = 0; k < typeSets.length; k++) {
      const types = typeSets[k]!;
      if (n < types.length && types[n] === 1 && passes(tests[k]!, e)) {
        out.push(e);
        break;
      }
    }
  }
  return out;
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
    const { types, tests, everyOfType } = selectors[0]!;
    const type = typeNumber(types[0]!);
    return (subject) => {
      const list = subject.byTypeNumber[type] as PreparedEvent[] | undefined;
      if (list === undefined) return NONE;
      // The subject's own list, shared as the memo shares every answer: never modified.
      return everyOfType ? list : passing(list, tests);
    };
  }
  const types = [...new Set(selectors.flatMap((s) => s.types))].map(typeNumber);
  // A lone selector's list holds only its types: its test alone decides, and none is needed when
  // every event of them matches.
  const only = selectors.length === 1 ? selectors[0]! : undefined;
  const typeSets = selectors.map((s) => typeSet(s.types.map(typeNumber)));
  const testsEach = selectors.map((s) => s.tests);
  const wanted = typeSet(types);
  return (subject) => {
    // One type recorded: its list, already in date order. Several: the subject's events of those
    // types, taken in order (a new list: the subject's own are shared, and never modified), which
    // is cheaper than putting their lists together and sorting them.
    let list: PreparedEvent[] | undefined;
    for (let i = 0; i < types.length; i++) {
      const l = subject.byTypeNumber[types[i]!] as PreparedEvent[] | undefined;
      if (l === undefined) continue;
      if (list === undefined) list = l;
      else {
        list = [];
        const all = subject.events;
        for (let j = 0; j < all.length; j++) if (wanted[all[j]!.typeNumber] === 1) list.push(all[j] as PreparedEvent);
        break;
      }
    }
    if (list === undefined) return NONE;
    if (only === undefined) return passingAny(list, typeSets, testsEach);
    return only.everyOfType ? list : passing(list, only.tests);
  };
}
