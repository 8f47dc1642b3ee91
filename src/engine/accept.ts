import type { z } from 'zod';
import { tryParseIsoDate } from '../calendar/day-number.js';
import { defOf, type ZodDef as Def, type ZodNode as Node } from './zod-def.js';

/** A check that a value is accepted by a schema exactly as it is (zod would return it unchanged). */
export type Accept = (value: unknown) => boolean;

/** Thrown while compiling when the schema uses something this compiler does not know. */
class Unsupported extends Error {}

// What a compiled check tests. The common leaves (text, dates, categories) are tested inline in
// one function; a closure per field would make every call site megamorphic.
const TEXT = 0;
const DATE = 1;
const ONE_OF = 2;
const BOOLEAN = 3;
const OBJECT = 4;
const UNION = 5;
const ARRAY = 6;
/** Anything rarer (numbers, patterns): a closure. */
const OTHER = 7;
/** A union's discriminator in the option it chose: accepted already. */
const CHOSEN = 8;

/**
 * One schema, compiled. Every check has every property, so that reading them stays monomorphic
 * however the checks nest.
 */
class Check {
  optional = false;
  nullable = false;
  /** As a field of an object: the field must be present. */
  required = false;
  /** Length bounds (text, dates, arrays). */
  min = 0;
  max = Infinity;
  /** Accepted values of a literal or an enum. */
  values: ReadonlySet<unknown> = NONE;
  /** An object's fields, in the schema's order (the order inputs usually have), and how many are required. */
  names: readonly string[] = [];
  fields: readonly Check[] = [];
  requiredCount = 0;
  /** An object with refinements (a duration's single unit): zod runs them, on small objects only. */
  refined: Node | undefined = undefined;
  /** A union's options by the value of its discriminator. */
  discriminator = '';
  options: ReadonlyMap<unknown, Check> = NO_OPTIONS;
  element: Check | undefined = undefined;
  other: Accept = refuse;
  /** An array whose elements' fields are recorded. */
  records: Tap | undefined = undefined;
  /**
   * For a list of dates: copies of the last few lists accepted, kept to accept the same list again
   * without reading its dates (the children of one school share their closure dates, and a
   * caseload has a few schools' calendars). `next` is the one replaced next.
   */
  accepted: unknown[][] | undefined = undefined;
  next = 0;
  /** A field of such an element, recorded in column `column`. */
  recordedIn: Tap | undefined = undefined;
  column = 0;
  /** A union's option, as the element of an array whose elements' fields are recorded: its number, recorded too. */
  tag = 0;

  constructor(public kind: number) {}
}

/**
 * Values of some fields of each element of an array, recorded while the array is checked:
 * `columns[f][i]` is field `f` of element `i` (undefined when absent). Read by the checks that
 * follow (duplicate ids) without reading the elements again; reused by every check.
 */
class Tap {
  /** The element being checked. */
  at = 0;
  /** How many elements the last check recorded: entries beyond are left from longer lists. */
  length = 0;
  /** The array the last check recorded, so that a reader can tell the columns are of its array. */
  array: unknown = undefined;
  /** For a date field, `days[f][i]` is the day number of `columns[f][i]`. */
  readonly days: number[][];
  /** For an array of a union, `tags[i]` is the number of the option element `i` chose. */
  readonly tags: number[] = [];
  /** The compiled check that records into this tap. */
  accept: Accept = refuse;
  constructor(readonly columns: unknown[][]) {
    this.days = columns.map(() => []);
  }
}

/** The day number of the date the last `DATE` check accepted, for a tap to record. */
let lastDay = 0;
/** The tag of the option the last `UNION` check accepted, for a tap to record. */
let lastTag = 0;

const NONE: ReadonlySet<unknown> = new Set();
const NO_OPTIONS: ReadonlyMap<unknown, Check> = new Map();
const refuse: Accept = () => false;

function accepts(c: Check, v: unknown): boolean {
  if (v === undefined) {
    if (c.optional) return true;
  } else if (v === null && c.nullable) return true;
  switch (c.kind) {
    case TEXT:
      return typeof v === 'string' && v.length >= c.min && v.length <= c.max;
    case DATE: {
      if (typeof v !== 'string' || v.length < c.min || v.length > c.max) return false;
      const day = tryParseIsoDate(v);
      if (day === undefined) return false;
      lastDay = day;
      return true;
    }
    case ONE_OF:
      return c.values.has(v);
    case BOOLEAN:
      return typeof v === 'boolean';
    case OBJECT:
      return acceptsObject(c, v);
    case UNION: {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const option = c.options.get((v as Record<string, unknown>)[c.discriminator]);
      if (option === undefined || !acceptsObject(option, v)) return false;
      lastTag = option.tag;
      return true;
    }
    case ARRAY:
      return acceptsArray(c, v);
    case CHOSEN:
      return true;
    default:
      return c.other(v);
  }
}

function acceptsObject(c: Check, v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const { names, fields } = c;
  const n = names.length;
  // Only the keys present are checked (most fields are optional and absent), counting the
  // required ones among them. Keys are found by identity from where the last one was, as they
  // usually come in the schema's order: cheaper than hashing them.
  let required = 0;
  let at = 0;
  for (const key in v) {
    if (n === 0) return false;
    let i = at;
    while (names[i] !== key) {
      i = i + 1 === n ? 0 : i + 1;
      // A key the schema does not know would be stripped or refused: leave that case to zod.
      if (i === at) return false;
    }
    at = i + 1 === n ? 0 : i + 1;
    const field = fields[i]!;
    const value = (v as Record<string, unknown>)[key];
    if (!accepts(field, value)) return false;
    if (field.required) required++;
    const tap = field.recordedIn;
    if (tap !== undefined) {
      tap.columns[field.column]![tap.at] = value;
      if (field.kind === DATE) tap.days[field.column]![tap.at] = lastDay;
    }
  }
  return required === c.requiredCount && (c.refined === undefined || c.refined.safeParse(v).success);
}

/** Lists of dates remembered per list check. */
const KEPT_LISTS = 8;

/**
 * Whether two lists hold the same values in order. A date's check depends on its text alone, and
 * `===` compares text, so a list of dates the same as one accepted is accepted.
 */
function sameList(kept: readonly unknown[], v: readonly unknown[]): boolean {
  const n = kept.length;
  if (v.length !== n) return false;
  for (let i = 0; i < n; i++) if (v[i] !== kept[i]) return false;
  return true;
}

function acceptsArray(c: Check, v: unknown): boolean {
  if (!Array.isArray(v) || v.length < c.min || v.length > c.max) return false;
  const element = c.element!;
  const tap = c.records;
  if (tap === undefined) {
    const kept = c.accepted;
    if (kept !== undefined) for (let k = 0; k < kept.length; k++) if (sameList(kept[k]!, v)) return true;
    for (let i = 0; i < v.length; i++) if (!accepts(element, v[i])) return false;
    if (kept !== undefined && v.length > 0) {
      kept[c.next] = v.slice();
      c.next = (c.next + 1) % KEPT_LISTS;
    }
    return true;
  }
  // Columns keep their length between checks (no new backing store for each list), grown by
  // pushing so that they stay without holes; `length` says how much of them this list filled.
  const n = v.length;
  for (const column of tap.columns) {
    while (column.length < n) column.push(undefined);
    for (let i = 0; i < n; i++) column[i] = undefined;
  }
  for (const days of tap.days) while (days.length < n) days.push(0);
  tap.length = n;
  tap.array = v;
  for (let i = 0; i < n; i++) {
    tap.at = i;
    if (!accepts(element, v[i])) return false;
    tap.tags[i] = lastTag;
  }
  return true;
}

function checksOf(def: Def): Def[] {
  const own = def.check === undefined ? [] : [def];
  const listed = ((def.checks as readonly unknown[] | undefined) ?? []).map(defOf);
  return [...own, ...listed];
}

/** Bounds on a length, from `min_length` and `max_length` checks. */
function withLengthBounds(c: Check, checks: readonly Def[]): Check {
  for (const d of checks) {
    if (d.check === 'min_length') c.min = Math.max(c.min, d.minimum as number);
    else if (d.check === 'max_length') c.max = Math.min(c.max, d.maximum as number);
    else throw new Unsupported(`check ${String(d.check)}`);
  }
  return c;
}

function stringCheck(def: Def): Check {
  const checks = checksOf(def);
  const formats = checks.filter((d) => d.check === 'string_format');
  const lengths = checks.filter((d) => d.check !== 'string_format');
  // The same dates as zod's pattern (leap years included), read without a regular expression.
  if (formats.length === 1 && formats[0]!.format === 'date') return withLengthBounds(new Check(DATE), lengths);
  if (formats.length === 0) return withLengthBounds(new Check(TEXT), lengths);
  const tests = formats.map((d): ((s: string) => boolean) => {
    if (d.format === 'date') return (s) => tryParseIsoDate(s) !== undefined;
    const pattern = d.pattern;
    if (!(pattern instanceof RegExp)) throw new Unsupported(`string format ${String(d.format)}`);
    return (s) => pattern.test(s);
  });
  const text = withLengthBounds(new Check(TEXT), lengths);
  const c = new Check(OTHER);
  c.other = (v) => accepts(text, v) && tests.every((t) => t(v as string));
  return c;
}

function numberCheck(def: Def): Check {
  const tests = checksOf(def).map((d): ((n: number) => boolean) => {
    const value = d.value as number;
    switch (d.check) {
      case 'greater_than':
        return d.inclusive ? (n) => n >= value : (n) => n > value;
      case 'less_than':
        return d.inclusive ? (n) => n <= value : (n) => n < value;
      case 'number_format':
        if (d.format !== 'safeint') throw new Unsupported(`number format ${String(d.format)}`);
        return Number.isSafeInteger;
      default:
        throw new Unsupported(`number check ${String(d.check)}`);
    }
  });
  const c = new Check(OTHER);
  c.other = (v) => typeof v === 'number' && Number.isFinite(v) && tests.every((t) => t(v));
  return c;
}

function objectCheck(schema: unknown, def: Def): Check {
  const c = new Check(OBJECT);
  const shape = Object.entries(def.shape as Record<string, unknown>);
  c.names = shape.map(([key]) => key);
  c.fields = shape.map(([, s]) => {
    const field = compile(s);
    field.required = !accepts(field, undefined);
    if (field.required) c.requiredCount++;
    return field;
  });
  if (((def.checks as readonly unknown[] | undefined) ?? []).length > 0) c.refined = schema as Node;
  return c;
}

function unionCheck(def: Def): Check {
  const key = def.discriminator;
  if (typeof key !== 'string') throw new Unsupported('union without a discriminator');
  const c = new Check(UNION);
  const options = new Map<unknown, Check>();
  for (const option of def.options as readonly unknown[]) {
    const literal = defOf((defOf(option).shape as Record<string, unknown>)[key]);
    if (literal.type !== 'literal') throw new Unsupported('discriminator that is not a literal');
    const compiled = compile(option);
    if (compiled.kind !== OBJECT) throw new Unsupported('union of something other than objects');
    // The option is chosen by this value, so it need not be tested again: only counted as present.
    const chosen = compiled.fields[compiled.names.indexOf(key)]!;
    chosen.kind = CHOSEN;
    for (const value of literal.values as readonly unknown[]) options.set(value, compiled);
  }
  c.discriminator = key;
  c.options = options;
  return c;
}

function compile(schema: unknown): Check {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return objectCheck(schema, def);
    case 'union':
      return unionCheck(def);
    case 'optional': {
      const c = compile(def.innerType);
      c.optional = true;
      return c;
    }
    case 'nullable': {
      const c = compile(def.innerType);
      c.nullable = true;
      return c;
    }
    case 'array': {
      const c = withLengthBounds(new Check(ARRAY), checksOf(def));
      c.element = compile(def.element);
      if (c.element.kind === DATE) c.accepted = [];
      return c;
    }
    case 'string':
      return stringCheck(def);
    case 'number':
      return numberCheck(def);
    case 'boolean':
      return new Check(BOOLEAN);
    case 'literal': {
      const c = new Check(ONE_OF);
      c.values = new Set(def.values as readonly unknown[]);
      return c;
    }
    case 'enum': {
      const c = new Check(ONE_OF);
      c.values = new Set(Object.values(def.entries as Record<string, unknown>));
      return c;
    }
    default:
      throw new Unsupported(def.type);
  }
}

/**
 * Compiles a zod schema into a plain, fast check that a value is valid exactly as it stands:
 * true only where `schema.safeParse(value)` succeeds and returns the value unchanged (no unknown
 * key to strip). Validating a caseload with zod alone costs more than evaluating it; the check
 * lets the engine skip zod for valid snapshots, and zod still reports every problem in the rest.
 *
 * Reads zod's schema definitions, so it only understands the kinds of schema the snapshot
 * schemas use; for anything else it returns `undefined` and zod is always used.
 */
export function compileAcceptor(schema: z.core.$ZodType): Accept | undefined {
  try {
    const c = compile(schema);
    return (v) => accepts(c, v);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** {@link compileAcceptor}'s check, recording fields of the elements of one array as it goes. */
export interface Reader {
  readonly accept: Accept;
  /**
   * After `accept` returned true: `columns[f][i]` is the value of `fields[f]` in element `i` of
   * the array (undefined when absent), for `i` below `length`. Overwritten by the next check.
   */
  readonly columns: readonly (readonly unknown[])[];
  /** How many elements the array had: the columns may be longer, left from longer lists. */
  readonly length: number;
  /** The array the columns are of (the last one read, wholly or in part). */
  readonly array: unknown;
  /** For a date field, `days[f][i]` is the day number of the date `columns[f][i]` (read once). */
  readonly days: readonly (readonly number[])[];
  /**
   * For an array of a union, with `tagOf` given: `tags[i]` is `tagOf` of the value of the
   * discriminator of element `i` (its number, say), found with the option at no further cost.
   */
  readonly tags: readonly number[];
}

/**
 * Compiles a check, as {@link compileAcceptor} does, that also records some fields of each
 * element of the array at `array` (a field of the top-level object whose elements are objects
 * or a union of them): what checks across elements need (ids, dates), read in the same pass.
 * With `tagOf`, also a number for each element of a union: `tagOf` of its discriminator's value.
 */
export function compileReader(schema: z.core.$ZodType, array: string, fields: readonly string[], tagOf?: (value: unknown) => number): Reader | undefined {
  let c: Check;
  try {
    c = compile(schema);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const list = c.kind === OBJECT ? c.fields[c.names.indexOf(array)] : undefined;
  const element = list?.kind === ARRAY ? list.element! : undefined;
  const objects = element?.kind === UNION ? [...new Set(element.options.values())] : element?.kind === OBJECT ? [element] : [];
  if (objects.length === 0) throw new Error(`compileReader: ${array} is not an array of objects`);
  const tap = new Tap(fields.map(() => []));
  list!.records = tap;
  for (const o of objects) {
    fields.forEach((name, i) => {
      const field = o.fields[o.names.indexOf(name)];
      if (field === undefined) return;
      field.recordedIn = tap;
      field.column = i;
    });
  }
  if (tagOf !== undefined) {
    if (element!.kind !== UNION) throw new Error(`compileReader: ${array} is not an array of a union, so its elements have no tags`);
    // Options one discriminator shares among several values are told apart by a copy for each
    // value: the copies share their fields, so what is recorded of them is unchanged.
    const tagged = new Map<unknown, Check>();
    for (const [value, option] of element!.options) tagged.set(value, Object.assign(new Check(OBJECT), option, { tag: tagOf(value) }));
    element!.options = tagged;
  }
  tap.accept = (v) => accepts(c, v);
  return tap;
}
