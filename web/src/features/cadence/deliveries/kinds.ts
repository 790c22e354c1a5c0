import type { InboxItem } from '../../../../../common/deliveries';

type Kind = InboxItem['kind'];

/** How each kind of delivery is named to people. */
export const kindNames: Record<Kind, string> = {
  nudge: 'Nudges from your coach',
  'nudge-reply': 'Answers to your nudges',
  'coach-weekly-prompt': 'Weekly nudge ideas (when you coach)',
  'session-tomorrow': 'A coaching session tomorrow',
  'session-overdue': 'A coaching session overdue',
  'action-due': 'An action due',
  'plan-refresh-due': 'The quarterly plan refresh due',
  'vision-revisit-due': 'The shared vision’s revisit due',
  'round-waiting': 'A wheel round waiting for you',
  'invitation-expiring': 'An invitation about to expire',
  'session-scheduled': 'A coaching session scheduled (with a calendar invitation by email)',
  'session-moved': 'A coaching session moved',
  'session-cancelled': 'A coaching session cancelled',
  test: 'Tests',
};

/** Kinds a person may turn off; nudges are paused with the nudge frequency instead. */
export const switchable: Exclude<Kind, 'test' | 'nudge' | 'nudge-reply'>[] = [
  'coach-weekly-prompt',
  'session-tomorrow',
  'session-overdue',
  'action-due',
  'plan-refresh-due',
  'vision-revisit-due',
  'round-waiting',
  'invitation-expiring',
  'session-scheduled',
  'session-moved',
  'session-cancelled',
];

/** Lets the header's unread count know the inbox changed (marked read on this page). */
export const inboxChanged = () => window.dispatchEvent(new Event('wheelhouse:inbox-changed'));
