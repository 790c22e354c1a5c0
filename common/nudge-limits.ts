/**
 * The nudge's length limits, without zod: the web app imports these values (a value import from
 * common/nudges.ts would put zod and its OpenAPI layer, ~390 KB, into the plan page's JavaScript).
 */
export const NUDGE_MAX = 280;
export const NUDGE_REPLY_MAX = 280;
