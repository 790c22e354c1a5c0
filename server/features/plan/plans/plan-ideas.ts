import type { ExampleActionSet, PlanIdeas } from '../../../../common/plans.js';
import type { FrameworkContent } from '../../../../common/wheel.js';
import type { Db } from '../../../db/database.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { presentVision } from '../visions/vision-presenter.js';
import { exampleActionsForArea } from './example-actions.js';
import { pmFramework } from './plan-targets.js';
import { rankThemeIdeas } from './theme-ideas.js';
import { traitExampleActions } from './trait-actions.js';
import { latestAreas, revealedRoundsFor } from './wheel-reading.js';

/**
 * Where a plan can start: theme ideas from the PM's latest revealed wheel (dips, gaps, lowest
 * areas), the areas and traits a theme can name, and example actions for each of them.
 */
export async function getPlanIdeas(input: { db: Db; actor: Actor; pmId: string }): Promise<PlanIdeas> {
  const { db, actor, pmId } = input;
  const grant = await authorize({ db, actor, action: 'plan:read', pmId });
  const rounds = await revealedRoundsFor(db, grant);
  const latest = rounds.at(-1);
  const framework = await pmFramework(db, pmId);
  const { areas, traits } = framework.content;
  const challenge = latest ? (await presentVision(db, grant)).agreed?.nextBiggerChallenge : undefined;
  await recordAccess({ db, grant, resource: 'plan ideas' });
  return {
    round: latest
      ? { id: latest.row.id, title: latest.row.title, revealedAt: latest.row.revealed_at! }
      : null,
    framework: {
      versionId: framework.id,
      name: framework.content.name,
      areas: areas.map(({ key, name }) => ({ key, name })),
      traits: traits.map(({ key, name }) => ({ key, name })),
    },
    themeIdeas: latest
      ? rankThemeIdeas({
          areas: latestAreas(rounds),
          scale: latest.scale,
          examples: exampleActionsForArea,
          challenge,
        })
      : [],
    exampleActions: exampleActionSets(framework.content),
  };
}

/** Example actions for every area and trait of the framework. */
function exampleActionSets({ areas, traits }: FrameworkContent): ExampleActionSet[] {
  return [
    ...areas.map((a) => ({
      kind: 'area' as const,
      key: a.key,
      name: a.name,
      actions: exampleActionsForArea(a.key),
    })),
    ...traits.map((t) => ({
      kind: 'trait' as const,
      key: t.key,
      name: t.name,
      actions: traitExampleActions[t.key] ?? [],
    })),
  ];
}
