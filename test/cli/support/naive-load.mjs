// What a command line that does not stream would do first: read the whole input and parse every
// record into memory. The stream test checks that this exceeds its memory ceiling, so that the
// ceiling tells streaming and loading apart. Usage: node naive-load.mjs <file.jsonl> <file for peak RSS in kB>
import { readFileSync, writeFileSync } from 'node:fs';

const [input, rssFile] = process.argv.slice(2);
const records = readFileSync(input, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
writeFileSync(rssFile, String(process.resourceUsage().maxRSS));
process.stdout.write(`${records.length}\n`);
