// Runs the command line in this process and records its peak resident memory, so that a test
// or bench can check that memory stays flat. Usage:
//   node [--import tsx] rss-child.mjs <entry (src/cli/main.ts or dist/cli.js)> <file for peak RSS in kB> <cli args…>
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [entry, rssFile] = process.argv.splice(2, 2);
process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(entry).href);
