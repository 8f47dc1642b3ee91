/**
 * Compiles a YAML rule set folder into the validated rule set the package ships, or the list of
 * every problem that stops it, each located in its file.
 */
import * as z from 'zod';
import { issueMessage } from '../schemas/issue-message.js';
import { omit } from '../zod.js';
import { Guidance, Rule, RuleSet } from './rule-schema.js';
import { compileRuleSetFiles, type CompiledFolder, type RuleFileProblem } from './yaml-source.js';

/** A compiled folder with the schema's verdict. */
export interface CheckedFolder {
  readonly compiled: CompiledFolder;
  /** The validated set, when the files and the schema raise no problem. */
  readonly ruleSet?: RuleSet;
  readonly problems: RuleFileProblem[];
}

/** Keys the schema does not know: present in the input, stripped from zod's output. */
function unknownKeys(input: unknown, output: unknown, path: PropertyKey[], out: PropertyKey[][]): void {
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((v, i) => unknownKeys(v, output[i], [...path, i], out));
  } else if (input && output && typeof input === 'object' && typeof output === 'object') {
    for (const [k, v] of Object.entries(input)) {
      if (!(k in output)) out.push([...path, k]);
      else unknownKeys(v, (output as Record<string, unknown>)[k], [...path, k], out);
    }
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  return issue.message;
}

/**
 * Compiles and validates a folder's files (file name → text). Problems are every YAML, layout and
 * schema problem at once; unknown keys (which the schema would silently drop) are problems too.
 */
export function checkRuleSetFiles(files: Readonly<Record<string, string>>): CheckedFolder {
  const compiled = compileRuleSetFiles(files);
  const validated = validateRuleSetData(compiled.ruleSet, compiled.locate);
  const problems = [...compiled.problems, ...validated.problems];
  return problems.length === 0 && validated.ruleSet ? { compiled, ruleSet: validated.ruleSet, problems } : { compiled, problems };
}

/**
 * Validates a rule set as data against the schema, reporting every issue, every key the schema
 * does not know (which it would otherwise silently drop) and every repeated rule id, each placed
 * by `locate`.
 */
export function validateRuleSetData(data: unknown, locate: CompiledFolder['locate']): { ruleSet?: RuleSet; problems: RuleFileProblem[] } {
  const problems: RuleFileProblem[] = [];
  const r = RuleSet.safeParse(data, { error: issueMessage });
  if (!r.success) {
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push({ ...locate([...issue.path, key]), message: `Unknown key "${key}".` });
      } else problems.push({ ...locate(issue.path), message: describeIssue(issue) });
    }
  }
  // Unknown keys, which the schema would silently drop, entry by entry so that one invalid rule
  // does not hide another's stray key.
  const extra: PropertyKey[][] = [];
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    const own = omit(RuleSet, { rules: true, guidance: true }).safeParse(record);
    if (own.success) unknownKeys(Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'rules' && k !== 'guidance')), own.data, [], extra);
    for (const [key, schema] of [['rules', Rule], ['guidance', Guidance]] as const) {
      const list = record[key];
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        const one = schema.safeParse(entry);
        if (one.success) unknownKeys(entry, one.data, [key, i], extra);
        else if (entry && typeof entry === 'object') {
          // An invalid entry has no parsed output to compare with: check its own keys against its kind's.
          const kind = (entry as { kind?: unknown }).kind;
          const shape = key === 'rules' ? Rule.def.options.find((o) => o.shape.kind.def.values[0] === kind)?.shape : Guidance.shape;
          if (shape) for (const k of Object.keys(entry)) if (!(k in shape)) extra.push([key, i, k]);
        }
      });
    }
  }
  for (const path of extra) problems.push({ ...locate(path), message: `Unknown key "${String(path[path.length - 1])}": the rule language has no such field.` });
  const seen = new Set<string>();
  const rules = data && typeof data === 'object' && Array.isArray((data as { rules?: unknown }).rules) ? ((data as { rules: { id?: unknown }[] }).rules) : [];
  rules.forEach((rule, i) => {
    if (typeof rule?.id !== 'string') return;
    if (seen.has(rule.id)) problems.push({ ...locate(['rules', i, 'id']), message: `Rule id ${rule.id} appears twice in the set.` });
    else seen.add(rule.id);
  });
  return problems.length === 0 && r.success ? { ruleSet: r.data, problems } : { problems };
}

/** A problem as one line: `file:line path: message`. */
export function formatProblem(p: RuleFileProblem, folder = ''): string {
  const where = `${folder ? `${folder}/` : ''}${p.file}${p.line === undefined ? '' : `:${p.line}`}`;
  return `${where}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}
