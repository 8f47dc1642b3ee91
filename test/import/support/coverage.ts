/**
 * The figures of the README's "From your council's data" table: per format and rule set, how
 * many rules the format's supply declaration lets the engine judge exactly, approximately or only
 * as `unknown` (`ruleCoverage`). `npx tsx test/import/support/coverage.ts` prints the table;
 * `test/import/coverage.test.ts` fails when the README's table is stale.
 */
import { pathToFileURL } from 'node:url';
import { annexASupply } from '../../../src/import/annex-a/supply.js';
import { LISTS, type ListNumber } from '../../../src/import/annex-a/lists.js';
import { cinCensusSupply } from '../../../src/import/cin-census/supply.js';
import { ssdSupply } from '../../../src/import/ssd/supply.js';
import { ssda903Supply } from '../../../src/import/ssda903/supply.js';
import { getRuleSet, ruleCoverage, type Rule, type Supply } from '../../../src/index.js';

const allLists = new Set(Object.keys(LISTS).map(Number) as ListNumber[]);

/** Each format's declaration at its fullest: every file of the return, every list given and naming the child. */
export const FORMAT_SUPPLY: readonly (readonly [string, Supply])[] = [
  ['SSDA903', ssda903Supply(true)],
  ['CIN census', cinCensusSupply()],
  ['SSD', ssdSupply()],
  ['Annex A', annexASupply(allLists, allLists)],
];

/** The rule sets as the README's columns name them. */
export const COLUMNS: readonly (readonly [string, string])[] = [
  ['leeds-2023', 'Leeds'],
  ['west-berkshire', 'West Berkshire'],
  ['england-statutory', 'national'],
];

/** A set's rules with those of the set it extends. */
export function chain(id: string): Rule[] {
  const s = getRuleSet(id);
  return s.extends ? [...chain(s.extends), ...s.rules] : s.rules;
}

/** Exact / approximate / unknown counts of one format under one rule set. */
export function counts(supply: Supply, ruleSet: string): { exact: number; approximate: number; unknown: number } {
  const out = { exact: 0, approximate: 0, unknown: 0 };
  for (const r of chain(ruleSet)) out[ruleCoverage(supply, r).coverage]++;
  return out;
}

/** The README's table, as Markdown lines. */
export function coverageTable(): string[] {
  const head = `| rules judged exactly / approximately / only \`unknown\` | ${COLUMNS.map(([id, name]) => `${name} (${chain(id).length}${id === 'leeds-2023' ? ' with the baseline' : ''})`).join(' | ')} |`;
  const rows = FORMAT_SUPPLY.map(([name, supply]) => `| ${name} | ${COLUMNS.map(([id]) => {
    const c = counts(supply, id);
    return `${c.exact} / ${c.approximate} / ${c.unknown}`;
  }).join(' | ')} |`);
  return [head, `| --- | --- | --- | --- |`, ...rows];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(coverageTable().join('\n'));
