import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { crashRun } from '../support/crash-run.js';
import { createTestDatabase, testEngine } from '../support/test-database.js';

it('keeps every acknowledged write when the server is killed (SIGKILL) mid-load and restarted', async () => {
  let url: string;
  let cleanup: () => Promise<void>;
  if (testEngine() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-crash-'));
    url = join(dir, 'wheelhouse.db');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await createTestDatabase();
    await db.close();
    url = db.url;
    cleanup = db.drop;
  }
  try {
    const result = await crashRun({ databaseUrl: url, kills: 3, clients: 4 });
    expect(result.kills).toBe(3);
    expect(result.acknowledged).toBeGreaterThan(50); // the load really ran across the kills
    expect(result.lostExamples).toEqual([]);
    expect(result.lost).toBe(0);
  } finally {
    await cleanup();
  }
}, 90_000);
