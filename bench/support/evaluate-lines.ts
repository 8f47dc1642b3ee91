// The floor for the command line's own work: read a JSON Lines file in chunks, parse each line and
// evaluate it with the library, in one thread, keeping nothing. `summary --jobs 1` over this time
// is the command line's overhead (validation bookkeeping, duplicate ids, counting).
// Usage: tsx evaluate-lines.ts <file.jsonl> <file for peak RSS in kB> <rule set> <as-of> [library]
// where library is the entry to evaluate with (dist/index.js, to compare with the built command
// line); the sources by default.
import { createReadStream, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [input, rssFile, ruleSet, asOf, library] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const { evaluate } = (await import(library ? pathToFileURL(library).href : '../../src/index.js')) as typeof import('../../src/index.js');
let carry = '';
let obligations = 0;
for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 18 })) {
  const text = carry + chunk;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    if (nl > start) obligations += evaluate(JSON.parse(text.slice(start, nl)), { ruleSet, asOf }).obligations.length;
    start = nl + 1;
  }
  carry = text.slice(start);
}
writeFileSync(rssFile, String(process.resourceUsage().maxRSS));
process.stdout.write(`${obligations}\n`);
