/**
 * The package under a strict Content-Security-Policy, as council intranets and the Excel add-in
 * run it: pages bundled from the BUILT package (through `exports` and `"sideEffects": false`, as
 * an application's bundler sees it) and the browser file, loaded in headless Chromium with
 * `script-src 'self'`. Every `securitypolicyviolation` is counted; the controls show the counter
 * catches a `new Function` and zod's own probe for it.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englandAndWales, evaluate } from '../../src/index.js';
import { launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from '../support/browser.js';
import { installBuiltPackage, type InstalledPackage } from './support/pack.js';

const STRICT = "default-src 'self'; script-src 'self'";
const SNAPSHOT = {
  caseId: 'C-001',
  child: { dateOfBirth: '2015-05-01' },
  events: [
    { id: 'e1', type: 'child-in-need-plan-started', date: '2024-01-08' },
    { id: 'e2', type: 'visit', date: '2024-03-04', mode: 'in-person' },
  ],
};
const OPTIONS = { ruleSet: 'leeds-2023', asOf: '2024-04-09' } as const;

/** Registered before any module runs (module scripts are deferred). */
const COUNTER = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

/** The pages: each writes what it computed into #out as JSON. */
const PAGES: Readonly<Record<string, string>> = {
  'engine-and-one-set': `import { evaluate } from 'practice-timescales/engine';
import { leeds2023 } from 'practice-timescales/rules/leeds-2023';
show(evaluate(${JSON.stringify(SNAPSHOT)}, { ruleSet: leeds2023(), asOf: '2024-04-09' }));`,
  'main-entry-named-imports': `import { evaluate, validateSnapshot } from 'practice-timescales';
validateSnapshot(${JSON.stringify(SNAPSHOT)});
show(evaluate(${JSON.stringify(SNAPSHOT)}, ${JSON.stringify(OPTIONS)}));`,
  'calendar-only': `import { englandAndWales } from 'practice-timescales/calendar';
show(englandAndWales().addWorkingDays('2022-05-27', 5));`,
  'control-new-function': `let f; try { f = new Function('return 1'); } catch { f = null; }
show(f === null ? 'blocked' : 'ran');`,
  'control-zod-without-jitless': `import * as z from 'zod';
show(z.object({ a: z.string() }).parse({ a: 'x' }));`,
};
const SHOW = `function show(value) { document.getElementById('out').textContent = JSON.stringify(value); }\n`;

let pkg: InstalledPackage;
let site: string;
let server: StaticServer;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  pkg = await installBuiltPackage();
  site = join(pkg.project, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'counter.js'), COUNTER);
  for (const [name, code] of Object.entries(PAGES)) {
    writeFileSync(join(pkg.project, `${name}.js`), SHOW + code);
    await build({
      entryPoints: [join(pkg.project, `${name}.js`)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(site, `${name}.bundle.js`),
      absWorkingDir: pkg.project,
      logLevel: 'silent',
    });
    writeFileSync(join(site, `${name}.html`), page(`<script type="module" src="${name}.bundle.js"></script>`));
  }
  cpSync(join(pkg.packageDir, 'dist', 'browser'), join(site, 'browser'), { recursive: true });
  writeFileSync(join(site, 'browser-file.js'), `${SHOW}import { evaluate } from './browser/practice-timescales.js';\nshow(evaluate(${JSON.stringify(SNAPSHOT)}, ${JSON.stringify(OPTIONS)}));`);
  writeFileSync(join(site, 'browser-file.html'), page('<script type="module" src="browser-file.js"></script>'));
  server = await serveStatic(site, { 'content-security-policy': STRICT });
  chromium = await launchChromium();
}, 240_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  pkg?.remove();
});

function page(script: string): string {
  return `<!doctype html><meta charset="utf-8"><title>csp</title><script src="counter.js"></script>${script}<pre id="out"></pre>`;
}

interface Loaded {
  readonly out: unknown;
  readonly violations: readonly string[];
  readonly errors: readonly string[];
}

async function load(path: string): Promise<Loaded> {
  const tab = await chromium.browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await tab.goto(`${server.origin}/${path}`);
    await tab.waitForFunction(() => document.getElementById('out')?.textContent !== '', undefined, { timeout: 20_000 });
    // Violation reports are queued as tasks: let them arrive.
    await tab.waitForTimeout(300);
    const out = JSON.parse((await tab.textContent('#out')) ?? 'null') as unknown;
    const violations = await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    return { out, violations, errors };
  } finally {
    await tab.close();
  }
}

describe("the package under script-src 'self'", () => {
  it('the counter catches a new Function (control)', async () => {
    const r = await load('control-new-function.html');
    expect(r.out).toBe('blocked');
    expect(r.violations).toEqual([expect.stringMatching(/^script-src eval/)]);
  }, 60_000);

  it('the counter catches zod probing for new Function when jitless is not set (control)', async () => {
    const r = await load('control-zod-without-jitless.html');
    expect(r.out).toEqual({ a: 'x' });
    expect(r.violations.length).toBeGreaterThan(0);
  }, 60_000);

  it('evaluate from the engine entry with one rule set: zero violations, the same report as in Node', async () => {
    const r = await load('engine-and-one-set.html');
    expect(r.violations).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.out).toEqual(JSON.parse(JSON.stringify(evaluate(SNAPSHOT, OPTIONS))));
  }, 60_000);

  it('named imports from the main entry: zero violations, the same report as in Node', async () => {
    const r = await load('main-entry-named-imports.html');
    expect(r.violations).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.out).toEqual(JSON.parse(JSON.stringify(evaluate(SNAPSHOT, OPTIONS))));
  }, 60_000);

  it('the calendar entry: zero violations', async () => {
    const r = await load('calendar-only.html');
    expect(r.violations).toEqual([]);
    expect(r.out).toBe(englandAndWales().addWorkingDays('2022-05-27', 5));
  }, 60_000);

  it('the browser file (dist/browser/practice-timescales.js) in a plain module page: zero violations', async () => {
    const r = await load('browser-file.html');
    expect(r.violations).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.out).toEqual(JSON.parse(JSON.stringify(evaluate(SNAPSHOT, OPTIONS))));
  }, 60_000);
});

describe('the built library code', () => {
  it('never calls eval or new Function (zod, a dependency, is configured jitless)', () => {
    const files = readdirSync(join(pkg.packageDir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') && !f.startsWith('browser'));
    expect(files.length).toBeGreaterThan(6);
    for (const f of files) expect(readFileSync(join(pkg.packageDir, 'dist', f), 'utf8'), f).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/);
  });
});

describe('the README browser example', () => {
  it("runs as written in a plain page under script-src 'self' (its inline script allowed by hash)", async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const html = /<!-- browser-example -->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(html, 'README has a ```html block after <!-- browser-example -->').toBeDefined();
    const lines = html!.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html!)?.[1];
    expect(inline).toBeDefined();
    const hash = createHash('sha256').update(inline!).digest('base64');
    const dir = join(pkg.project, 'readme');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), html!.replace('<head>', '<head><script src="counter.js"></script>'));
    writeFileSync(join(dir, 'counter.js'), COUNTER);
    cpSync(join(pkg.packageDir, 'dist', 'browser', 'practice-timescales.js'), join(dir, 'practice-timescales.js'));
    const readmeServer = await serveStatic(dir, { 'content-security-policy': `${STRICT} 'sha256-${hash}'` });
    const tab = await chromium.browser.newPage();
    try {
      await tab.goto(`${readmeServer.origin}/index.html`);
      await tab.waitForFunction(() => (document.getElementById('out')?.textContent ?? '') !== '', undefined, { timeout: 20_000 });
      await tab.waitForTimeout(300);
      const text = (await tab.textContent('#out')) ?? '';
      const report = evaluate(SNAPSHOT, OPTIONS);
      expect(report.breaches.length).toBeGreaterThan(0);
      expect(text.split('\n')).toEqual([englandAndWales().addWorkingDays('2022-05-27', 5), ...report.breaches.map((o) => `${o.ruleId}: ${o.explanation}`)]);
      expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    } finally {
      await tab.close();
      await readmeServer.close();
    }
  }, 60_000);
});
