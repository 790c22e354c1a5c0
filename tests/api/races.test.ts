import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildWorkspace } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

/** "Only one" under parallel requests: the database's unique indexes decide, not a check before an insert. */
describe('parallel requests', () => {
  it('make one pairing from ten parallel offers, and the rest hear 409', async () => {
    const admin = await buildWorkspace(app);
    const coach = await buildMember(app, admin, 'Cora Coach');
    const pm = await buildMember(app, admin, 'Pat PM');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => coach.client.post('/api/pairs', { pmId: pm.id })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual(Array(9).fill(409));
    const pairs = await app.deps.db
      .selectFrom('pairs')
      .select('id')
      .where('coach_id', '=', coach.id)
      .where('pm_id', '=', pm.id)
      .execute();
    expect(pairs).toHaveLength(1);
  });

  it('open one round from five parallel requests', async () => {
    const coach = await buildWorkspace(app);
    const pm = await buildPm(app, coach);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => coach.client.post(`/api/pms/${pm.id}/rounds`, {})),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/still open|already open/);
    }
    const open = await app.deps.db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('pm_id', '=', pm.id)
      .execute();
    expect(open).toHaveLength(1);
  });
});
