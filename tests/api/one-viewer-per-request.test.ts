import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/**
 * "Who is asking and what may they see" is read once per read request (issue 24): the session
 * lookup also reads the asker's pairs and history grants, and every check of that request uses them.
 */
const tablesAsked: string[][] = [];
let sessionBuilds = 0;
// By result, not by build: a query compiled once (the session lookup) is built only the first time.
const tablesOf = new WeakMap<object, string[]>();
const counter: KyselyPlugin = {
  transformQuery: ({ node, queryId }) => {
    const tables = new Set<string>();
    JSON.stringify(node, (key, value: unknown) => {
      const v = value as { kind?: string; table?: { identifier?: { name?: string } } };
      if (v?.kind === 'TableNode' && v.table?.identifier?.name) tables.add(v.table.identifier.name);
      return value;
    });
    tablesOf.set(queryId, [...tables]);
    if (tables.has('sessions')) sessionBuilds++;
    return node;
  },
  transformResult: async ({ result, queryId }) => {
    tablesAsked.push(tablesOf.get(queryId) ?? []);
    return result;
  },
};
const app = useTestApp({ plugins: [counter] });

describe('a read', () => {
  it("asks for the asker's pairs and history grants once, with the session", async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach, 'Ada PM');
    const round = await buildRound(pm, coach, { self: 7, coach: 6 });
    const plan = await pm.client.post(`/api/pms/${pm.id}/plan`, {
      headline: 'Own discovery',
      themes: [{ title: 'Talk to users', why: '', actions: [{ text: 'Three interviews' }] }],
    });
    expect(plan.status, plan.text).toBe(200);

    sessionBuilds = 0;
    for (const path of [
      `/api/pms/${pm.id}/plan`,
      `/api/pms/${pm.id}/history`,
      `/api/rounds/${round.id}/comparison`,
      '/api/home',
    ]) {
      tablesAsked.length = 0;
      const res = await coach.client.get(path);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      const whoIsAsking = tablesAsked.filter((t) => t.includes('sessions') || t.includes('history_grants'));
      expect(whoIsAsking, path).toEqual([['sessions', 'users', 'pairs', 'history_grants']]);
    }
    // Built and compiled once for the handle, before these four reads (decision 064).
    expect(sessionBuilds).toBe(0);
  });
});
