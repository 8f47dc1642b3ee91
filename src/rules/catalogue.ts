import { describeTimescale } from './describe-timescale.js';
import type { RuleSet } from './rule-schema.js';

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/**
 * A rule set as a Markdown catalogue a team manager or auditor can read: the set's title,
 * authority, source, dates in force and what it extends; one row per rule with its id, area,
 * timescale in plain English (derived from the rule itself), requirement, quote and the reading
 * chosen; then the statements in the standard that are not computed, with the reason.
 *
 * Pure: `chain` (the set and everything it extends, as `ruleSetChain` gives it) only adds the
 * titles of the sets extended.
 *
 * @example
 * ```ts
 * import { getRuleSet, renderCatalogue } from 'practice-timescales';
 * const markdown = renderCatalogue(getRuleSet('leeds-2023')); // starts '# Leeds Practice Standards (April 2023)…'
 * ```
 */
export function renderCatalogue(set: RuleSet, chain: readonly RuleSet[] = []): string {
  const bases = chain.filter((s) => s.id !== set.id);
  const extendsText = set.extends
    ? `\`${set.extends}\`${bases.find((b) => b.id === set.extends) ? ` (${bases.find((b) => b.id === set.extends)!.title})` : ''}: its rules apply as well, and where two rules measure the same duty the stricter decides.`
    : 'nothing: this is a baseline.';
  const inForce = set.inForce.to ? `${set.inForce.from} to ${set.inForce.to}` : `from ${set.inForce.from}`;
  const out: string[] = [
    `# ${set.title}`,
    '',
    `<!-- Generated from rules/${set.id}.json by \`npm run docs:rules\`. Do not edit by hand. -->`,
    '',
    `- **Rule set:** \`${set.id}\``,
    `- **Authority:** ${set.authority}`,
    `- **Source:** ${set.source}`,
    `- **In force:** ${inForce}`,
    `- **Extends:** ${extendsText}`,
    '',
    `## Rules (${set.rules.length})`,
    '',
  ];
  if (set.rules.length === 0) out.push('None yet.', '');
  else {
    out.push(row(['Rule', 'Area', 'Timescale', 'Quote', 'Reading and notes']), row(['---', '---', '---', '---', '---']));
    for (const r of set.rules) {
      const id = `\`${r.id}\`<br>${r.title}${r.measures ? `<br>Measures: \`${r.measures}\`` : ''}${r.subject === 'worker' ? '<br>(worker record)' : ''}`;
      const timescale = `${describeTimescale(r)}<br>*Requirement:* ${r.requirement}.`;
      const quote = `"${r.cite.quote}"<br>— ${r.cite.document}, ${r.cite.section}`;
      out.push(row([id, r.area, timescale, quote, r.note ?? '']));
    }
    out.push('');
  }
  const guidance = set.guidance ?? [];
  out.push(`## Guidance not computed (${guidance.length})`, '');
  if (guidance.length === 0) out.push('None.', '');
  else {
    out.push(row(['Id', 'Area', 'Statement', 'Why it is not computed']), row(['---', '---', '---', '---']));
    for (const g of guidance) out.push(row([`\`${g.id}\``, g.area, `"${g.statement}"<br>— ${g.cite.document}, ${g.cite.section}`, g.reason]));
    out.push('');
  }
  return out.join('\n');
}
