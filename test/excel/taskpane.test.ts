/**
 * The Excel task pane at the width Office gives it (320 px): nothing scrolls sideways, the title
 * and each function name stay on one line, and the icons the manifest names exist at their sizes.
 * A screenshot goes to .scratch/taskpane-320.png for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from '../support/browser.js';

const root = join(__dirname, '../..');
const excel = join(root, 'src/excel');

let server: StaticServer;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  server = await serveStatic(excel);
  chromium = await launchChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('the task pane at 320 px', () => {
  it('fits without scrolling sideways, with the title and every function name on one line', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 320, height: 900 } });
    // office.js comes from Microsoft's CDN and functions.js from the build: neither is needed to lay out the pane.
    await page.route(/appsforoffice\.microsoft\.com|functions\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    try {
      await page.goto(`${server.origin}/taskpane.html`);
      const layout = await page.evaluate(() => {
        const h1 = document.querySelector('h1')!;
        const icon = document.querySelector('header img') as HTMLImageElement;
        return {
          scrollWidth: document.documentElement.scrollWidth,
          titleLines: Math.round(h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight)),
          names: Array.from(document.querySelectorAll('.fn')).map((e) => ({ name: e.textContent, lines: e.getClientRects().length, right: e.getBoundingClientRect().right })),
          cellsOverflow: Array.from(document.querySelectorAll('.try code')).filter((e) => e.getBoundingClientRect().right > document.querySelector('.try')!.getBoundingClientRect().right - 4).map((e) => e.textContent),
          iconWidth: icon.complete ? icon.naturalWidth : 0,
          bodyFont: getComputedStyle(document.body).fontSize,
          tryIt: document.querySelector('#try-it')?.textContent,
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(320);
      expect(layout.titleLines).toBe(1);
      expect(layout.names.length).toBe(7);
      for (const n of layout.names) {
        expect(n.lines, n.name!).toBe(1);
        expect(n.right, n.name!).toBeLessThanOrEqual(320);
      }
      expect(layout.cellsOverflow).toEqual([]);
      expect(layout.iconWidth).toBe(32);
      expect(layout.bodyFont).toBe('14px');
      expect(layout.tryIt).toBe('Try it');
      mkdirSync(join(root, '.scratch'), { recursive: true });
      await page.screenshot({ path: join(root, '.scratch/taskpane-320.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('the add-in icons', () => {
  it('exist at every size the manifest names', () => {
    const manifest = readFileSync(join(excel, 'manifest.xml'), 'utf8');
    const named = [...manifest.matchAll(/\/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1]));
    expect(new Set(named)).toEqual(new Set([16, 32, 64, 80]));
    for (const size of named) expect(pngSize(join(excel, 'assets', `icon-${size}.png`))).toEqual([size, size]);
  });
});
