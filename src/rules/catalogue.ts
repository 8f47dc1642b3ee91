import { describeTimescale } from './describe-timescale.js';
import { locateQuote } from './normalise-quote.js';
import type { Rule, RuleSet } from './rule-schema.js';

type Guidance = NonNullable<RuleSet['guidance']>[number];

/** A test case of a rule, as the catalogue lists it: by name, with where it is written. */
export interface CatalogueCase {
  readonly rule: string;
  readonly name: string;
  /** The cases file within the set's folder, e.g. `visits.cases.yaml`. */
  readonly file: string;
  /** 1-based line of the case in that file. */
  readonly line?: number;
}

/** What the catalogue adds to the rule set itself. */
export interface CatalogueOptions {
  /** The sets this one extends (as `ruleSetChain` gives them), for their titles. */
  readonly bases?: readonly RuleSet[];
  /**
   * The source texts by file name (`leeds-practice-standards-2023.txt`), to give each quote its
   * line. A quote whose source text is not given is shown without a line, saying so.
   */
  readonly sources?: Readonly<Record<string, string>>;
  /** The set's test cases, listed under the rules they test. */
  readonly cases?: readonly CatalogueCase[];
  /**
   * The side-by-side view of each source text, by source file name (`leeds-2023.source.md`):
   * a quote's lines then link to the place the view shows the rule.
   */
  readonly sourceView?: Readonly<Record<string, string>>;
  /** The folder the set's YAML lives in, relative to the repository (default `rules/<id>`). */
  readonly folder?: string;
}

/** From `docs/rules/` back to the repository root, for links to the YAML files. */
const TO_ROOT = '../../';

function text(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/</g, '&lt;').trim();
}

/** Block text kept as paragraphs: a blank line in the YAML is a paragraph break. */
function paragraphs(s: string): string[] {
  return s
    .split(/\n\s*\n/)
    .map(text)
    .filter((p) => p !== '')
    .flatMap((p, i) => (i === 0 ? [p] : ['', p]));
}

function where(entry: Rule | Guidance, options: CatalogueOptions): string {
  const { cite } = entry;
  const at = `${cite.document}, ${cite.section}`;
  if (!cite.source) return `${at}${cite.url ? ` (<${cite.url}>)` : ''}; no source text is held, so the quote has no line.`;
  const source = options.sources?.[cite.source];
  if (source === undefined) return `${at}; \`${cite.source}\`, line not located (the source text was not available when this page was generated).`;
  const found = locateQuote(source, cite.quote);
  if (!found) return `${at}; \`${cite.source}\`: **quote not found in the source text**.`;
  const lines = found.line === found.endLine ? `line ${found.line}` : `lines ${found.line}–${found.endLine}`;
  const view = options.sourceView?.[cite.source];
  return `${at}; \`${cite.source}\` ${view ? `[${lines}](${view}#${entry.id})` : lines}.`;
}

function quoteBlock(quote: string): string[] {
  return quote
    .trim()
    .split('\n')
    .map((l) => `> ${text(l)}`);
}

/**
 * A rule set as the auditor's catalogue, in Markdown: the set's title, authority, source, dates
 * in force and what it extends; an index; then one section per rule (its title, the timescale in
 * words derived from the rule itself, the requirement, the verbatim quote with its line in the
 * source text, the reading chosen, and the cases that test it, by name) and one section per
 * guidance statement with the reason it sets no checkable timescale. Each section's anchor is
 * the rule's id, the name its data, its cases and its source view use too.
 *
 * Pure: the source texts and cases are given in `options`; the repository's `npm run docs:rules`
 * reads them from the set's YAML folder and `../shared/sources`.
 *
 * @example
 * ```ts
 * import { getRuleSet, renderCatalogue } from 'practice-timescales';
 * const markdown = renderCatalogue(getRuleSet('leeds-2023')); // starts '# Leeds Practice Standards (April 2023)…'
 * ```
 */
export function renderCatalogue(set: RuleSet, options: CatalogueOptions = {}): string {
  const folder = options.folder ?? `rules/${set.id}`;
  const base = options.bases?.find((b) => b.id === set.extends);
  const extendsText = set.extends
    ? `\`${set.extends}\`${base ? ` (${base.title})` : ''}: its rules apply as well, and where two rules measure the same duty the stricter decides.`
    : 'nothing: this is a baseline.';
  const inForce = set.inForce.to ? `${set.inForce.from} to ${set.inForce.to}` : `from ${set.inForce.from}`;
  const guidance = set.guidance ?? [];
  const casesOf = (id: string) => (options.cases ?? []).filter((c) => c.rule === id);
  const out: string[] = [
    `# ${set.title}`,
    '',
    `<!-- Generated from ${folder}/ by \`npm run docs:rules\`. Do not edit by hand. -->`,
    '',
    `- **Rule set:** \`${set.id}\`, written in [\`${folder}/\`](${TO_ROOT}${folder}/)`,
    `- **Authority:** ${set.authority}`,
    `- **Source:** ${set.source}`,
    `- **In force:** ${inForce}`,
    `- **Extends:** ${extendsText}`,
    '',
    'Each rule below is found by its id everywhere: its data in `' + folder + '/<area>.yaml`, its cases (named `rule: <id>`) in `' + folder + '/<area>.cases.yaml`, this section at `#<id>`, and its sentence in the side-by-side view of the source.',
    '',
    '## Index',
    '',
    `### Rules (${set.rules.length})`,
    '',
  ];
  if (set.rules.length === 0) out.push('None yet.', '');
  else {
    out.push('| Rule | Area | Title | Cases |', '| --- | --- | --- | --- |');
    for (const r of set.rules) out.push(`| [\`${r.id}\`](#${r.id}) | ${r.area} | ${text(r.title).replace(/\|/g, '\\|')} | ${casesOf(r.id).length} |`);
    out.push('');
  }
  out.push(`### Guidance not computed (${guidance.length})`, '');
  if (guidance.length === 0) out.push('None.', '');
  else {
    for (const g of guidance) out.push(`- [\`${g.id}\`](#${g.id}) (${g.area})`);
    out.push('');
  }

  if (set.rules.length > 0) out.push('## Rules', '');
  for (const r of set.rules) {
    const cases = casesOf(r.id);
    out.push(`<a id="${r.id}"></a>`, '', `### \`${r.id}\`: ${text(r.title)}`, '');
    out.push(`- **Timescale:** ${text(describeTimescale(r))}`);
    out.push(`- **Requirement:** ${text(r.requirement)}.`);
    out.push(`- **Area:** ${r.area}; data in [\`${folder}/${r.area}.yaml\`](${TO_ROOT}${folder}/${r.area}.yaml)`);
    if (r.subject === 'worker') out.push("- **Record:** the worker's supervision record, not a child's case");
    if (r.measures) out.push(`- **Measures:** \`${r.measures}\` (compared with any other rule measuring the same duty; the stricter decides)`);
    if (r.escalateTo) out.push(`- **On a breach, alert:** ${r.escalateTo}`);
    if (r.verified !== undefined) out.push(`- **Number verified against the primary text:** ${r.verified ? 'yes' : 'no (see the reading)'}`);
    out.push(`- **Quoted from:** ${where(r, options)}`, '', ...quoteBlock(r.cite.quote), '');
    out.push('**Reading chosen**', '', ...(r.note ? paragraphs(r.note) : ['None recorded: the text was read as it stands.']), '');
    if (cases.length === 0) out.push('**Cases:** none yet.', '');
    else {
      const files = [...new Set(cases.map((c) => c.file))];
      out.push(`**Cases** (${cases.length}, in ${files.map((f) => `[\`${folder}/${f}\`](${TO_ROOT}${folder}/${f})`).join(', ')})`, '');
      for (const c of cases) out.push(`- ${c.line === undefined ? text(c.name) : `[${text(c.name).replace(/[[\]]/g, '\\$&')}](${TO_ROOT}${folder}/${c.file}#L${c.line})`}`);
      out.push('');
    }
  }

  if (guidance.length > 0) out.push('## Guidance not computed', '');
  for (const g of guidance) {
    out.push(`<a id="${g.id}"></a>`, '', `### \`${g.id}\``, '');
    out.push(`- **Area:** ${g.area}; in [\`${folder}/guidance.yaml\`](${TO_ROOT}${folder}/guidance.yaml)`);
    if (text(g.statement) !== text(g.cite.quote)) out.push(`- **Statement:** ${text(g.statement)}`);
    out.push(`- **Quoted from:** ${where(g, options)}`, '', ...quoteBlock(g.cite.quote), '');
    out.push('**Why it sets no checkable timescale**', '', ...paragraphs(g.reason), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
