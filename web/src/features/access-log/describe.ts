import type { AccessLogEntry } from '../../../../common/schemas';

// The server's action names, in the words a PM reads.
const actions: Record<string, string> = {
  'overview:read': 'Opened your overview',
  'round:list': 'Looked at your assessment rounds',
  'round:open': 'Started an assessment round',
  'round:read': 'Opened an assessment round',
  'assessment:read': 'Opened an assessment',
  'assessment:write': 'Changed an assessment',
  'comparison:read': 'Looked at your wheel',
  'history:read': 'Looked at your history',
  'dips:read': 'Looked at your dips',
  'wheel:export': 'Downloaded your wheel',
  'peers:manage': 'Managed your peer reviews',
  'vision:read': 'Looked at your shared vision',
  'vision:write': 'Proposed or agreed on your shared vision',
  'plan:read': 'Looked at your development plan',
  'plan:write': 'Changed your development plan',
  'plan:comment': 'Commented on your development plan',
  'plan-suggestion:write': 'Suggested or decided a change to your plan',
};

/** What happened, in plain words ("Opened your overview"). */
export function describeAction(entry: Pick<AccessLogEntry, 'action' | 'resource'>): string {
  const known = actions[entry.action];
  if (known) return known;
  const [, verb] = entry.action.split(':');
  const doing = verb === 'read' ? 'Viewed' : verb === 'write' ? 'Changed' : (verb ?? entry.action);
  return `${doing} your ${entry.resource}`;
}

/** Who did it: "You" for the PM themself. */
export function describeActor(entry: Pick<AccessLogEntry, 'actor'>, meId: string): string {
  if (!entry.actor) return 'A deleted account';
  return entry.actor.id === meId ? 'You' : entry.actor.name;
}
