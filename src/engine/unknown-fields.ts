import type { z } from 'zod';
import { defOf } from './zod-def.js';

/** A key a schema does not know, found in an input: where it is and what it is called. */
export interface UnknownKey {
  /** Path of the object holding the key, e.g. `['events', 3]`. */
  readonly at: readonly (string | number)[];
  readonly key: string;
}

/** Lists the unknown keys in a value, appending to `out`. */
type Walk = (value: unknown, at: (string | number)[], out: UnknownKey[]) => void;

const NOTHING: Walk = () => {};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compile(schema: unknown): Walk {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const fields = new Map<string, Walk>();
      for (const [key, s] of Object.entries(def.shape as Record<string, unknown>)) fields.set(key, compile(s));
      return (v, at, out) => {
        if (!isRecord(v)) return;
        for (const key of Object.keys(v)) {
          const walk = fields.get(key);
          if (walk === undefined) out.push({ at: [...at], key });
          else if (walk !== NOTHING) {
            at.push(key);
            walk(v[key], at, out);
            at.pop();
          }
        }
      };
    }
    case 'union': {
      const key = def.discriminator as string;
      const byValue = new Map<unknown, Walk>();
      for (const option of def.options as readonly unknown[]) {
        const literal = defOf((defOf(option).shape as Record<string, unknown>)[key]);
        const walk = compile(option);
        for (const value of literal.values as readonly unknown[]) byValue.set(value, walk);
      }
      return (v, at, out) => {
        if (isRecord(v)) byValue.get(v[key])?.(v, at, out);
      };
    }
    case 'optional':
    case 'nullable':
      return compile(def.innerType);
    case 'array': {
      const element = compile(def.element);
      if (element === NOTHING) return NOTHING;
      return (v, at, out) => {
        if (!Array.isArray(v)) return;
        v.forEach((item, i) => {
          at.push(i);
          element(item, at, out);
          at.pop();
        });
      };
    }
    default:
      return NOTHING;
  }
}

/** Where each field name is known, as paths such as `child.careLeaver` or `events[].placementId`. */
function vocabulary(schema: unknown, path: string, into: Map<string, Set<string>>): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      for (const [key, s] of Object.entries(def.shape as Record<string, unknown>)) {
        const at = path === '' ? key : `${path}.${key}`;
        let places = into.get(key);
        if (!places) into.set(key, (places = new Set()));
        places.add(at);
        vocabulary(s, at, into);
      }
      return;
    case 'union':
      for (const option of def.options as readonly unknown[]) vocabulary(option, path, into);
      return;
    case 'optional':
    case 'nullable':
      vocabulary(def.innerType, path, into);
      return;
    case 'array':
      vocabulary(def.element, `${path}[]`, into);
  }
}

/** Compiles a schema into a search for the keys in an input that it does not know (zod drops them without a word). */
export function compileUnknownKeys(schema: z.core.$ZodType): (value: unknown) => UnknownKey[] {
  const walk = compile(schema);
  return (value) => {
    const out: UnknownKey[] = [];
    walk(value, [], out);
    return out;
  };
}

/**
 * Where each field name of the schemas belongs, as paths such as `child.careLeaver` or
 * `events[].placementId`: to say so when a known field is put on the wrong object.
 */
export function fieldPlaces(schemas: readonly z.core.$ZodType[]): ReadonlyMap<string, readonly string[]> {
  const places = new Map<string, Set<string>>();
  for (const s of schemas) vocabulary(s, '', places);
  return new Map([...places].map(([k, v]) => [k, [...v]]));
}
