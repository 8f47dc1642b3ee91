/**
 * The HTML report of N generated children (default 10,000; BENCH_REPORT_CASES to change): the
 * `report` command in a child process, against a baseline measured in the same run, `summary`
 * over the same file (the same reading and evaluating, text out). Prints the time to write, the
 * ratio to the baseline, peak memory and the page's size; then opens the page in headless
 * Chromium and times its load and one filter change, failing if either takes longer than a
 * minute (the page hangs).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCaseload } from '../src/index.js';
import { launchChromium } from '../test/support/browser.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RSS_CHILD = join(ROOT, 'test/cli/support/rss-child.mjs');
const ENTRY = join(ROOT, 'src/cli/main.ts');
const RULES = ['--rules', 'leeds-2023', '--as-of', '2024-04-09', '--quiet'];
const HANG_MS = 60_000;

function run(args: readonly string[], rssFile: string): Promise<{ seconds: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', RSS_CHILD, ENTRY, rssFile, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
    });
  });
}

async function writeCaseload(path: string, cases: number): Promise<void> {
  const out = createWriteStream(path);
  for (const s of generateCaseload({ cases, seed: 2024 })) {
    if (!out.write(`${JSON.stringify(s)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function within<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${HANG_MS / 1000} s: the page hangs`)), HANG_MS)));
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

export default async function reportBench(): Promise<void> {
  const cases = Number(process.env.BENCH_REPORT_CASES ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'pt-report-bench-'));
  try {
    const file = join(dir, 'caseload.jsonl');
    await writeCaseload(file, cases);
    const rss = join(dir, 'rss');
    const html = join(dir, 'report.html');
    const baseline = await run(['summary', file, ...RULES], rss);
    const report = await run(['report', file, ...RULES, '-o', html], rss);
    const mb = statSync(html).size / 2 ** 20;
    console.log(`${cases.toLocaleString('en-GB')} generated children, rules leeds-2023, as of 2024-04-09.\n`);
    console.log('| run | time | peak memory | time vs baseline | output |\n| --- | --- | --- | --- | --- |');
    console.log(`| baseline: summary | ${baseline.seconds.toFixed(1)} s | ${baseline.peakMb.toFixed(0)} MB | 1.0x | text |`);
    console.log(`| report -o report.html | ${report.seconds.toFixed(1)} s | ${report.peakMb.toFixed(0)} MB | ${(report.seconds / baseline.seconds).toFixed(1)}x | ${mb.toFixed(1)} MB of HTML |`);

    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage({ viewport: { width: 1200, height: 900 } });
      let t = performance.now();
      await within('Loading the report', page.goto(`file://${html}`, { timeout: HANG_MS }));
      const load = performance.now() - t;
      const team = await page.locator('#filters select[name=team] option').nth(1).getAttribute('value');
      t = performance.now();
      await within('A filter change', page.selectOption('#filters select[name=team]', team ?? ''));
      await within('A filter change', page.locator('#filter-status').filter({ hasText: 'Filtered to' }).waitFor({ timeout: HANG_MS }));
      const filter = performance.now() - t;
      console.log(`\nIn headless Chromium: loaded in ${(load / 1000).toFixed(1)} s; a team filter applied in ${(filter / 1000).toFixed(1)} s (a hang is over ${HANG_MS / 1000} s).`);
    } finally {
      await chromium.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
