import type { Scale } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { visibleSince } from '../../../privacy/visible-history.js';
import { toScale } from '../../assess/rounds/scoring.js';
import { dipsOf } from '../../assess/wheel/dips.js';
import { perceptionGaps } from '../../assess/wheel/gaps.js';
import { revealedRoundsVisibleTo } from '../../assess/wheel/wheel-data.js';

/** What suggestions are chosen from: the PM's latest wheel, plan and vision, as the viewer may see them. */
export interface PmContext {
  /** The latest revealed round's scale (null: no revealed round yet). */
  scale: Scale | null;
  /** Up to two areas with the lowest self scores, lowest first. */
  lowest: { key: string; name: string; self: number }[];
  /** Areas that dipped in the latest revealed round, biggest drop first. */
  dips: { key: string; name: string; score: number }[];
  /** The biggest perception gap (self vs coach) when it is at least 1.5 points on 1–10. */
  gaps: { key: string; name: string; self: number; coach: number }[];
  /** The next bigger challenge: the agreed vision's, else the latest revealed round's (the PM's, else the coach's). */
  challenge: string | null;
  /** The current plan version's themes, in order, with their area and trait keys. */
  themes: { title: string; targets: string[] }[];
  /** Themes coloured red in the latest coaching session (empty until coaching sessions exist). */
  redThemes: { title: string; targets: string[] }[];
}

const GAP_ON_TEN_POINT_SCALE = 1.5;

/** Reads the context (logs nothing; the caller authorized the viewer). */
export async function pmContext(db: Db, viewer: Viewer): Promise<PmContext> {
  const rounds = await revealedRoundsVisibleTo(db, viewer);
  const latest = rounds.at(-1);
  const scale = latest?.scale ?? null;
  const areas = latest
    ? latest.content.areas.map((a) => ({
        key: a.key,
        name: a.name,
        self: latest.self[a.key],
        coach: latest.coach[a.key],
      }))
    : [];
  const scored = areas.flatMap((a) =>
    a.self === undefined ? [] : [{ key: a.key, name: a.name, self: a.self }],
  );
  const lowest = scored
    .map((a, index) => ({ a, index }))
    .sort((x, y) => x.a.self - y.a.self || x.index - y.index)
    .slice(0, 2)
    .map((x) => x.a);

  const dips = dipsOf(
    rounds.map((r) => ({ roundId: r.row.id, scale: r.scale, self: r.self })),
    rounds.length - 1,
  )
    .sort((x, y) => y.drop - x.drop)
    .flatMap((d) => {
      const area = areas.find((a) => a.key === d.key);
      return area ? [{ key: d.key, name: area.name, score: d.score }] : [];
    });

  const pairs = areas.flatMap((a) =>
    a.self === undefined || a.coach === undefined
      ? []
      : [{ key: a.key, name: a.name, self: a.self, coach: a.coach }],
  );
  const minGap = scale
    ? toScale(scale.min + GAP_ON_TEN_POINT_SCALE, { min: 1, max: 10 }, scale) - scale.min
    : 0;
  const gaps = perceptionGaps(pairs)
    .filter((g) => Math.abs(g.difference) >= minGap - 1e-9)
    .slice(0, 1)
    .map((g) => ({ key: g.areaKey, name: g.areaName, self: g.self, coach: g.coach }));

  const themes = await planThemes(db, viewer.pmId);
  return {
    scale,
    lowest,
    dips,
    gaps,
    challenge: (await agreedChallenge(db, viewer.pmId)) ?? latestOwnChallenge(rounds) ?? null,
    themes: themes.map((t) => ({ title: t.title, targets: t.targets })),
    redThemes: await redThemes(db, viewer, themes),
  };
}

async function agreedChallenge(db: Db, pmId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('vision_proposals')
    .select('next_bigger_challenge')
    .where('pm_id', '=', pmId)
    .where('status', '=', 'agreed')
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
  return row?.next_bigger_challenge.trim() || undefined;
}

function latestOwnChallenge(rounds: Awaited<ReturnType<typeof revealedRoundsVisibleTo>>) {
  for (const r of [...rounds].reverse()) {
    // The PM's own words first; the coach names one in every assessment.
    for (const side of ['self', 'coach'] as const) {
      const said = r.assessments.find((a) => a.side === side)?.next_bigger_challenge?.trim();
      if (said) return said;
    }
  }
  return undefined;
}

type PlanTheme = PmContext['themes'][number] & { lineageId: string };

async function planThemes(db: Db, pmId: string): Promise<PlanTheme[]> {
  const themes = await db
    .selectFrom('plans')
    .innerJoin('plan_themes', 'plan_themes.plan_id', 'plans.id')
    .select(['plan_themes.id', 'plan_themes.title', 'plan_themes.lineage_id'])
    .where('plans.pm_id', '=', pmId)
    .where('plans.replaced_at', 'is', null)
    .orderBy('plan_themes.position')
    .execute();
  if (!themes.length) return [];
  const targets = await db
    .selectFrom('plan_theme_targets')
    .select(['theme_id', 'key'])
    .where(
      'theme_id',
      'in',
      themes.map((t) => t.id),
    )
    .orderBy('position')
    .execute();
  return themes.map((t) => ({
    title: t.title,
    lineageId: t.lineage_id,
    targets: targets.filter((x) => x.theme_id === t.id).map((x) => x.key),
  }));
}

/**
 * Themes of the current plan whose latest colour (coaching sessions, table session_theme_colours)
 * is red: the PM's colour where they set one (the plan is theirs), else the coach's.
 */
async function redThemes(db: Db, viewer: Viewer, themes: PlanTheme[]): Promise<PmContext['redThemes']> {
  const { pmId } = viewer;
  if (!themes.length) return [];
  const colours = await db
    .selectFrom('session_theme_colours as c')
    .innerJoin('coaching_sessions as s', 's.id', 'c.session_id')
    .select(['c.lineage_id', 'c.side', 'c.colour', 's.starts_at'])
    .where('s.pm_id', '=', pmId)
    // Colours from sessions before a new coach's pairing are the PM's history (decision 038).
    .where('c.set_at', '>=', visibleSince(viewer, 'sessions') ?? '')
    .where(
      'c.lineage_id',
      'in',
      themes.map((t) => t.lineageId),
    )
    .orderBy('s.starts_at', 'desc')
    .execute();
  const latest = new Map<string, { startsAt: string; colour: string; side: string }>();
  for (const c of colours) {
    const seen = latest.get(c.lineage_id);
    if (!seen) latest.set(c.lineage_id, { startsAt: c.starts_at, colour: c.colour, side: c.side });
    else if (seen.startsAt === c.starts_at && c.side === 'pm') seen.colour = c.colour;
  }
  return themes
    .filter((t) => latest.get(t.lineageId)?.colour === 'red')
    .map((t) => ({ title: t.title, targets: t.targets }));
}
