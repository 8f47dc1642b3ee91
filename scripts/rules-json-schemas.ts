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
  const make = (schema: z.core.$ZodType, id: string, title: string) => ({
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    $id: `https://unpkg.com/practice-timescales/dist/${id}`,
    title,
  });
  const SetFile = z.object({ id: Id, title: z.string(), authority: z.string(), source: z.string(), inForce: Period, extends: z.optional(Id), order: z.array(z.string()).optional() }).strict();
  // In a folder the file name gives the area, so an area file's rules carry none.
  const withoutArea = ({ shape: { area: _, ...shape } }: (typeof Rule.def.options)[number]) => z.strictObject(shape);
  const [first, ...others] = Rule.def.options.map(withoutArea);
  const AreaFile = z.object({ rules: z.array(z.union([first!, ...others])) }).strict();
  const GuidanceFile = z.object({ guidance: z.array(z.strictObject(Guidance.shape)) }).strict();
  return {
    'rule-set.schema.json': make(RuleSet, 'rule-set.schema.json', 'A practice-timescales rule set'),
    'rule-file.schema.json': make(z.union([SetFile, AreaFile, GuidanceFile]), 'rule-file.schema.json', 'A file of a practice-timescales rule set folder: rule-set.yaml, <area>.yaml or guidance.yaml'),
    'rule-cases.schema.json': make(CaseFile, 'rule-cases.schema.json', 'Test cases for a practice-timescales rule set (<area>.cases.yaml)'),
  };
}
