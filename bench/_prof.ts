import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { seedTeam } from './seed.js';
import { findSession } from '../server/features/auth/sessions.js';
import { wheelHistory } from '../server/features/assessments/history.js';
import { revealedRoundsOfPm } from '../server/features/assessments/wheel-data.js';
import { compareRound } from '../server/features/assessments/comparison.js';

const dir = mkdtempSync(join(tmpdir(), 'prof-'));
const { db } = openDatabase(join(dir, 'b.db'));
await migrateToLatest(db);
const team = await seedTeam(db, { pms: 6, rounds: 60, monthsBetweenRounds: 1 });
const actor = (await findSession(db, team.cookie.split('=')[1]!))!.actor;
const time = async (name: string, f: () => Promise<unknown>, n = 300) => {
  for (let i = 0; i < 20; i++) await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(name.padEnd(20), ((performance.now() - t) / n).toFixed(3), 'ms');
};
await time('revealedRoundsOfPm', () => revealedRoundsOfPm(db, team.pmId));
await time('wheelHistory', () => wheelHistory({ db, actor, pmId: team.pmId }));
await time('compareRound', () => compareRound({ db, actor, roundId: team.latestRoundId }));
const rows = await db.selectFrom('assessments').selectAll().limit(120).execute();
await time('select 120 rows', () => db.selectFrom('assessments').selectAll().limit(120).execute());
