/**
 * Rule sets written as YAML: one folder per set, `rule-set.yaml` for the set's own fields, one
 * file per area of the standard (`visits.yaml` holds the visit rules, which therefore carry no
 * `area` key) and `guidance.yaml`. This module turns the folder's files (as text) into the rule
 * set the library ships as JSON, and back; it reads no files itself, so the build, the converter
 * and `rules check` share it. The library never imports it: nothing parses YAML at run time.
 */
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from 'yaml';
import type { RuleSetInput } from './rule-schema.js';

/** The area files, in the order their rules are compiled (unless `order` says otherwise). */
export const AREAS = ['assessment', 'visits', 'meetings-and-plans', 'reviews', 'supervision', 'recording'] as const;

/** The file holding the set's own fields. */
export const RULE_SET_FILE = 'rule-set.yaml';
/** The file holding the statements that set no checkable timescale. */
export const GUIDANCE_FILE = 'guidance.yaml';

/** The keys of `rule-set.yaml`, in the order they are written. */
const SET_KEYS = ['id', 'title', 'authority', 'source', 'inForce', 'extends', 'order'] as const;

/**
 * The order a rule's keys are written in: who and what first, then the timing, then the
 * citation and the reading. Keys not listed keep their order after the listed ones.
 */
const RULE_KEYS = [
  'id', 'title', 'requirement', 'kind', 'subject', 'measures', 'inForce', 'appliesWhen',
  'anchor', 'episode', 'target', 'first', 'due', 'before', 'phases', 'window', 'requirements',
  'satisfiedBy', 'cancelledBy', 'variation', 'exception', 'escalateTo', 'cite', 'note', 'verified',
];
const GUIDANCE_KEYS = ['id', 'area', 'statement', 'reason', 'cite'];

/** One problem in a YAML rule file, located for the person fixing it. */
export interface RuleFileProblem {
  /** File name within the folder, e.g. `visits.yaml`. */
  readonly file: string;
  /** 1-based line, when the problem has a place in the file. */
  readonly line?: number;
  /** Path within the file, e.g. `rules.3.due.workingDays`. */
  readonly path: string;
  readonly message: string;
}

/** Where each compiled rule and guidance entry came from, for locating problems. */
export interface SourceMap {
  /** For `rules[i]` of the compiled set: its file and index in that file's `rules`. */
  readonly rules: readonly { file: string; index: number }[];
  /** For `guidance[i]`: its index in `guidance.yaml`. */
  readonly guidance: readonly number[];
}

/** The outcome of compiling a folder's files: the set as data (not yet validated) and any problems. */
export interface CompiledFolder {
  readonly ruleSet: Record<string, unknown>;
  readonly problems: RuleFileProblem[];
  readonly sourceMap: SourceMap;
  /** Locates a path of the compiled set (e.g. a zod issue path) in the YAML files. */
  locate(path: readonly PropertyKey[]): { file: string; line?: number; path: string };
}

function ordered(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  for (const [k, v] of Object.entries(value)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

const STRINGIFY = { lineWidth: 100, minContentWidth: 40 } as const;

/** Prose fields written as folded block text, so a long reading reads as a paragraph. */
const PROSE = new Set(['note', 'quote', 'statement', 'reason', 'requirement']);

function stringify(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && PROSE.has(String(pair.key.value)) && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.length > 80) {
        pair.value.type = Scalar.BLOCK_FOLDED;
      }
    },
  });
  return doc.toString(STRINGIFY);
}

function header(comment: string): string {
  return `# yaml-language-server: $schema=${comment}\n`;
}

/** The schema comment each kind of file carries, relative to a folder in the repository. */
export const SCHEMA_URL = 'https://unpkg.com/practice-timescales/dist/rule-file.schema.json';

/**
 * Writes a rule set (as in `rules/<id>.json`) as the files of its YAML folder, by file name. The
 * output depends only on the input, so the conversion can be re-run whenever the JSON changes.
 * Rule order is kept: when the area files alone would reorder the rules, `rule-set.yaml` gets an
 * `order` list (the order equally urgent obligations are reported in).
 */
export function ruleSetToYamlFiles(set: RuleSetInput): Record<string, string> {
  const files: Record<string, string> = {};
  const byArea = new Map<string, Record<string, unknown>[]>();
  for (const rule of set.rules) {
    const { area, ...rest } = rule as Record<string, unknown> & { area: string };
    if (!byArea.has(area)) byArea.set(area, []);
    byArea.get(area)!.push(ordered(rest, RULE_KEYS));
  }
  const areaOrder = AREAS.flatMap((a) => (byArea.get(a) ?? []).map((r) => r['id'] as string));
  const original = set.rules.map((r) => r.id);
  const order = areaOrder.join('\n') === original.join('\n') ? undefined : original;
  const { rules: _rules, guidance, ...own } = set as RuleSetInput & Record<string, unknown>;
  files[RULE_SET_FILE] = header(SCHEMA_URL) + stringify(ordered({ ...own, order }, SET_KEYS));
  for (const area of AREAS) {
    const rules = byArea.get(area);
    if (rules) files[`${area}.yaml`] = header(SCHEMA_URL) + stringify({ rules });
  }
  if (guidance && guidance.length > 0) {
    files[GUIDANCE_FILE] = header(SCHEMA_URL) + stringify({ guidance: guidance.map((g) => ordered(g as Record<string, unknown>, GUIDANCE_KEYS)) });
  }
  return files;
}

interface ParsedFile {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

function parseFile(file: string, text: string, problems: RuleFileProblem[]): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    problems.push({ file, line: lines.linePos(e.pos[0]).line, path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` });
  }
  return { doc, lines };
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(parsed: ParsedFile, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = parsed.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return parsed.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function listIn(parsed: ParsedFile | undefined, key: string, file: string, problems: RuleFileProblem[]): Record<string, unknown>[] {
  if (!parsed || parsed.doc.errors.length > 0) return [];
  const value = parsed.doc.toJS() as unknown;
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value) || !isMap(parsed.doc.contents)) {
    problems.push({ file, line: 1, path: '', message: `The file must be a mapping with a "${key}" list.` });
    return [];
  }
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    if (k !== key) problems.push({ file, line: lineOf(parsed, [k]), path: k, message: `Unknown key "${k}": this file holds only "${key}".` });
  }
  const list = record[key];
  if (list === undefined) return [];
  if (!Array.isArray(list) || !isSeq(parsed.doc.get(key, true))) {
    problems.push({ file, line: lineOf(parsed, [key]), path: key, message: `"${key}" must be a list.` });
    return [];
  }
  return list as Record<string, unknown>[];
}

/**
 * Compiles a rule set folder's files (file name → text) into the rule set as data, collecting
 * every problem the files themselves have (YAML syntax, misplaced keys, an `order` that does not
 * name each rule once). Schema validation is the caller's next step; {@link CompiledFolder.locate}
 * places its issues in the files.
 */
export function compileRuleSetFiles(files: Readonly<Record<string, string>>): CompiledFolder {
  const problems: RuleFileProblem[] = [];
  const parsed = new Map<string, ParsedFile>();
  for (const [file, text] of Object.entries(files)) parsed.set(file, parseFile(file, text, problems));

  const known = new Set([RULE_SET_FILE, GUIDANCE_FILE, ...AREAS.map((a) => `${a}.yaml`)]);
  for (const file of Object.keys(files)) {
    if (!known.has(file) && !file.endsWith('.cases.yaml')) {
      problems.push({ file, path: '', message: `Unexpected file: a rule set folder holds ${RULE_SET_FILE}, ${GUIDANCE_FILE}, <area>.yaml and <area>.cases.yaml, where the area is one of ${AREAS.join(', ')}.` });
    }
  }

  const setFile = parsed.get(RULE_SET_FILE);
  let own: Record<string, unknown> = {};
  if (!setFile) problems.push({ file: RULE_SET_FILE, path: '', message: `The folder has no ${RULE_SET_FILE} (the set's id, title, authority, source and inForce).` });
  else if (setFile.doc.errors.length === 0) {
    const v = setFile.doc.toJS() as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) own = v as Record<string, unknown>;
    else problems.push({ file: RULE_SET_FILE, line: 1, path: '', message: 'The file must be a mapping of the set\'s fields.' });
  }
  const { order, ...setFields } = own;

  const entries: { rule: Record<string, unknown>; file: string; index: number }[] = [];
  for (const area of AREAS) {
    const file = `${area}.yaml`;
    listIn(parsed.get(file), 'rules', file, problems).forEach((rule, index) => {
      const withArea = rule && typeof rule === 'object' && !Array.isArray(rule) ? ordered({ id: rule['id'], area, ...rule }, []) : rule;
      if (rule && typeof rule === 'object' && 'area' in rule) {
        problems.push({ file, line: lineOf(parsed.get(file)!, ['rules', index, 'area']), path: `rules.${index}.area`, message: `A rule in ${file} takes its area from the file name: remove "area".` });
      }
      entries.push({ rule: withArea, file, index });
    });
  }

  if (order !== undefined) {
    const ids = entries.map((e) => e.rule?.['id']);
    const ok = Array.isArray(order) && order.length === ids.length && new Set(order).size === order.length && order.every((id) => ids.includes(id));
    if (!ok) {
      problems.push({ file: RULE_SET_FILE, line: setFile ? lineOf(setFile, ['order']) : undefined, path: 'order', message: '"order" must list every rule id of the folder exactly once (or be removed: rules then follow the area files).' });
    } else {
      const rank = new Map((order as unknown[]).map((id, i) => [id, i]));
      entries.sort((a, b) => rank.get(a.rule['id'])! - rank.get(b.rule['id'])!);
    }
  }

  const guidance = listIn(parsed.get(GUIDANCE_FILE), 'guidance', GUIDANCE_FILE, problems);
  const ruleSet: Record<string, unknown> = { ...setFields, rules: entries.map((e) => e.rule) };
  if (parsed.has(GUIDANCE_FILE)) ruleSet['guidance'] = guidance;
  const sourceMap: SourceMap = { rules: entries.map(({ file, index }) => ({ file, index })), guidance: guidance.map((_, i) => i) };

  const locate = (path: readonly PropertyKey[]): { file: string; line?: number; path: string } => {
    const [head, index, ...rest] = path;
    let file = RULE_SET_FILE;
    let inFile: PropertyKey[] = [...path];
    if (head === 'rules' && typeof index === 'number' && sourceMap.rules[index]) {
      const at = sourceMap.rules[index]!;
      file = at.file;
      inFile = ['rules', at.index, ...rest];
    } else if (head === 'guidance') file = GUIDANCE_FILE;
    const p = parsed.get(file);
    return { file, line: p ? lineOf(p, inFile) : undefined, path: inFile.map(String).join('.') };
  };
  return { ruleSet, problems, sourceMap, locate };
}

/** The compiled JSON text of a rule set, exactly as `rules/<id>.json` is written. */
export function ruleSetJsonText(ruleSet: unknown): string {
  return `${JSON.stringify(ruleSet, null, 2)}\n`;
}
