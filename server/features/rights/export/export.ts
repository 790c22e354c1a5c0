import {
  EXPORT_SCHEMA,
  EXPORT_VERSION,
  exportKinds,
  type ExportKind,
  type ExportManifest,
} from '../../../../common/export.js';
import type { Db } from '../../../db/database.js';
import { linksOf } from '../../people/single-sign-on/links.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize, may, sideMay } from '../../../privacy/authorize.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visiblePlanVersions } from '../../../privacy/visible-history.js';
import { visibleSelfChecks } from '../../../privacy/visible-self-checks.js';
import { checkInsVisibleTo, presentCheckIn } from '../../cadence/check-ins/check-ins.js';
import { presentPulse, pulsesOf } from '../../cadence/check-ins/pulses.js';
import {
  coachingSessionsOf,
  presentCoachingSession,
} from '../../cadence/coaching-sessions/coaching-session-reading.js';
import { loadVersion, presentVersion } from '../../define-good/frameworks/framework-versions.js';
import { nudgesVisibleTo, presentNudges } from '../../cadence/nudges/nudges.js';
import { presentPlan } from '../../plan/plans/plan-reading.js';
import { reflectionsVisibleTo } from '../../cadence/reflections/reflections.js';
import { presentAssessment } from '../../assess/rounds/assessments.js';
import { roundsVisibleTo } from '../../assess/rounds/round-queries.js';
import { presentRoundTraits } from '../../assess/rounds/round-traits.js';
import { presentRounds } from '../../assess/rounds/rounds.js';
import { present as presentSelfCheck } from '../../assess/self-checks/self-checks.js';
import { presentVision } from '../../plan/visions/vision-presenter.js';
import { buildComparison } from '../../assess/wheel/comparison.js';
import {
  renderIndexHtml,
  renderKindHtmlEnd,
  renderKindHtmlItem,
  renderKindHtmlStart,
} from './export-html.js';
import { collectStory, emptyStory, renderStory } from './readme-story.js';

/** Rows read from the database at a time: the whole export is never held in memory. */
export const EXPORT_PAGE_SIZE = 200;

type Page = readonly unknown[];
type Source = (viewer: Viewer) => AsyncGenerator<Page>;

interface Call {
  db: Db;
  actor: Actor;
  pmId: string;
  now: Date;
}

/** Pages newest first by (created_at, id), through a viewer-aware read taking an `older` cursor. */
async function* byCursor<R extends { created_at: string; id: string }>(
  read: (older?: { at: string; idBelow: string }) => Promise<readonly R[]>,
  present: (rows: readonly R[]) => Promise<Page> | Page,
): AsyncGenerator<Page> {
  let older: { at: string; idBelow: string } | undefined;
  for (;;) {
    const rows = await read(older);
    if (!rows.length) return;
    yield await present(rows);
    const last = rows[rows.length - 1]!;
    older = { at: last.created_at, idBelow: last.id };
  }
}

async function* inChunks<T, U>(all: readonly T[], present: (item: T) => Promise<U>): AsyncGenerator<Page> {
  for (let i = 0; i < all.length; i += 20) {
    const page: U[] = [];
    for (const item of all.slice(i, i + 20)) page.push(await present(item));
    yield page;
  }
}

/** Each kind of data, read only through the feature's own viewer-aware functions (never hand-filtered). */
function sources(db: Db, actor: Actor, now: Date): Record<ExportKind, Source> {
  const limit = EXPORT_PAGE_SIZE;
  return {
    async *account(viewer) {
      const user = await db
        .selectFrom('users')
        .select(['id', 'name', 'email'])
        .where('id', '=', viewer.pmId)
        .executeTakeFirstOrThrow();
      // The email is the PM's own; a coach's export names the PM only.
      if (!may(viewer, 'account-details:see')) return yield [{ id: user.id, name: user.name }];
      // Their single sign-on links (issue 23), when they have any.
      const singleSignOn = await linksOf(db, user.id);
      yield [singleSignOn.length ? { ...user, singleSignOn } : user];
    },
    async *rounds(viewer) {
      const rows = await roundsVisibleTo(db, viewer);
      const current = new Map(
        (
          await db
            .selectFrom('frameworks')
            .select(['id', 'current_version_number'])
            .where('workspace_id', '=', actor.workspaceId)
            .execute()
        ).map((f) => [f.id, f.current_version_number]),
      );
      yield* inChunks(rows, async (row) => {
        const [presented] = await presentRounds(db, [row], viewer);
        const version = await loadVersion(db, row.framework_version_id);
        const sides = (['self', 'coach'] as const).filter((side) =>
          may(viewer, 'assessment:see', { round: row, side }),
        );
        return {
          round: presented,
          frameworkVersion: presentVersion(version, current.get(version.frameworkId) ?? -1),
          assessments: await Promise.all(sides.map((side) => presentAssessment(db, row, side))),
          traitsInWords: await presentRoundTraits(db, row, viewer),
          comparison: row.revealed_at ? await buildComparison(db, row, viewer) : null,
        };
      });
    },
    'self-checks': (viewer) =>
      // Drafts and submitted ones: the PM all of theirs, a coach only those shared with them.
      byCursor(
        (older) => {
          let query = visibleSelfChecks(db, viewer).selectAll();
          if (older)
            query = query.where((eb) =>
              eb.or([
                eb('sc.created_at', '<', older.at),
                eb.and([eb('sc.created_at', '=', older.at), eb('sc.id', '<', older.idBelow)]),
              ]),
            );
          return query.orderBy('sc.created_at', 'desc').orderBy('sc.id', 'desc').limit(limit).execute();
        },
        async (rows) => {
          const page = [];
          for (const selfCheck of rows)
            if (may(viewer, 'self-check:read', { selfCheck }))
              page.push(await presentSelfCheck(db, viewer, selfCheck));
          return page;
        },
      ),
    async *reflections(viewer) {
      let older: { at: string; id: string } | undefined;
      for (;;) {
        const page = await reflectionsVisibleTo(db, viewer, { limit, older });
        if (!page.length) return;
        yield page;
        const last = page[page.length - 1]!;
        older = { at: last.createdAt, id: last.id };
      }
    },
    async *plans(viewer) {
      const rows = await visiblePlanVersions(db, viewer).selectAll().orderBy('number', 'desc').execute();
      yield* inChunks(rows, (row) => presentPlan({ db, row, viewer, now }));
    },
    async *vision(viewer) {
      yield [await presentVision(db, viewer)];
    },
    async *'coaching-sessions'(viewer) {
      const rows = await coachingSessionsOf(db, viewer);
      yield* inChunks(rows, (row) => presentCoachingSession(db, viewer, row, now));
    },
    'check-ins': (viewer) =>
      byCursor(
        (older) => checkInsVisibleTo(db, viewer, { limit, older }),
        (rows) => rows.map(presentCheckIn),
      ),
    pulses: (viewer) =>
      byCursor(
        (older) => pulsesOf(db, viewer, { limit, older }),
        (rows) => rows.map(presentPulse),
      ),
    nudges: (viewer) =>
      byCursor(
        (older) => nudgesVisibleTo(db, viewer, { limit, older }),
        (rows) => presentNudges(db, [...rows]),
      ),
    async *'access-log'(viewer) {
      // The log is the PM's alone (the rules' 'access-log:read'); every line, oldest last.
      if (!sideMay('access-log:read', viewer.side)) return;
      yield* byCursor(
        (older) => {
          let query = db
            .selectFrom('access_log')
            .leftJoin('users', 'users.id', 'access_log.actor_id')
            .select([
              'access_log.id',
              'access_log.at as created_at',
              'access_log.action',
              'access_log.resource',
              'users.name as actor_name',
            ])
            .where('access_log.pm_id', '=', viewer.pmId);
          if (older)
            query = query.where((eb) =>
              eb.or([
                eb('access_log.at', '<', older.at),
                eb.and([eb('access_log.at', '=', older.at), eb('access_log.id', '<', older.idBelow)]),
              ]),
            );
          return query
            .orderBy('access_log.at', 'desc')
            .orderBy('access_log.id', 'desc')
            .limit(limit)
            .execute();
        },
        (rows) =>
          rows.map((r) => ({
            at: r.created_at,
            who: r.actor_name ?? 'Someone no longer here',
            action: r.action,
            resource: r.resource,
          })),
      );
    },
  };
}

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60) || 'pm';

export interface StartedExport {
  fileName: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * Everything the viewer may see of a PM, as a zip streamed page by page (decision 042). The checks
 * and the one access-log entry happen before the first byte: a refused request leaves no entry and
 * gets a 404 like a missing PM; after that, the data is read as the stream is consumed.
 */
export async function startExport(input: Call): Promise<StartedExport> {
  const { db, actor, pmId, now } = input;
  const grant = await authorize({ db, actor, pmId, action: 'everything:export' });
  const pm = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', pmId)
    .executeTakeFirstOrThrow();
  await recordAccess({ db, grant, resource: 'everything they may see (export)' });
  const generatedAt = now.toISOString();
  const fileName = `wheelhouse-${slug(pm.name)}-${generatedAt.slice(0, 10)}.zip`;
  const read = sources(db, actor, now);
  const encoder = new TextEncoder();

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  const room = async () => {
    while (!cancelled && (controller.desiredSize ?? 0) <= 0) await new Promise<void>((r) => (wake = r));
  };

  const produce = async () => {
    // Loaded on the first export, not at start.
    const { Zip, ZipDeflate } = await import('fflate');
    const zip = new Zip((err, chunk, final) => {
      if (cancelled) return;
      if (err) {
        cancelled = true;
        return controller.error(err);
      }
      controller.enqueue(chunk);
      if (final) controller.close();
    });
    const file = (path: string) => {
      const f = new ZipDeflate(path, { level: 6 });
      zip.add(f);
      return {
        write: (text: string) => f.push(encoder.encode(text)),
        end: (text = '') => f.push(encoder.encode(text), true),
      };
    };
    const counts: Record<string, number> = {};
    const files: Record<string, string> = {};
    const story = emptyStory();
    for (const kind of exportKinds) {
      // The JSON file: one array, written item by item.
      const json = file(`data/${kind}.json`);
      let count = 0;
      json.write('[');
      for await (const page of read[kind](grant)) {
        // One push per page: the deflater works best on larger pieces.
        json.write(page.map((item) => `${count++ ? ',' : ''}\n${JSON.stringify(item)}`).join(''));
        await room();
        if (cancelled) return;
      }
      json.end(count ? '\n]\n' : ']\n');
      counts[kind] = count;
      files[kind] = `data/${kind}.json`;
      // The readable page: the same data read again, so neither copy is held whole.
      const html = file(`html/${kind}.html`);
      html.write(renderKindHtmlStart(kind, pm.name, count));
      let n = 0;
      for await (const page of read[kind](grant)) {
        for (const item of page) collectStory(story, kind, item);
        html.write(page.map((item) => renderKindHtmlItem(kind, item, ++n)).join(''));
        await room();
        if (cancelled) return;
      }
      html.end(renderKindHtmlEnd());
    }
    const manifest: ExportManifest = {
      schema: EXPORT_SCHEMA,
      version: EXPORT_VERSION,
      generatedAt,
      pm: { id: pm.id, name: pm.name },
      exportedBy: { id: actor.id, name: actor.name, side: grant.side },
      format: 'json-array',
      files,
      counts,
    };
    file('manifest.json').end(`${JSON.stringify(manifest, null, 2)}\n`);
    file('README.html').end(renderIndexHtml(manifest, renderStory(story)));
    zip.end();
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        produce().catch((error: unknown) => {
          if (cancelled) return;
          cancelled = true;
          controller.error(error);
        });
      },
      pull() {
        wake?.();
        wake = null;
      },
      cancel() {
        cancelled = true;
        wake?.();
        wake = null;
      },
    },
    { highWaterMark: 8 },
  );
  return { fileName, body };
}
