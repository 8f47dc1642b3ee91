// The baseline for the command line's speed and memory: read a JSON Lines file in chunks and
// parse every line, doing nothing else (the least any streaming reader must do). Prints the
// number of records; writes its peak resident memory in kB to the file given.
// Usage: node parse-lines.mjs <file.jsonl> <file for peak RSS in kB>
import { createReadStream, writeFileSync } from 'node:fs';

const [input, rssFile] = process.argv.slice(2);
let carry = '';
let records = 0;
for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 18 })) {
  const text = carry + chunk;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    if (nl > start) {
      JSON.parse(text.slice(start, nl));
      records++;
    }
    start = nl + 1;
  }
  carry = text.slice(start);
}
if (carry.trim() !== '') {
  JSON.parse(carry);
  records++;
}
writeFileSync(rssFile, String(process.resourceUsage().maxRSS));
process.stdout.write(`${records}\n`);
