/** A zod schema's definition, as the engine's compilers read it (`type` names the kind of schema). */
export type ZodDef = Readonly<Record<string, unknown>> & { readonly type: string };

/** A zod schema, as far as the engine's compilers use it. */
export type ZodNode = { readonly _zod: { readonly def: ZodDef }; safeParse(value: unknown): { readonly success: boolean } };

/** The definition of a zod schema: what the validator, the unknown-field walk and the rule shapes compile from. */
export const defOf = (schema: unknown): ZodDef => (schema as ZodNode)._zod.def;
