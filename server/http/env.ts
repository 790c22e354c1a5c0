import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db, Engine } from '../db/database.js';
import type { Mailer } from '../mail/mailer.js';
import type { Actor, LiveSession } from '../privacy/actor.js';

/** What every route and domain function may use; built once in main.ts (or per test). */
export interface Deps {
  db: Db;
  engine: Engine;
  config: Config;
  mailer: Mailer;
  log: Logger;
  /** The current time; tests set it to run the cadence (weeks without a session) without waiting. */
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    session: LiveSession | null;
    actor: Actor | null;
    clientAddress: string;
  };
}

export type App = OpenAPIHono<AppEnv>;

/** A route the signed-in only reach: the actor is never null (see access.ts). */
export interface SignedInEnv {
  Variables: { actor: Actor };
}
