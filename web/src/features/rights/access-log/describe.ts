import type { AccessLogEntry } from '../../../../../common/schemas';
import { formatDateTime, formatTime, isToday } from '../../../ui/format';

// The server's action names, in the words a PM reads. Old names stay: old entries keep them.
const actions: Record<string, string> = {
  'overview:read': 'Opened your overview',
  'summary:read': 'Saw your plan, vision and dips at a glance on the home page',
  'round:list': 'Looked at your assessment rounds',
  'round:open': 'Started an assessment round',
  'round:read': 'Opened an assessment round',
  'assessment:read': 'Opened an assessment',
  'assessment:write': 'Changed an assessment',
  'comparison:read': 'Looked at your wheel',
  'history:read': 'Looked at your history',
  'dips:read': 'Looked at your dips',
  'wheel:export': 'Downloaded your wheel',
  'everything:export': 'Downloaded everything they may see of you',
  'peers:manage': 'Managed your peer reviews',
  'vision:read': 'Looked at your shared vision',
  'vision:propose': 'Proposed a shared vision',
  'vision:accept': 'Agreed to your shared vision',
  'vision:withdraw': 'Withdrew a shared vision proposal',
  'vision:write': 'Proposed or agreed on your shared vision',
  'plan:read': 'Looked at your development plan',
  'plan:write': 'Changed your development plan',
  'plan:comment': 'Commented on your development plan',
  'plan-comment:remove': 'Removed a comment on your plan',
  'plan-suggestion:create': 'Suggested a change to your plan',
  'plan-suggestion:decide': 'Accepted or declined a suggestion on your plan',
  'plan-suggestion:withdraw': 'Withdrew a suggestion on your plan',
  'plan-suggestion:write': 'Suggested or decided a change to your plan',
  'check-in:read': 'Looked at your check-ins',
  'check-in:write': 'Checked in: how you feel',
  'check-in:delete': 'Deleted one of your check-ins',
  'pulse:read': 'Looked at your pulses',
  'pulse:write': 'Gave a pulse on an area',
  'timeline:read': 'Looked at your timeline',
  'questions:suggest': 'Looked at questions suggested for you',
  'questions:mark-asked': 'Marked coaching questions as asked',
  'coaching-session:list': 'Looked at your coaching sessions',
  'coaching-session:schedule': 'Scheduled a coaching session with you',
  'coaching-session:read': 'Opened a coaching session',
  'coaching-session:change': 'Worked on a coaching session: agenda, colours, notes or next steps',
  'coaching-session-private-note:write':
    'Wrote their own private note on a coaching session (only they see it)',
  'history-grants:read': 'Looked at what you share of your history from before a pairing',
  'history-grants:grant': 'Shared your history from before the pairing',
  'history-grants:revoke': 'Stopped sharing your history from before the pairing',
  'round:close': 'Closed an assessment round without a reveal (its coach had left)',
  'round:hand-over': 'Handed an assessment round to a current coach (its coach had left)',
  'self-check:list': 'Looked at your self-checks',
  'self-check:create': 'Started a self-check',
  'self-check:read': 'Opened one of your self-checks',
  'self-check:write': 'Worked on a self-check: scores, note or sharing',
  'reflection:list': 'Read the reflections you shared',
  'reflection:read': 'Read a reflection you shared',
  'round-traits:write': 'Wrote words about the traits in a round',
  'nudge:send': 'Sent you a nudge',
  'nudge:list': 'Read your nudges and answers',
  'nudge:respond': 'Reacted to or answered a nudge',
  'nudge-ideas:read': 'Looked at nudge ideas from your plan',
  'access-log:read': 'Looked at who saw your data',
  'reflection:write': 'Wrote a reflection',
  'reflection:change': 'Changed a reflection',
  'reflection:share': 'Shared a reflection with your coach',
  'plan-version:read': 'Opened an earlier version of your plan',
};

/** Whether an action has words of its own here (the rules' completeness test asks this of every row). */
export const hasOwnWords = (action: string) => Object.hasOwn(actions, action);

const withDetail = new Set([
  'history-grants:grant',
  'history-grants:revoke',
  'round:close',
  'round:hand-over',
]);

/** What happened, in plain words ("Opened your overview"). */
export function describeAction(entry: Pick<AccessLogEntry, 'action' | 'resource'>): string {
  const known = actions[entry.action];
  // Whom a grant is for and what it shares is part of what happened.
  if (known && withDetail.has(entry.action)) return `${known}: ${entry.resource}`;
  if (known) return known;
  const [, verb] = entry.action.split(':');
  const doing = verb === 'read' ? 'Viewed' : verb === 'write' ? 'Changed' : (verb ?? entry.action);
  return `${doing} your ${entry.resource}`;
}

/**
 * How often it happened, when the server collapsed repeats into one entry: "8 times since 9:38"
 * (with the date when the first was not today); null for a single time.
 */
export function describeRepeats(entry: Pick<AccessLogEntry, 'count' | 'firstAt'>, now = new Date()) {
  if (entry.count <= 1) return null;
  const since = isToday(entry.firstAt, now) ? formatTime(entry.firstAt) : formatDateTime(entry.firstAt);
  return `${entry.count} times since ${since}`;
}

/** Who did it: "You" for the PM themself. */
export function describeActor(entry: Pick<AccessLogEntry, 'actor'>, meId: string): string {
  if (!entry.actor) return 'A deleted account';
  return entry.actor.id === meId ? 'You' : entry.actor.name;
}
