import { it } from 'vitest';
import { startTestApp } from '../support/test-app.js';
import { buildWorld } from '../support/world.js';
import { snapshot } from './matrix/snapshot.js';

it('probe', async () => {
  const cpu0 = process.cpuUsage();
  const a0 = performance.now();
  const app = await startTestApp();
  const a1 = performance.now();
  let w = 0, s = 0;
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    await buildWorld(app);
    const t1 = performance.now();
    await snapshot(app.deps.db);
    await snapshot(app.deps.db);
    s += performance.now() - t1;
    w += t1 - t0;
  }
  const c0 = performance.now();
  await app.close();
  const c1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  console.log(`PROBE start ${(a1 - a0).toFixed(0)} world ${(w / 8).toFixed(0)} 2snap ${(s / 8).toFixed(0)} close ${(c1 - c0).toFixed(0)} cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)}ms`);
}, 120_000);
