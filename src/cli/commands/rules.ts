import { resolve } from 'node:path';
import type { CommandSpec, Parsed } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

/** `rules`: check a rule set an analyst has written, or start one. */
export const rulesSpec: CommandSpec = {
  name: 'rules',
  summary: 'Check a rule set folder (or JSON rule set) and run its cases, or start a new one.',
  usage: ['rules check <folder|file> [--source <text file>]', 'rules compile <folder>', 'rules init <id> --extends <rule set>'],
  details: [
    'check: validates every file (each problem with its file, line and path), resolves extends, checks ids are unique, finds every quote verbatim in the source text (normalised: markdown markers and tags removed, quotes straightened, whitespace collapsed) and runs every <area>.cases.yaml. Exit 1 on any problem.',
    'compile: writes the folder as one JSON rule set to stdout, for --rules-file (nothing is written when check finds a problem in its files).',
    'init: writes ./<id>/ with rule-set.yaml, one rule, one case and a source text to replace, which passes check as written.',
  ],
  options: {
    source: { type: 'string', value: '<text file>', description: 'check: the source text quotes must be found in (default: each citation\'s source file).' },
    extends: { type: 'string', value: '<rule set>', description: 'init: the set the new one extends, e.g. england-statutory.' },
  },
  positionals: { min: 2, max: 2, names: 'a subcommand (check, compile or init) and a folder, file or id' },
  examples: ['rules check rules/leeds-2023', 'rules check examples/fictional-council --source standards.txt', 'rules compile examples/riverside-council > riverside.json', 'rules init my-council --extends england-statutory'],
};

/** Runs `rules`. */
export async function rulesCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const [sub, target] = parsed.positionals as [string, string];
  const at = (path: string) => resolve(io.cwd ?? '.', path);
  const out = io.stdout;
  // The authoring kit (YAML, the rule cases) is loaded only here: every other command starts without it.
  const { checkRuleSet, writeStarter, checkRuleSetFiles, formatProblem, readRuleSetFolder, ruleSetJsonText } = await import('./rules-kit.js');
  if (sub === 'init') {
    const base = parsed.values['extends'];
    if (typeof base !== 'string') throw new UsageError('rules init needs --extends <rule set>, e.g. --extends england-statutory.');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(target)) throw new UsageError('The id is lower-case kebab-case, e.g. my-council-2025.');
    let written: string[];
    try {
      written = writeStarter(at(target), target, base);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    out.write(`wrote ${target}/: ${written.join(', ')}\nnext: replace standards.txt with your standard's text, then run: practice-timescales rules check ${target}\n`);
    return 0;
  }
  if (sub === 'compile') {
    let checked;
    try {
      checked = checkRuleSetFiles(readRuleSetFolder(at(target)));
    } catch (e) {
      throw new UsageError(`Cannot read the folder ${target}: ${(e as { code?: string }).code ?? (e as Error).message}`);
    }
    for (const p of checked.problems) io.stderr.write(`${formatProblem(p, target)}\n`);
    if (checked.problems.length > 0) return 1;
    out.write(ruleSetJsonText(checked.compiled.ruleSet));
    return 0;
  }
  if (sub !== 'check') throw new UsageError('The rules subcommands are check, compile and init.');
  const source = parsed.values['source'];
  let report;
  try {
    report = checkRuleSet(at(target), typeof source === 'string' ? { source: at(source) } : {});
  } catch (e) {
    throw new UsageError(`Cannot read ${target}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  for (const p of report.problems) io.stderr.write(`${formatProblem(p, target)}\n`);
  out.write(
    `${target}: ${report.rules} rules, ${report.guidance} guidance entries, quotes found ${report.quotes.found}/${report.quotes.checked}, cases passed ${report.cases.passed}/${report.cases.run}${report.cases.skipped ? ' (cases not run until the set is valid)' : ''}; ${report.problems.length === 0 ? 'no problems' : `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`}\n`,
  );
  return report.problems.length === 0 ? 0 : 1;
}
