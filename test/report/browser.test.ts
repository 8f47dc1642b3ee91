/**
 * The report in a real browser: headless Chromium opens the report of the example caseload and
 * of a generated one, served over 127.0.0.1 and from a file. Charts and tables are there, the
 * filters change what is shown, nothing is fetched, no console errors, and axe-core finds no
 * WCAG 2.2 A/AA violations. UPDATE_REPORT_SCREENSHOT=1 rewrites docs/report.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRuleSet } from '../../src/index.js';
import { caseloadReport } from '../../src/report/index.js';
import { launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from '../support/browser.js';
import { AS_OF, calendar, exampleReports, generatedReports } from './helpers.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOT = fileURLToPath(new URL('../../docs/report.png', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pt-report-'));
let server: StaticServer;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  const scope = { ruleSet: getRuleSet('leeds-2023'), asOf: AS_OF, calendar };
  writeFileSync(join(dir, 'example.html'), await caseloadReport(exampleReports(), scope));
  writeFileSync(join(dir, 'generated.html'), await caseloadReport(generatedReports(60, 2024), scope));
  server = await serveStatic(dir);
  chromium = await launchChromium();
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a page, recording console errors, page errors and every request. */
async function open(url: string, javaScriptEnabled = true): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const context = await chromium.browser.newContext({ javaScriptEnabled, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, errors, requests };
}

async function visible(page: Page, selector: string): Promise<number> {
  return page.locator(selector).filter({ visible: true }).count();
}

async function axeViolations(page: Page): Promise<{ id: string; nodes: number }[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
}

describe.each(['example', 'generated'])('the %s caseload’s report in Chromium', (name) => {
  it('shows its charts and tables, filters by team, fetches nothing and logs no error', async () => {
    const { page, errors, requests } = await open(`${server.origin}/${name}.html`);
    try {
      expect(await page.locator('#by-rule figure svg').count()).toBe(1);
      expect(await page.locator('#by-team figure svg').count()).toBe(1);
      expect(await page.locator('#trend figure svg').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('#by-rule table tbody tr').count()).toBeGreaterThan(5);
      expect(await page.locator('#timelines article svg').count()).toBeGreaterThan(0);
      expect(await page.locator('#filters').isVisible()).toBe(true);
      const allOverdue = await visible(page, 'tr[data-f=overdue]');
      const allTimelines = await visible(page, 'article[data-f=child]');
      expect(allOverdue).toBeGreaterThan(0);
      const teams = await page.locator('#filters select[name=team] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
      expect(teams.length).toBeGreaterThan(1);
      let sum = 0;
      for (const team of teams) {
        await page.selectOption('#filters select[name=team]', team);
        const shown = await visible(page, 'tr[data-f=overdue]');
        expect(shown).toBeLessThanOrEqual(allOverdue);
        expect(await page.locator(`tr[data-f=overdue]:not([data-team="${team}"])`).filter({ visible: true }).count()).toBe(0);
        expect(await visible(page, 'article[data-f=child]')).toBeLessThan(allTimelines);
        sum += shown;
      }
      // The teams' overdue rows, one team at a time, are all the rows.
      expect(sum).toBe(allOverdue);
      expect(await page.locator('#filter-status').textContent()).toMatch(/^Filtered to /);
      await page.click('#filters button[type=reset]');
      await expect.poll(() => visible(page, 'tr[data-f=overdue]')).toBe(allOverdue);
      expect(errors).toEqual([]);
      expect(requests).toEqual([`${server.origin}/${name}.html`]);
      if (name === 'example' && process.env.UPDATE_REPORT_SCREENSHOT === '1') await page.screenshot({ path: SCREENSHOT });
    } finally {
      await page.context().close();
    }
  }, 180_000);

  it('has no accessibility violations (axe-core, WCAG 2.2 A and AA)', async () => {
    const { page } = await open(`${server.origin}/${name}.html`);
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);

  it('reads with scripts off: everything shown, the filter form hidden', async () => {
    const { page, errors } = await open(`${server.origin}/${name}.html`, false);
    try {
      expect(await page.locator('#filters').isVisible()).toBe(false);
      expect(await visible(page, 'tr[data-f=overdue]')).toBe(await page.locator('tr[data-f=overdue]').count());
      expect(await visible(page, '#by-rule figure svg')).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);
});

it('opens from a file, as from a shared drive or an email attachment', async () => {
  const { page, errors } = await open(`file://${join(dir, 'example.html')}`);
  try {
    expect(await page.locator('h1').textContent()).toBe('Practice timescales: caseload report');
    expect(await page.locator('#headline dd.big').count()).toBe(5);
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
  }
}, 60_000);

it('prints: the case-level notice on the first page and on every page, no filter form, every list', async () => {
  const { page, errors } = await open(`${server.origin}/example.html`);
  try {
    await page.selectOption('#filters select[name=team]', { index: 1 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('.notice').isVisible()).toBe(true);
    expect(await page.locator('footer.print').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await page.locator('footer.print').isVisible()).toBe(true);
    // A filtered print says what it was filtered to.
    expect(await page.locator('#filter-status-print').isVisible()).toBe(true);
    expect(await page.locator('#filter-status-print').textContent()).toMatch(/^Filtered to /);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
  }
}, 60_000);

