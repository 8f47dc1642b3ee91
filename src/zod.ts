import * as zod from 'zod/mini';

// The schemas are built with zod mini, whose functions a bundler can drop one by one: zod
// classic's schemas carry every method (and, through them, JSON Schema generation) into any page
// that holds one, about 19 KB gzip of an engine page's 60 KB budget.
//
// zod compiles fast parsers with `new Function` unless configured jitless, and probes for it when
// the first object schema is built: under a Content-Security-Policy without 'unsafe-eval' (council
// intranets, the Excel add-in) the probe alone is reported as a violation. So the setting must run
// before any schema is built, and it must survive tree-shaking: the package declares
// `"sideEffects": false`, so a module that only configured zod (or only re-exported it) would be
// dropped from a bundle that imports names. The schema modules therefore build every schema from
// the bindings below (`import * as z from '../zod.js'`), defined here, which keeps this module
// and its call in any bundle that holds a schema. They are named one by one, not re-exported as a
// namespace, so that bundlers still drop the parts of zod nobody uses.
zod.config({ jitless: true });

export const array = zod.array;
export const boolean = zod.boolean;
export const discriminatedUnion = zod.discriminatedUnion;
const enum_ = zod.enum;
export const extend = zod.extend;
export const int = zod.int;
export const iso = zod.iso;
export const lazy = zod.lazy;
export const literal = zod.literal;
const null_ = zod.null;
export const number = zod.number;
export const object = zod.object;
export const omit = zod.omit;
export const optional = zod.optional;
export const record = zod.record;
export const strictObject = zod.strictObject;
export const string = zod.string;
export const union = zod.union;
export const url = zod.url;
export { enum_ as enum, null_ as null };
// Checks, applied with `schema.check(...)`.
export const gte = zod.gte;
export const maxLength = zod.maxLength;
export const minLength = zod.minLength;
export const nonnegative = zod.nonnegative;
export const positive = zod.positive;
export const refine = zod.refine;
export const regex = zod.regex;
export type { infer, input, ZodMiniType as ZodType } from 'zod/mini';
export type { $ZodLooseShape as ZodRawShape } from 'zod/v4/core';
