import { DurationSchema } from '../calendar/duration.js';
import { Citation, Rule } from '../rules/rule-schema.js';
import { defOf, type ZodNode as Node } from './zod-def.js';

/**
 * Parts kept as they are: a duration is read by its one unit (its keys say which), and a
 * citation is handed to callers on every obligation, exactly as the rule table has it.
 */
const KEPT: ReadonlySet<unknown> = new Set([DurationSchema, Citation]);

/** `value` with every field `schema` names, in the schema's order (absent ones undefined). */
function shaped(schema: unknown, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || KEPT.has(schema)) return value;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
      return shaped(def.innerType, value);
    case 'lazy':
      return shaped((def.getter as () => unknown)(), value);
    case 'array':
      return Array.isArray(value) ? value.map((v) => shaped(def.element, v)) : value;
    case 'union': {
      // The option zod itself chose: the first that accepts the value.
      const option = (def.options as readonly Node[]).find((o) => o.safeParse(value).success);
      return option === undefined ? value : shaped(option, value);
    }
    case 'object': {
      // An object that keeps fields its schema does not name keeps its own shape (a strict
      // object's catchall refuses every other field).
      if (def.catchall !== undefined && defOf(def.catchall).type !== 'never') return value;
      const shape = def.shape as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) out[key] = shaped(shape[key], (value as Record<string, unknown>)[key]);
      return out;
    }
    default:
      // Records (`where`, `facts`) are read by their own keys.
      return value;
  }
}

const kept = new WeakMap<Rule, Rule>();

/**
 * A rule as the engine reads it: the same fields and values, but every rule of a kind (and
 * every part of a kind, such as what satisfies it) with the same fields in the same order, absent
 * ones undefined. Rule tables give each rule only the fields it uses, so rules of one kind come
 * in many shapes, and code reading a field of many shapes looks it up each time; of one shape,
 * it reads it in place. Worked out once per rule; the same rule always gives the same object, so
 * what the engine remembers per rule is kept.
 */
export function ruleOfOneShape(rule: Rule): Rule {
  let out = kept.get(rule);
  if (out === undefined) {
    out = shaped(Rule, rule) as Rule;
    kept.set(rule, out);
  }
  return out;
}
