/**
 * The Excel add-in in a real browser engine: the built add-in (the same build as `npm run build`)
 * served on 127.0.0.1 under a content security policy without 'unsafe-eval', with a stub of the
 * Office runtime in place of office.js that records `CustomFunctions.associate`. Every function
 * in functions.json must be associated and answer as docs/spreadsheets.md says.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from '../support/browser.js';
import { buildInTemp, type TempBuild } from '../sheets/bundles.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CSP = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self'; object-src 'none'";

/** What office.js gives a shared runtime, as far as custom functions use it. */
const OFFICE_STUB = `
  window.__associated = {};
  window.CustomFunctions = {
    associate: function (id, fn) { window.__associated[id] = fn; },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    Error: function (code, message) { this.code = code; this.message = message; },
  };
  window.Office = { onReady: function (cb) { if (cb) cb({ host: 'Excel' }); return Promise.resolve({ host: 'Excel' }); } };
`;

const TIMEOUT = 180_000;

let built: TempBuild;
let server: StaticServer;
let chromium: LaunchedBrowser;
let page: Page;
const violations: string[] = [];
let servedPolicy: string | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  built = await buildInTemp(['excel']);
  server = await serveStatic(built.dir('excel'), { 'Content-Security-Policy': CSP });
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ((window as unknown as { __violations: string[] }).__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto(`${server.origin}/taskpane.html`, { timeout: TIMEOUT });
  servedPolicy = response?.headers()['content-security-policy'];
  await page.waitForFunction(() => Object.keys((window as unknown as { __associated: object }).__associated ?? {}).length > 0, null, { timeout: TIMEOUT });
  violations.push(...((await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])) as string[]));
}, TIMEOUT);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  built?.remove();
}, TIMEOUT);

/** Calls an associated function in the page, as Excel would, and returns its answer. */
function call(id: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(([name, params]) => {
    const fn = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated[name as string]!;
    const answer = fn(...(params as unknown[]));
    // Error values cross back as plain objects.
    return JSON.parse(JSON.stringify(answer)) as unknown;
  }, [id, args] as const);
}

describe('the Excel add-in in headless Chromium', () => {
  it('associates every function in functions.json, under a CSP without unsafe-eval, with no violation or error', async () => {
    const metadata = (JSON.parse(built.read('excel/functions.json')) as { functions: { id: string }[] }).functions.map((f) => f.id).sort();
    const associated = (await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated))).sort();
    expect(metadata.length).toBe(8);
    expect(associated).toEqual(metadata);
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The policy was in force: served with the page, and refusing code built from strings.
    expect(servedPolicy).toBe(CSP);
    // (A probe script of the page's own, as DevTools' evaluation is exempt from the policy.)
    writeFileSync(join(built.dir('excel'), 'csp-probe.js'), "try { window.__probe = new Function('return 1')() === 1 ? 'allowed' : 'odd'; } catch (e) { window.__probe = 'refused'; }");
    await page.addScriptTag({ url: '/csp-probe.js' });
    expect(await page.evaluate(() => (window as unknown as { __probe: string }).__probe)).toBe('refused');
  }, TIMEOUT);

  it('answers the working-day functions as documented', async () => {
    // Fri 2024-12-20 (45646) + 10 working days is Wed 2025-01-08 (45665), over Christmas and New Year.
    expect(await call('WORKDAYS_ADD', [[45646], [''], ['4/3/24']], [[10]], null)).toEqual([[45665], [''], [{ code: '#VALUE!', message: expect.stringMatching(/YYYY-MM-DD/) }]]);
    expect(await call('WORKDAYS_BETWEEN', [['2024-12-23']], [['2025-01-02']], null)).toEqual([[5]]);
    expect(await call('IS_WORKDAY', [['2024-12-24'], ['2024-12-25']], [['2024-12-24']])).toEqual([[false], [false]]);
  }, TIMEOUT);

  it('answers the visits tracker walkthrough from docs/spreadsheets.md', async () => {
    const rule = [['leeds.visits.child-in-need']];
    const plan = [['2024-01-08']];
    const visit = [['2024-02-26']];
    const asOf = [['2024-03-28']];
    // Next visit due Mon 25 March 2024 (serial 45376): overdue by 3 working days on the 28th.
    expect(await call('TIMESCALE_DUE', rule, plan, visit, null)).toEqual([[45376]]);
    expect(await call('TIMESCALE_STATUS', rule, plan, visit, asOf)).toEqual([['overdue']]);
    const text = ((await call('TIMESCALE_EXPLAIN', rule, plan, visit, asOf)) as string[][])[0]![0]!;
    expect(text).toMatch(/^Overdue by 3 working days: a child in need must be visited at least every 20 working days.*The last visit was on 2024-02-26, so the next was due by 2024-03-25; none is recorded up to 2024-03-28\. Read from the row, assuming /);
  }, TIMEOUT);

  it('lists rules, evaluates a table of events, and gives error values Excel can test with ISERROR', async () => {
    const rules = (await call('TIMESCALE_RULES', [['leeds-2023']])) as string[][];
    expect(rules[0]).toEqual(['Rule id', 'Title', 'Timescale', 'Rule set', 'Kind']);
    expect(rules.some((r) => r[0] === 'leeds.visits.child-in-need')).toBe(true);
    expect(await call('TIMESCALE_RULES', [['constructor']])).toEqual([[{ code: '#N/A', message: expect.stringMatching(/^This is not a rule set these functions know/) }]]);
    const events = [
      ['caseId', 'dateOfBirth', 'eventId', 'type', 'date', 'mode'],
      ['C-1041', 42125, 'p', 'child-in-need-plan-started', 45299, ''],
      ['C-1041', '', 'v', 'visit', 45348, 'in-person'],
    ];
    const out = (await call('EVALUATE', events, [['leeds-2023']], [[45379]])) as unknown[][];
    expect(out[0]).toEqual(['Case', 'Rule', 'Title', 'Status', 'Due', 'Working days late', 'Explanation']);
    expect(out.filter((r) => r[1] === 'leeds.visits.child-in-need').at(-1)).toEqual(['C-1041', 'leeds.visits.child-in-need', expect.any(String), 'overdue', 45376, 3, expect.stringMatching(/\(case C-1041\)/)]);
    expect(await call('TIMESCALE_STATUS', [['jane smith']], [['2024-01-08']], [['']], [['2024-03-28']])).toEqual([[{ code: '#N/A', message: expect.not.stringMatching(/jane/i) }]]);
  }, TIMEOUT);
});
