import { expect, it } from 'vitest';
import { launchChromium, serveStatic } from './browser.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

it('headless Chromium loads a page served on 127.0.0.1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-smoke-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ok</title><p id="x">hi</p>');
  const server = await serveStatic(dir);
  const { browser, close } = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/index.html`);
    expect(await page.textContent('#x')).toBe('hi');
  } finally {
    await close();
    await server.close();
  }
}, 60_000);
