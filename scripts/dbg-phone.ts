import { chromium, chromiumOptions } from '../tests/support/chromium.js';
const url = 'http://127.0.0.1:3977';
const browser = await chromium.launch(chromiumOptions);
const context = await browser.newContext({ baseURL: url, viewport: { width: 375, height: 812 } });
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
context.on('serviceworker', (w) => console.log('sw', w.url()));
const t0 = Date.now();
await page.goto('/');
console.log('loaded', Date.now() - t0);
console.log(await page.evaluate(async () => {
  const r = await navigator.serviceWorker.getRegistration();
  return JSON.stringify({ r: !!r, installing: r?.installing?.state, waiting: r?.waiting?.state, active: r?.active?.state });
}));
await page.waitForTimeout(5000);
console.log(await page.evaluate(async () => {
  const r = await navigator.serviceWorker.getRegistration();
  return JSON.stringify({ r: !!r, installing: r?.installing?.state, waiting: r?.waiting?.state, active: r?.active?.state, c: !!navigator.serviceWorker.controller });
}));
await browser.close();
