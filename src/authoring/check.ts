/**
 * `rules check`: everything an analyst needs to know about a rule set folder (or a JSON rule set)
 * before shipping it, every problem at once and each located in its file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { getRuleSet, ruleSetIds, type RuleSet } from '../index.js';
import { checkRuleSetFiles, validateRuleSetData } from '../rules/compile.js';
import { findQuoteLine } from '../rules/normalise-quote.js';
import { readRuleSetFolder } from '../rules/yaml-folder.js';
import { type RuleFileProblem } from '../rules/yaml-source.js';
import { CaseFile, runCases, type RuleCase } from './cases.js';

/** Options for {@link checkRuleSet}. */
export interface CheckOptions {
  /** The source text every quote must be found in (default: each citation's `source` file, looked up beside the folder and in `../shared/sources`). */
  readonly source?: string;
}

/** What `rules check` found. */
export interface CheckReport {
  readonly problems: RuleFileProblem[];
  readonly rules: number;
  readonly guidance: number;
  readonly quotes: { readonly found: number; readonly checked: number };
  /** `skipped`: the set has problems, so its cases could not be run. */
  readonly cases: { readonly passed: number; readonly run: number; readonly skipped: boolean };
  /** Where each quote was found: `file:line` of the source, by rule or guidance id. */
  readonly quoteLines: ReadonlyMap<string, { source: string; line: number }>;
}

function lineAt(text: string, path: readonly PropertyKey[]): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function sourceCandidates(dir: string, name: string): string[] {
  return [join(dir, name), join(dir, '..', name), resolve(dir, '../../shared/sources', name), resolve(dir, '../../../shared/sources', name), resolve('../shared/sources', name), resolve(name)];
}

/** Sibling rule set folders a set may extend (e.g. `examples/` holding several councils). */
function siblingSet(dir: string, id: string): RuleSet | undefined {
  const folder = join(dir, '..', id);
  if (!existsSync(join(folder, 'rule-set.yaml'))) return undefined;
  return checkRuleSetFiles(readRuleSetFolder(folder)).ruleSet;
}

/**
 * Checks a rule set folder (`rule-set.yaml`, area files, `guidance.yaml`, `*.cases.yaml`) or a
 * JSON rule set file: the files and the schema, `extends`, unique ids (within the set and against
 * the sets it extends), every quote verbatim in its source text, and every case.
 */
export function checkRuleSet(path: string, options: CheckOptions = {}): CheckReport {
  const isDir = statSync(path).isDirectory();
  const dir = isDir ? path : dirname(path);
  const problems: RuleFileProblem[] = [];
  let files: Record<string, string>;
  let set: RuleSet | undefined;
  let locate: (p: readonly PropertyKey[]) => { file: string; line?: number; path: string };
  let raw: Record<string, unknown> = {};

  if (!isDir && path.endsWith('.json')) {
    const text = readFileSync(path, 'utf8');
    const file = basename(path);
    files = {};
    locate = (p) => ({ file, line: lineAt(text, p), path: p.map(String).join('.') });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push({ file, path: '', message: `JSON syntax: ${(e as Error).message}` });
    }
    if (data && typeof data === 'object' && !Array.isArray(data)) raw = data as Record<string, unknown>;
    if (data !== undefined) {
      const validated = validateRuleSetData(data, locate);
      problems.push(...validated.problems);
      set = validated.ruleSet;
    }
  } else {
    files = readRuleSetFolder(dir);
    const checked = checkRuleSetFiles(files);
    problems.push(...checked.problems);
    set = checked.ruleSet;
    locate = checked.compiled.locate;
    raw = checked.compiled.ruleSet;
  }
  // Read what can be read even when the set is invalid, so every problem is reported at once.
  const entries = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []).map((e) => (e && typeof e === 'object' ? (e as Record<string, unknown>) : {}));
  const rawRules = entries('rules');
  const rawGuidance = entries('guidance');
  const counts = { rules: rawRules.length, guidance: rawGuidance.length };
  const ownId = typeof raw['id'] === 'string' ? raw['id'] : '';

  // extends, and ids against the bases
  const extra: Record<string, RuleSet> = {};
  let chainIds = new Set<string>();
  const extendsId = typeof raw['extends'] === 'string' ? raw['extends'] : undefined;
  const lookup = (id: string) => (ruleSetIds.includes(id) ? getRuleSet(id) : siblingSet(dir, id));
  if (extendsId !== undefined) {
    const base = lookup(extendsId);
    if (!base) problems.push({ ...locate(['extends']), message: `"extends" names ${extendsId}, which is neither a shipped set (${ruleSetIds.join(', ')}) nor a valid rule set folder beside this one.` });
    else {
      const seen = new Set<string>([ownId]);
      for (let b: RuleSet | undefined = base; b; b = b.extends === undefined ? undefined : lookup(b.extends)) {
        if (seen.has(b.id)) {
          problems.push({ ...locate(['extends']), message: `The set extends itself through ${b.id}.` });
          break;
        }
        seen.add(b.id);
        extra[b.id] = b;
        for (const r of b.rules) chainIds.add(r.id);
      }
      rawRules.forEach((r, i) => {
        if (typeof r['id'] === 'string' && chainIds.has(r['id'])) problems.push({ ...locate(['rules', i, 'id']), message: `Rule id ${r['id']} is already a rule of a set this one extends.` });
      });
    }
  }
  chainIds = new Set([...chainIds, ...rawRules.map((r) => r['id']).filter((id): id is string => typeof id === 'string')]);

  // quotes
  const quoteLines = new Map<string, { source: string; line: number }>();
  let found = 0;
  let checkedQuotes = 0;
  const texts = new Map<string, string | undefined>();
  const sourceText = (name: string): string | undefined => {
    if (!texts.has(name)) texts.set(name, sourceCandidates(dir, name).find((f) => existsSync(f)) ? readFileSync(sourceCandidates(dir, name).find((f) => existsSync(f))!, 'utf8') : undefined);
    return texts.get(name);
  };
  const citeOf = (e: Record<string, unknown>) => (e['cite'] && typeof e['cite'] === 'object' ? (e['cite'] as { quote?: unknown; source?: unknown }) : {});
  const cites = [
    ...rawRules.map((r, i) => ({ id: String(r['id']), cite: citeOf(r), path: ['rules', i, 'cite', 'quote'] as PropertyKey[] })),
    ...rawGuidance.map((g, i) => ({ id: String(g['id']), cite: citeOf(g), path: ['guidance', i, 'cite', 'quote'] as PropertyKey[] })),
  ].filter((c): c is { id: string; cite: { quote: string; source?: string }; path: PropertyKey[] } => typeof c.cite.quote === 'string' && (c.cite.source === undefined || typeof c.cite.source === 'string'));
  const given = options.source === undefined ? undefined : readFileSync(options.source, 'utf8');
  for (const { id, cite, path: at } of cites) {
    if (given === undefined && cite.source === undefined) continue;
    const name = options.source ?? cite.source!;
    const text = given ?? sourceText(name);
    checkedQuotes++;
    if (text === undefined) {
      problems.push({ ...locate([...at.slice(0, -1), 'source']), message: `The source text ${name} was not found beside the folder or in ../shared/sources: give it with --source <text file>.` });
      continue;
    }
    const line = findQuoteLine(text, cite.quote);
    if (line === undefined) problems.push({ ...locate(at), message: `The quote is not in ${basename(name)} (compared after the documented normalisation: markdown markers and tags removed, quotes straightened, whitespace collapsed).` });
    else {
      found++;
      quoteLines.set(id, { source: basename(name), line });
    }
  }

  // cases
  let run = 0;
  let passed = 0;
  let casesSkipped = false;
  for (const [file, text] of Object.entries(files).filter(([f]) => f.endsWith('.cases.yaml'))) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    const where = (p: readonly PropertyKey[]) => {
      for (let n = p.length; n >= 0; n--) {
        const node = doc.getIn(p.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
      }
      return undefined;
    };
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file, line: lines.linePos(e.pos[0]).line, path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` });
      continue;
    }
    const parsed = CaseFile.safeParse(doc.toJS());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, line: where(issue.path), path: issue.path.map(String).join('.'), message: issue.code === 'unrecognized_keys' ? `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}.` : issue.message });
      continue;
    }
    const runnable: { c: RuleCase; i: number }[] = [];
    parsed.data.cases.forEach((c, i) => {
      if (!chainIds.has(c.rule)) problems.push({ file, line: where(['cases', i, 'rule']), path: `cases.${i}.rule`, message: `The case "${c.name}" names ${c.rule}, which is not a rule of this set or the sets it extends.` });
      else runnable.push({ c, i });
    });
    if (!set) {
      casesSkipped = true;
      continue;
    }
    const results = runCases(set, runnable.map((r) => r.c), extra);
    results.forEach((r, k) => {
      run++;
      if (r.passed) passed++;
      else {
        const i = runnable[k]!.i;
        const detail = r.error ?? `expected [${r.expected.join('; ')}], got [${r.actual.join('; ')}]`;
        problems.push({ file, line: where(['cases', i]), path: `cases.${i}`, message: `The case "${r.name}" (${r.rule}) failed: ${detail}.` });
      }
    });
  }
  return { problems, ...counts, quotes: { found, checked: checkedQuotes }, cases: { passed, run, skipped: casesSkipped }, quoteLines };
}
