/**
 * Rasterises the Excel add-in's icon (src/excel/assets/icon.svg) to the PNG sizes Office asks
 * for, with headless Chromium: `npx tsx scripts/draw-icons.ts`. The PNGs are committed (the
 * build copies them), so run this only when the drawing changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/support/browser.js';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'excel', 'assets');

/** The sizes the manifest names: 16, 32 and 80 for the ribbon, 32 and 64 for the add-in list. */
export const ICON_SIZES = [16, 32, 64, 80] as const;

const svg = readFileSync(join(assets, 'icon.svg'), 'utf8');
const { browser, close } = await launchChromium();
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}" style="display:block">`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(join(assets, `icon-${size}.png`), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
    console.log(`wrote src/excel/assets/icon-${size}.png`);
  }
} finally {
  await close();
}
