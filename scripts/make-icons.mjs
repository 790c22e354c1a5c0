/**
 * Draws the app icons once (run by hand: `node scripts/make-icons.mjs`; the PNGs are committed).
 * Chromium renders a small SVG at each size: the wheel mark, white on the accent blue. The maskable
 * icon keeps the mark inside the central 80 % "safe zone" that launchers may crop to a circle.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';

const mark = (scale) => `
  <g transform="translate(256 256) scale(${scale})" fill="none" stroke="#fff" stroke-linecap="round">
    <circle r="150" stroke-width="30"/>
    <circle r="62" stroke-width="30"/>
    ${[0, 60, 120, 180, 240, 300].map((a) => `<line x1="0" y1="-62" x2="0" y2="-150" stroke-width="22" transform="rotate(${a})"/>`).join('')}
  </g>`;

const svg = (
  maskable,
) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  ${maskable ? '<rect width="512" height="512" fill="#1f4fa0"/>' : '<rect width="512" height="512" rx="112" fill="#1f4fa0"/>'}
  ${mark(maskable ? 0.78 : 1)}
</svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${icon.size}px;height:${icon.size}px;display:block}</style>${svg(icon.maskable)}`,
  );
  const png = await page.screenshot({ omitBackground: true });
  writeFileSync(join('web', 'public', 'icons', icon.file), png);
  await page.close();
}
await browser.close();
