import { PostgresAdapter, type Kysely } from 'kysely';

/** True when this Kysely instance talks to PostgreSQL (the few places SQL differs ask this). */
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;
