import type { AccessLogEntry } from '../../../../common/schemas';

// The server's action names, in the words a PM reads.
const actions: Record<string, string> = {
  'overview:read': 'Opened your overview',
};

/** What happened, in plain words ("Opened your overview"). */
export function describeAction(entry: Pick<AccessLogEntry, 'action' | 'resource'>): string {
  const known = actions[entry.action];
  if (known) return known;
  const [, verb] = entry.action.split(':');
  const doing = verb === 'read' ? 'Viewed' : verb === 'write' ? 'Changed' : verb ?? entry.action;
  return `${doing} your ${entry.resource}`;
}

/** Who did it: "You" for the PM themself. */
export function describeActor(entry: Pick<AccessLogEntry, 'actor'>, meId: string): string {
  if (!entry.actor) return 'A deleted account';
  return entry.actor.id === meId ? 'You' : entry.actor.name;
}
