import * as z from 'zod';
import { CaseFile } from '../src/authoring/cases.js';
import { Guidance, Period, Rule, RuleSet } from '../src/rules/rule-schema.js';
import { Id } from '../src/schemas/primitives.js';

/**
 * The JSON Schemas for writing rule sets, generated from the zod schemas so they can never
 * disagree: `rule-set.schema.json` for a whole set as JSON (what `--rules-file` reads and the
 * build writes), `rule-file.schema.json` for any file of a YAML folder, and
 * `rule-cases.schema.json` for `<area>.cases.yaml`.
 */
export function ruleJsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, id: string, title: string) => ({
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    $id: `https://unpkg.com/practice-timescales/dist/${id}`,
    title,
  });
  const SetFile = z.object({ id: Id, title: z.string(), authority: z.string(), source: z.string(), inForce: Period, extends: Id.optional(), order: z.array(z.string()).optional() }).strict();
  // In a folder the file name gives the area, so an area file's rules carry none.
  const withoutArea = (o: z.ZodObject) => o.omit({ area: true }).strict();
  const [first, ...others] = Rule.options.map((o) => withoutArea(o as unknown as z.ZodObject));
  const AreaFile = z.object({ rules: z.array(z.union([first!, ...others])) }).strict();
  const GuidanceFile = z.object({ guidance: z.array(Guidance.strict()) }).strict();
  return {
    'rule-set.schema.json': make(RuleSet, 'rule-set.schema.json', 'A practice-timescales rule set'),
    'rule-file.schema.json': make(z.union([SetFile, AreaFile, GuidanceFile]), 'rule-file.schema.json', 'A file of a practice-timescales rule set folder: rule-set.yaml, <area>.yaml or guidance.yaml'),
    'rule-cases.schema.json': make(CaseFile, 'rule-cases.schema.json', 'Test cases for a practice-timescales rule set (<area>.cases.yaml)'),
  };
}
