import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../config.js';
import { openDatabase } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { hashPassword } from '../auth/passwords.js';
import { demoCoach } from './demo-content.js';
import { createDemo, findDemo, removeDemo } from './demo.js';

/**
 * `npm run demo`: creates the demo workspace in the database of DATABASE_URL (like the server) and
 * prints a sign-in for its coach. `npm run demo -- --remove` removes it. Stop the server first
 * when it uses an SQLite file (the file is locked by one process at a time).
 */
async function main() {
  const config = loadConfig();
  const { db, close } = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
    if (process.argv.includes('--remove')) {
      const removed = await removeDemo({ db });
      console.log(removed ? 'The demo workspace was removed.' : 'There was no demo workspace.');
      return;
    }
    const password = randomBytes(9).toString('base64url');
    const existed = Boolean(await findDemo(db));
    const demo = await createDemo({ db });
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(password) })
      .where('id', '=', demo.coachId)
      .execute();
    console.log(
      existed
        ? 'The demo workspace was already there.'
        : 'Created the demo workspace: a coach, four PMs, two years of quarterly rounds.',
    );
    console.log(
      `Start Wheelhouse (npm start), open ${config.publicUrl}/sign-in and sign in as:\n  email:    ${demoCoach.email}\n  password: ${password}`,
    );
    console.log('Or there, choose "See it as a PM" for the other side.');
    console.log('Remove it with: npm run demo -- --remove');
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error('The demo could not be created:', error instanceof Error ? error.message : error);
  process.exit(1);
});
