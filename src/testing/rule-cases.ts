/**
 * The rule-table cases written as data (`<area>.cases.yaml`, the format `rules check` runs), made
 * runnable from a council's own test suite. A set's cases are those in its folder and those of
 * every set it extends: the shipped sets' cases come from the installed package
 * (`rules/<id>/*.cases.yaml`). Every case is evaluated against the set under test, so a council
 * that extends a shipped set keeps the shipped cases, and a change that alters a shipped rule's
 * obligations fails them. Node only (it reads the case files).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { CaseFile, runCases, type CaseResult, type RuleCase } from '../authoring/cases.js';
import { getRuleSet, parseRuleSet, ruleSetIds, type RuleSet } from '../index.js';
import { readRuleSetFolder } from '../rules/yaml-folder.js';
import { compileRuleSetFiles, type RuleFileProblem } from '../rules/yaml-source.js';

/** One case, ready to run against the set under test. */
export interface RunnableRuleCase {
  /** The id of the set whose folder holds the case (the set under test or one it extends). */
  readonly from: string;
  /** Where the case is written: `leeds-2023/visits.cases.yaml:14`. */
  readonly where: string;
  /** The case as written. */
  readonly case: RuleCase;
  /** Evaluates the case against the set under test; never throws. */
  run(): CaseResult;
}

/** The test functions of vitest or jest (`import { describe, it } from 'vitest'`, or `@jest/globals`). */
export interface TestFunctions {
  readonly describe: (name: string, body: () => void) => unknown;
  /** `it` or `test`. */
  readonly it?: (name: string, body: () => void) => unknown;
  readonly test?: (name: string, body: () => void) => unknown;
}

/** Options for {@link ruleCases} and {@link describeRuleCases}. */
export interface RuleCasesOptions {
  /** Sets the set under test extends that are neither shipped nor a folder beside it. */
  readonly ruleSets?: Readonly<Record<string, RuleSet>>;
}

/** The set under test, the sets it extends by id (when not shipped), and the case files to run, base first. */
interface Loaded {
  readonly set: RuleSet;
  readonly extra: Record<string, RuleSet>;
  readonly caseDirs: { readonly id: string; readonly dir: string }[];
}

let packageRoot: string | undefined;

/** This package's root, found from this module's file: `src/testing/` in the repository, `dist/` when installed. */
function shippedRulesDir(): string {
  if (packageRoot === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!isPackageRoot(dir)) {
      const up = dirname(dir);
      if (up === dir) throw new Error('practice-timescales/testing could not find the package it belongs to (its package.json), so the shipped rule cases cannot be read.');
      dir = up;
    }
    packageRoot = dir;
  }
  return join(packageRoot, 'rules');
}

function isPackageRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'practice-timescales';
  } catch {
    return false;
  }
}

function problemsText(dir: string, problems: readonly RuleFileProblem[]): string {
  return problems.map((p) => `${join(dir, p.file)}${p.line === undefined ? '' : `:${p.line}`}${p.path ? ` ${p.path}` : ''}: ${p.message}`).join('\n');
}

/** The case folders of a shipped set and the shipped sets it extends, base first. */
function shippedCaseDirs(id: string): { id: string; dir: string }[] {
  const dirs: { id: string; dir: string }[] = [];
  for (let s: RuleSet | undefined = getRuleSet(id); s; s = s.extends === undefined ? undefined : getRuleSet(s.extends)) dirs.unshift({ id: s.id, dir: join(shippedRulesDir(), s.id) });
  return dirs;
}

/** A rule set folder, the sets it extends (shipped, in `given`, or folders beside it) and their case folders. */
function loadFolder(dir: string, given: Readonly<Record<string, RuleSet>>, seen: ReadonlySet<string> = new Set()): Loaded {
  const compiled = compileRuleSetFiles(readRuleSetFolder(dir));
  if (compiled.problems.length > 0) throw new Error(`The rule set folder ${dir} cannot be read:\n${problemsText(dir, compiled.problems)}`);
  const set = parseRuleSet(compiled.ruleSet);
  if (seen.has(set.id)) throw new Error(`The rule set ${set.id} extends itself through ${[...seen].join(' → ')}.`);
  const own = { id: set.id, dir };
  if (set.extends === undefined || given[set.extends]) return { set, extra: { ...given }, caseDirs: [own] };
  const sibling = join(dir, '..', set.extends);
  if (existsSync(join(sibling, 'rule-set.yaml'))) {
    const base = loadFolder(sibling, given, new Set([...seen, set.id]));
    return { set, extra: { ...base.extra, [base.set.id]: base.set }, caseDirs: [...base.caseDirs, own] };
  }
  if (ruleSetIds.includes(set.extends)) return { set, extra: { ...given }, caseDirs: [...shippedCaseDirs(set.extends), own] };
  throw new Error(`The rule set ${set.id} extends "${set.extends}", which is neither a shipped set (${ruleSetIds.join(', ')}), nor a folder beside ${dir}, nor in the ruleSets option.`);
}

function load(ruleSet: string | RuleSet, given: Readonly<Record<string, RuleSet>>): Loaded {
  if (typeof ruleSet !== 'string') {
    // A set given as an object has no folder of its own: the cases are those of the shipped sets it extends.
    const seen = new Set<string>();
    for (let s = ruleSet; s.extends !== undefined && !seen.has(s.id); ) {
      seen.add(s.id);
      const next = given[s.extends];
      if (next) s = next;
      else return { set: ruleSet, extra: { ...given }, caseDirs: ruleSetIds.includes(s.extends) ? shippedCaseDirs(s.extends) : [] };
    }
    return { set: ruleSet, extra: { ...given }, caseDirs: [] };
  }
  const isFolder = existsSync(ruleSet) && statSync(ruleSet).isDirectory();
  if (!isFolder && ruleSetIds.includes(ruleSet)) return { set: getRuleSet(ruleSet), extra: { ...given }, caseDirs: shippedCaseDirs(ruleSet) };
  if (!isFolder || !existsSync(join(ruleSet, 'rule-set.yaml'))) {
    throw new Error(`"${ruleSet}" is neither a shipped rule set (${ruleSetIds.join(', ')}) nor a rule set folder (a folder with a rule-set.yaml), relative to ${process.cwd()}.`);
  }
  return loadFolder(resolve(ruleSet), given);
}

/** The cases of one folder's `*.cases.yaml` files, each with its line. */
function casesIn(id: string, dir: string): { c: RuleCase; where: string }[] {
  if (!existsSync(dir)) return [];
  const out: { c: RuleCase; where: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cases.yaml')).sort()) {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(join(dir, file), 'utf8'), { lineCounter: lines });
    const lineOf = (path: readonly PropertyKey[]) => {
      const node = doc.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
      return node?.range ? `:${lines.linePos(node.range[0]).line}` : '';
    };
    const parsed = doc.errors.length === 0 ? CaseFile.safeParse(doc.toJS()) : undefined;
    if (!parsed?.success) {
      const first = doc.errors[0];
      const detail = first ? `${file}:${lines.linePos(first.pos[0]).line}: YAML syntax: ${first.message.split('\n')[0]}` : parsed!.error.issues.slice(0, 5).map((i) => `${file}${lineOf(i.path)} ${i.path.join('.')}: ${i.message}`).join('\n');
      throw new Error(`The cases file ${join(dir, file)} cannot be read (\`practice-timescales rules check\` reports every problem):\n${detail}`);
    }
    parsed.data.cases.forEach((c, i) => out.push({ c, where: `${id}/${file}${lineOf(['cases', i])}` }));
  }
  return out;
}

/**
 * Every case of a rule set and of the sets it extends, each ready to run against it, base sets'
 * cases first. For a runner's own loop, e.g. `test.each`; {@link describeRuleCases} does it for you.
 *
 * @param ruleSet A shipped set's id (`'leeds-2023'`: its cases and the national baseline's), a
 * rule set folder (`'rules/our-council'`, relative to the working directory: its own
 * `*.cases.yaml` and those of every set it `extends`, shipped or a folder beside it), or a set
 * object (the cases of the shipped sets it extends).
 * @throws Error when the folder or a cases file cannot be read, or the set extends one that
 * cannot be found; `rules check` reports such problems in full.
 * @example
 * ```ts
 * const cases = ruleCases('rules/our-council');
 * it.each(cases.map((c) => [c.where, c] as const))('%s', (_where, c) => expect(c.run()).toMatchObject({ passed: true }));
 * ```
 */
export function ruleCases(ruleSet: string | RuleSet, options: RuleCasesOptions = {}): RunnableRuleCase[] {
  return collect(ruleSet, options).cases;
}

function collect(ruleSet: string | RuleSet, options: RuleCasesOptions): { set: RuleSet; cases: RunnableRuleCase[] } {
  const { set, extra, caseDirs } = load(ruleSet, options.ruleSets ?? {});
  const cases = caseDirs.flatMap(({ id, dir }) => casesIn(id, dir).map(({ c, where }) => ({ from: id, where, case: c, run: () => runCases(set, [c], extra)[0]! })));
  return { set, cases };
}

/** A failed case as a person reads it: where it is, what was expected and what the engine gave. */
function describeCaseFailure(c: RunnableRuleCase, result: CaseResult, ruleSetId: string): string {
  const detail = result.error ?? `expected [${result.expected.join('; ')}]\n   got [${result.actual.join('; ')}]`;
  return `The case "${c.case.name}" (${c.case.rule}, ${c.where}) failed against ${ruleSetId}:\n${detail}`;
}

/**
 * Registers one test per case of a rule set and of the sets it extends (see {@link ruleCases}),
 * grouped by file, with your runner's `describe` and `it` (vitest or jest). A failing case fails
 * its test with the file and line, what was expected and what the engine gave. One call keeps a
 * council's suite running the shipped cases of the sets it extends, and its own.
 *
 * @example
 * ```ts
 * import { describe, it } from 'vitest'; // or: from '@jest/globals'
 * import { describeRuleCases } from 'practice-timescales/testing';
 * describeRuleCases('rules/our-council', { describe, it }); // extends leeds-2023: Leeds's cases, the national ones, and ours
 * ```
 */
export function describeRuleCases(ruleSet: string | RuleSet, functions: TestFunctions, options: RuleCasesOptions = {}): void {
  const test = functions.it ?? functions.test;
  if (!test) throw new Error('describeRuleCases needs your runner\'s `it` or `test`: describeRuleCases(set, { describe, it }).');
  const { set, cases } = collect(ruleSet, options);
  const id = set.id;
  const files = new Map<string, RunnableRuleCase[]>();
  for (const c of cases) {
    const file = c.where.replace(/:\d+$/, '');
    files.set(file, [...(files.get(file) ?? []), c]);
  }
  functions.describe(`rule cases of ${id}`, () => {
    if (cases.length === 0) {
      test('has cases to run', () => {
        throw new Error(`No *.cases.yaml cases were found for ${id} or the sets it extends.`);
      });
    }
    for (const [file, list] of files) {
      functions.describe(file, () => {
        for (const c of list) {
          test(`${c.case.rule}: ${c.case.name}`, () => {
            const result = c.run();
            if (!result.passed) throw new Error(describeCaseFailure(c, result, id));
          });
        }
      });
    }
  });
}
