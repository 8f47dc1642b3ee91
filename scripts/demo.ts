/**
 * `npm run demo`: the bundled example caseload (examples/caseload.jsonl: twelve fictional
 * children, ids and dates only) through the command line's own functions: the caseload summary
 * and then every breach, under Leeds's practice standards and under West Berkshire's, as of
 * 2024-04-09. The same as running
 *
 *   practice-timescales summary examples/caseload.jsonl --rules leeds-2023 --as-of 2024-04-09
 *   practice-timescales evaluate examples/caseload.jsonl --rules leeds-2023 --as-of 2024-04-09 --only breaches --format text
 *
 * and again with --rules west-berkshire; then writes the HTML caseload report under Leeds's
 * standards to dist/demo/caseload-report.html (dist/ is not committed), as
 *
 *   practice-timescales report examples/caseload.jsonl --rules leeds-2023 --as-of 2024-04-09 -o dist/demo/caseload-report.html
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeIo, run } from '../src/cli/run.js';

const CASELOAD = fileURLToPath(new URL('../examples/caseload.jsonl', import.meta.url));
const AS_OF = '2024-04-09';
const io = nodeIo();
const rule = '='.repeat(100);

for (const rules of ['leeds-2023', 'west-berkshire']) {
  const common = [CASELOAD, '--rules', rules, '--as-of', AS_OF, '--quiet'];
  process.stdout.write(`${rule}\n${rules}: caseload summary\n${rule}\n\n`);
  const summary = await run(['summary', ...common, '--top', '5'], io);
  process.stdout.write(`\n${rule}\n${rules}: breaches, for the team manager\n${rule}\n\n`);
  const breaches = await run(['evaluate', ...common, '--only', 'breaches', '--format', 'text'], io);
  process.stdout.write('\n');
  if (summary !== 0 || breaches !== 0) process.exitCode = 1;
}

const REPORT = fileURLToPath(new URL('../dist/demo/caseload-report.html', import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/demo/', import.meta.url)), { recursive: true });
process.stdout.write(`${rule}\nleeds-2023: the caseload report, for the team manager's browser\n${rule}\n\n`);
const report = await run(['report', CASELOAD, '--rules', 'leeds-2023', '--as-of', AS_OF, '--quiet', '-o', REPORT], io);
if (report !== 0) process.exitCode = 1;
else process.stdout.write(`The HTML report is at ${REPORT}\nOpen it in a browser: it needs no network and no other file.\n`);
