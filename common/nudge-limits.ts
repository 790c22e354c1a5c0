/**
 * The nudge's length limits and reaction words, without zod: the web app imports these values (a value import from
 * common/nudges.ts would put zod and its OpenAPI layer, ~390 KB, into the plan page's JavaScript).
 */
export const NUDGE_MAX = 280;
export const NUDGE_REPLY_MAX = 280;

export const nudgeReactions = ['done', 'thanks', 'not-now'] as const;

/** The words the web and the deliveries show for a reaction. */
export const reactionWords: Record<(typeof nudgeReactions)[number], string> = {
  done: 'Done',
  thanks: 'Thanks',
  'not-now': 'Not now',
};
