import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ruleSetIds } from '../../src/rules/registry.js';
import { readRuleSetFolder } from '../../src/rules/yaml-folder.js';
import { ruleJsonSchemas } from '../../scripts/rules-json-schemas.js';

const rulesDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'rules');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const schemas = ruleJsonSchemas();
const validate = (file: string) => ajv.compile(schemas[file] as object);

describe('the rule set JSON Schemas, generated from zod, accept the shipped files and refuse bad ones', () => {
  const set = validate('rule-set.schema.json');
  const ruleFile = validate('rule-file.schema.json');
  const cases = validate('rule-cases.schema.json');
  it.each(ruleSetIds)('%s: the compiled JSON and every YAML file', (id) => {
    expect(set(JSON.parse(readFileSync(join(rulesDir, `${id}.json`), 'utf8'))), JSON.stringify(set.errors?.slice(0, 3))).toBe(true);
    for (const [name, text] of Object.entries(readRuleSetFolder(join(rulesDir, id)))) {
      const check = name.endsWith('.cases.yaml') ? cases : ruleFile;
      expect(check(parse(text)), `${name}: ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
    }
  });
  it('refuses a rule with an unknown key, a two-unit duration or no citation', () => {
    const rules = parse(readFileSync(join(rulesDir, 'leeds-2023/visits.yaml'), 'utf8')) as { rules: Record<string, unknown>[] };
    const first = rules.rules[0]!;
    expect(ruleFile({ rules: [first] })).toBe(true);
    expect(ruleFile({ rules: [{ ...first, colour: 'blue' }] })).toBe(false);
    expect(ruleFile({ rules: [{ ...first, area: 'visits' }] })).toBe(false);
    expect(ruleFile({ rules: [{ ...first, due: { workingDayz: 5 } }] })).toBe(false);
    const { cite: _cite, ...uncited } = first;
    expect(ruleFile({ rules: [uncited] })).toBe(false);
    expect(cases({ cases: [{ rule: 'x.y', name: 'n', asOf: '2024-01-01', events: [], expect: [], extra: 1 }] })).toBe(false);
  });
});
