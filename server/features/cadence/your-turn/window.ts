import { DAY_MS } from '../reminders/reminder-rules.js';

/**
 * A your-turn notice is produced by every sweep for events this recent; the outbox's unique key
 * stores it once, so "at once" means the next sweep, and a sweep missed for a while (a restart)
 * still catches up. Older events are left alone: the later reminders cover what stays undone.
 */
export const YOUR_TURN_WINDOW_MS = 2 * DAY_MS;

export const windowStart = (now: Date) => new Date(now.getTime() - YOUR_TURN_WINDOW_MS).toISOString();
