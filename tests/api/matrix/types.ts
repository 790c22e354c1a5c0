import type { TestApp } from '../../support/test-app.js';
import type { Relation, World } from '../../support/world.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of the authorization matrix: who may call it, and how to call it in a world. */
export interface MatrixRow {
  method: Method;
  /** The OpenAPI path template, e.g. /api/pairs/{id}/accept. */
  path: string;
  /** The relations that are let in; everyone else must be refused and change nothing. */
  allowed: readonly Relation[];
  /** A PM's coaching data: a refusal must be 404, exactly like a missing thing. */
  coachingData?: boolean;
  /** Status every refused relation gets, when it is not an access refusal (e.g. 409 for setup). */
  refusedStatus?: number;
  request: (
    world: World,
    relation: Relation,
    app: TestApp,
  ) => { path: string; body?: unknown } | Promise<{ path: string; body?: unknown }>;
  /** For list routes: who must find the world's item in the answer (the rest must not). */
  sees?: { relations: readonly Relation[]; find: (body: any, world: World) => boolean };
}

export const everyone: readonly Relation[] = [
  'self',
  'coach',
  'formerCoach',
  'otherCoach',
  'otherPm',
  'admin',
  'outsider',
  'anonymous',
];
export const signedIn: readonly Relation[] = everyone.filter((r) => r !== 'anonymous');
export const workspaceMembers: readonly Relation[] = signedIn.filter((r) => r !== 'outsider');
