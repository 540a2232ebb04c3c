/**
 * Renders the app's PNG icons once, with a local Chromium (`CHROMIUM_PATH`, e.g. Debian's with
 * fonts-noto-cjk, which draws 邻), into web/public/icons. The PNGs are committed: the build
 * never needs a browser. Run again only when the icon changes:
 * `CHROMIUM_PATH=/usr/bin/chromium node scripts/cli/render-icons.ts`
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const out = join(import.meta.dirname, '..', '..', 'web', 'public', 'icons');
const red = '#b3261e';

/** The character 邻 in white on the app's red; `inset` is the share of the side kept clear around it. */
const svg = (size: number, rounded: boolean, inset: number) => {
  const glyph = Math.round(size * (1 - 2 * inset));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${rounded ? size * 0.2 : 0}" fill="${red}"/>
  <text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-size="${glyph}" fill="#fff"
    font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-weight="700">邻</text>
</svg>`;
};

const icons = [
  // "any": rounded corners of its own, like the favicon.
  { file: 'icon-192.png', size: 192, rounded: true, inset: 0.16 },
  { file: 'icon-512.png', size: 512, rounded: true, inset: 0.16 },
  // Maskable: full bleed, the character inside the 80% safe circle the launcher may cut to.
  { file: 'icon-maskable-512.png', size: 512, rounded: false, inset: 0.24 },
  // iOS rounds the corners itself and shows transparency as black: square and opaque.
  { file: 'apple-touch-icon.png', size: 180, rounded: false, inset: 0.17 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(icon.size, icon.rounded, icon.inset)}</body></html>`,
  );
  await page.screenshot({ path: join(out, icon.file), omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`Wrote ${icons.map((i) => i.file).join(', ')} to ${out}`);
