/**
 * Run as its own process (`node --import tsx`): opens the database as the server does, begins a
 * transaction and runs one query in it, then says "in transaction" and waits for a line on stdin
 * before the next query. The test stops PostgreSQL in between: the connection ends while its
 * client is checked out with no query running, as in a request that hashes a password inside a
 * transaction. Prints how the transaction ended, then "alive", and exits 0, unless the process
 * died first.
 */
import { once } from 'node:events';
import { sql } from 'kysely';
import { isDatabaseUnreachable, openDatabase } from '../../server/db/database.js';

const { db, close } = openDatabase(process.env.DATABASE_URL!);
try {
  await db.transaction().execute(async (tx) => {
    await sql`select 1`.execute(tx);
    console.log('in transaction');
    await once(process.stdin, 'data');
    await sql`select 1`.execute(tx);
  });
  console.log('committed');
} catch (error) {
  console.log(`failed, unreachable: ${isDatabaseUnreachable(error)}`);
}
console.log('alive');
await close().catch(() => {});
process.exit(0);
