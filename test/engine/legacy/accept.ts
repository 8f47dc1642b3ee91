/**
 * The implementation before issue 12's fused pass, kept verbatim (imports aside) as the oracle of
 * the differential tests in `../fused-check.test.ts`: the new one must give the same answers.
 */
import type { z } from 'zod';
import { tryParseIsoDate } from './day-number.js';

/** A check that a value is accepted by a schema exactly as it is (zod would return it unchanged). */
export type Accept = (value: unknown) => boolean;

type Def = Readonly<Record<string, unknown>> & { readonly type: string };
type Node = { readonly _zod: { readonly def: Def }; safeParse(value: unknown): { readonly success: boolean } };

const defOf = (schema: unknown): Def => (schema as Node)._zod.def;

/** Thrown while compiling when the schema uses something this compiler does not know. */
class Unsupported extends Error {}

function checksOf(def: Def): Def[] {
  const own = def.check === undefined ? [] : [def];
  const listed = ((def.checks as readonly unknown[] | undefined) ?? []).map(defOf);
  return [...own, ...listed];
}

/** Bounds on a length, from `min_length` and `max_length` checks. */
function lengthBounds(checks: readonly Def[]): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checks) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    else throw new Unsupported(`check ${String(c.check)}`);
  }
  return { min, max };
}

function stringAcceptor(def: Def): Accept {
  const checks = checksOf(def);
  const formats = checks.filter((c) => c.check === 'string_format').map((c): ((s: string) => boolean) => {
    // The same dates as zod's pattern (leap years included), read without a regular expression.
    if (c.format === 'date') return (s) => tryParseIsoDate(s) !== undefined;
    const pattern = c.pattern;
    if (!(pattern instanceof RegExp)) throw new Unsupported(`string format ${String(c.format)}`);
    return (s) => pattern.test(s);
  });
  const { min, max } = lengthBounds(checks.filter((c) => c.check !== 'string_format'));
  const format = formats.length === 0 ? undefined : formats.length === 1 ? formats[0]! : (s: string) => formats.every((f) => f(s));
  if (!format) return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
  return (v) => typeof v === 'string' && v.length >= min && v.length <= max && format(v);
}

function numberAcceptor(def: Def): Accept {
  const tests = checksOf(def).map((c): ((n: number) => boolean) => {
    const value = c.value as number;
    switch (c.check) {
      case 'greater_than':
        return c.inclusive ? (n) => n >= value : (n) => n > value;
      case 'less_than':
        return c.inclusive ? (n) => n <= value : (n) => n < value;
      case 'number_format':
        if (c.format !== 'safeint') throw new Unsupported(`number format ${String(c.format)}`);
        return Number.isSafeInteger;
      default:
        throw new Unsupported(`number check ${String(c.check)}`);
    }
  });
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAcceptor(schema: unknown, def: Def): Accept {
  const fields = new Map(Object.entries(def.shape as Record<string, unknown>).map(([key, s]) => [key, compile(s)]));
  const requiredKeys = [...fields].filter(([, accept]) => !accept(undefined)).map(([key]) => key);
  // Only the keys present are checked (most fields are optional and absent), then the required.
  const shape: Accept = (v) => {
    if (!isRecord(v)) return false;
    for (const key in v) {
      // A key the schema does not know would be stripped or refused: leave that case to zod.
      const accept = fields.get(key);
      if (accept === undefined || !accept(v[key])) return false;
    }
    for (const key of requiredKeys) if (v[key] === undefined) return false;
    return true;
  };
  // Refinements (a duration's single unit) are functions: zod runs them, on small objects only.
  if (((def.checks as readonly unknown[] | undefined) ?? []).length === 0) return shape;
  return (v) => shape(v) && (schema as Node).safeParse(v).success;
}

function unionAcceptor(def: Def): Accept {
  const key = def.discriminator;
  if (typeof key !== 'string') throw new Unsupported('union without a discriminator');
  const byValue = new Map<unknown, Accept>();
  for (const option of def.options as readonly unknown[]) {
    const literal = defOf((defOf(option).shape as Record<string, unknown>)[key]);
    if (literal.type !== 'literal') throw new Unsupported('discriminator that is not a literal');
    const accept = compile(option);
    for (const value of literal.values as readonly unknown[]) byValue.set(value, accept);
  }
  return (v) => {
    if (!isRecord(v)) return false;
    const accept = byValue.get(v[key]);
    return accept !== undefined && accept(v);
  };
}

function compile(schema: unknown): Accept {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return objectAcceptor(schema, def);
    case 'union':
      return unionAcceptor(def);
    case 'optional': {
      const inner = compile(def.innerType);
      return (v) => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType);
      return (v) => v === null || inner(v);
    }
    case 'array': {
      const element = compile(def.element);
      const { min, max } = lengthBounds(checksOf(def));
      return (v) => {
        if (!Array.isArray(v) || v.length < min || v.length > max) return false;
        for (const item of v) if (!element(item)) return false;
        return true;
      };
    }
    case 'string':
      return stringAcceptor(def);
    case 'number':
      return numberAcceptor(def);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'literal': {
      const values = new Set(def.values as readonly unknown[]);
      return (v) => values.has(v);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => values.has(v);
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
    return compile(schema);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
