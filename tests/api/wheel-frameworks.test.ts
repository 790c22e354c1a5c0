import { describe, expect, it } from 'vitest';
import { buildMember, buildPm, buildRound, buildWorkspace, scoresFor } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const app = useTestApp({ perTest: true });

describe('frameworks', () => {
  it('starts every workspace with the PMwheel: eight areas, statements, low/middle/high, traits', async () => {
    const admin = await buildWorkspace(app);
    const list = (await admin.client.get('/api/frameworks')).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'PMwheel', kind: 'default', currentVersion: 1, canEdit: true });
    const wheel = (await admin.client.get(`/api/frameworks/${list[0].id}`)).body.current;
    expect(wheel.areas.map((a: { name: string }) => a.name)).toEqual([
      'Understand the problem',
      'Find solutions',
      'Planning',
      'Get it done',
      'Listen and learn',
      'Team',
      'Personal growth',
      'Agile',
    ]);
    for (const area of wheel.areas) {
      expect(area.statements.length).toBeGreaterThanOrEqual(3);
      expect(area.statements.length).toBeLessThanOrEqual(6);
      expect(area.low && area.middle && area.high).toBeTruthy();
    }
    expect(wheel.traits.map((t: { name: string }) => t.name)).toContain('Curiosity');
    expect(wheel.scale).toEqual({ min: 1, max: 10 });
  });

  it('lets a coach copy and adapt the default; each save is a new version and old rounds keep theirs', async () => {
    const admin = await buildWorkspace(app);
    const lead = await buildMember(app, admin, 'Lea Lead');
    const pm = await buildPm(app, lead);
    const [defaultFramework] = (await lead.client.get('/api/frameworks')).body;
    expect(defaultFramework.canEdit).toBe(false);
    const refused = await lead.client.put(`/api/frameworks/${defaultFramework.id}`, {
      name: 'Mine',
      areas: [{ name: 'X', statements: [{ text: 'Y' }] }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Only its owner can change this framework. Copy it to adapt it.');
    const removal = await lead.client.delete(`/api/frameworks/${defaultFramework.id}`);
    expect(removal.body.error.message).toBe('Only its owner can remove this framework.');

    const copy = (
      await lead.client.post(`/api/frameworks/${defaultFramework.id}/copy`, { name: 'Acme PM compass' })
    ).body;
    expect(copy).toMatchObject({
      kind: 'own',
      name: 'Acme PM compass',
      canEdit: true,
      owner: { id: lead.id },
    });
    const first = await buildRound(pm, lead, { self: 8, coach: 8 });
    expect(first.framework.name).toBe('PMwheel');

    const content = copy.current;
    const edited = {
      ...content,
      baseVersion: 1,
      scale: { min: 1, max: 5 },
      areas: [
        { ...content.areas[5], name: 'Team and stakeholders' },
        {
          name: 'Data fluency',
          description: 'Reads the numbers',
          statements: [{ text: 'Is good at writing SQL' }, { text: 'Is good at reading a funnel' }],
        },
        ...content.areas.slice(0, 2),
      ],
    };
    const saved = await lead.client.put(`/api/frameworks/${copy.id}`, edited);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.currentVersion).toBe(2);
    expect(saved.body.current.areas[0]).toMatchObject({ key: 'team', name: 'Team and stakeholders' });
    expect(saved.body.current.areas[1].key).toBe('data-fluency');
    expect(saved.body.current.areas[1].statements.map((s: { key: string }) => s.key)).toEqual([
      'data-fluency.1',
      'data-fluency.2',
    ]);
    expect((await lead.client.put(`/api/frameworks/${copy.id}`, edited)).status).toBe(409);

    const second = (await lead.client.post(`/api/pms/${pm.id}/rounds`, { frameworkId: copy.id })).body;
    expect(second.frameworkVersion).toMatchObject({ version: 2, scale: { min: 1, max: 5 } });
    await pm.client.post(`/api/rounds/${second.id}/assessments/self/submit`, {
      scores: scoresFor(second, { team: 2 }),
    });
    await lead.client.post(`/api/rounds/${second.id}/assessments/coach/submit`, {
      scores: scoresFor(second, 4),
      nextBiggerChallenge: 'Lead the data guild',
    });

    // The first round still shows the version it was made on.
    const old = (await pm.client.get(`/api/rounds/${first.id}`)).body;
    expect(old.frameworkVersion).toMatchObject({ version: 1, name: 'PMwheel' });
    expect(old.frameworkVersion.areas).toHaveLength(8);
    expect(
      (await lead.client.get(`/api/frameworks/${copy.id}/versions`)).body.map(
        (v: { version: number }) => v.version,
      ),
    ).toEqual([2, 1]);
    expect((await lead.client.get(`/api/frameworks/${copy.id}/versions/1`)).body.isCurrent).toBe(false);

    // History follows the team area across versions and scales; a 2 on 1–5 after an 8 on 1–10 is a dip.
    const history = (await pm.client.get(`/api/pms/${pm.id}/history`)).body;
    expect(history.scale).toEqual({ min: 1, max: 5 });
    const team = history.areas.find((a: { key: string }) => a.key === 'team');
    expect(team.name).toBe('Team and stakeholders');
    expect(team.points.map((p: { self: number }) => p.self)).toEqual([4.11, 2]);
    const cmp = (await lead.client.get(`/api/rounds/${second.id}/comparison`)).body;
    expect(cmp.dips.map((d: { areaKey: string }) => d.areaKey)).toEqual(['team']);
    expect(cmp.areas.find((a: { key: string }) => a.key === 'data-fluency').change).toEqual({
      self: null,
      coach: null,
    });
  });

  it('exports to JSON and imports it back; a bad file gets errors naming the field', async () => {
    const admin = await buildWorkspace(app);
    const [wheel] = (await admin.client.get('/api/frameworks')).body;
    const file = await admin.client.get(`/api/frameworks/${wheel.id}/export`);
    expect(file.headers.get('content-disposition')).toContain('framework-pmwheel.json');
    expect(file.body).toMatchObject({ format: 'wheelhouse-framework', formatVersion: 1, name: 'PMwheel' });
    const imported = await admin.client.post('/api/frameworks/import', {
      ...file.body,
      name: 'Imported wheel',
    });
    expect(imported.body).toMatchObject({ name: 'Imported wheel', kind: 'own' });
    expect(imported.body.current.areas).toEqual(file.body.areas);
    const template = await admin.client.post('/api/frameworks/import?asTemplate=true', file.body);
    expect(template.body.kind).toBe('template');

    const bad = async (body: unknown) =>
      (await admin.client.post('/api/frameworks/import', body)).body.error.message as string;
    expect(await bad({ ...file.body, format: 'excel' })).toContain('format: must be "wheelhouse-framework"');
    expect(await bad({ ...file.body, areas: [{ ...file.body.areas[0], name: '' }] })).toContain(
      'areas.0.name: is required',
    );
    expect(await bad({ ...file.body, scale: { min: 5, max: 6 } })).toContain(
      'scale.max: must span at least three points',
    );
    expect(await bad({ ...file.body, areas: [file.body.areas[0], file.body.areas[0]] })).toBe(
      'areas.1.key: is used twice in this framework',
    );
    expect(await bad({ ...file.body, areas: [{ ...file.body.areas[0], statements: [] }] })).toContain(
      'areas.0.statements: needs at least one statement',
    );
    const first = file.body.areas[0];
    const reserved = { ...first, statements: [{ ...first.statements[0], key: 'constructor' }] };
    expect(await bad({ ...file.body, areas: [reserved] })).toContain(
      'areas.0.statements.0.key: is a reserved word',
    );
    const lead = await buildMember(app, admin);
    const asTemplate = await lead.client.post('/api/frameworks/import?asTemplate=true', file.body);
    expect(asTemplate.status).toBe(403);
    expect(asTemplate.body.error.message).toBe('Only a workspace admin can create workspace templates.');
  });
});
