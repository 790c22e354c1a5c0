import { describe, expect, it } from 'vitest';
import { buildPm, buildRound, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

describe('the HTTP edge', () => {
  it('tells browsers and proxies never to keep an API answer', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach);
    for (const path of ['/api/session', `/api/pms/${pm.id}/history`, `/api/pms/${pm.id}/nothing-here`]) {
      expect((await coach.client.get(path)).headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('refuses a cross-site request before it reaches a PM’s data, and logs no read', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    await buildRound(pm, coach);
    const entries = () =>
      app.deps.db.selectFrom('access_log').select('id').where('pm_id', '=', pm.id).execute();
    const before = (await entries()).length;
    const forged = await coach.client.request('GET', `/api/pms/${pm.id}/wheel/export`, undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(forged.status).toBe(403);
    // The refusal is an API answer like any other: no browser or proxy keeps it.
    expect(forged.headers.get('cache-control')).toBe('no-store');
    expect((await entries()).length).toBe(before);
    const own = await coach.client.request('GET', `/api/pms/${pm.id}/wheel/export`, undefined, {
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });

  it('refuses a write with a wrong CSRF token of any length', async () => {
    const coach = await buildWorkspace(app);
    const token = coach.client.csrfToken;
    const wrongSameLength = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    for (const sent of [wrongSameLength, 'short', '']) {
      const res = await coach.client.request('POST', '/api/auth/sign-out', {}, { 'x-csrf-token': sent });
      expect(res.status, sent).toBe(403);
    }
    expect((await coach.client.get('/api/session')).body.me).not.toBeNull();
  });

  it('closes the connection after refusing a body that is too large, and says so', async () => {
    const coach = await buildWorkspace(app);
    const res = await coach.client.request('POST', '/api/frameworks/import', 'x'.repeat(1024 * 1024 + 10), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect((await coach.client.get('/api/session')).status).toBe(200);
  });
});
