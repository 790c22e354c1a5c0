import type { NudgeWelcome } from '../../../../../common/nudges';
import { firstName, formatDate, fromNow } from '../../../ui/format';

/** "just now", "today", "3 days ago". */
function ago(iso: string) {
  const hours = (Date.now() - Date.parse(iso)) / 3_600_000;
  if (hours < 1) return 'just now';
  if (hours < 24) return 'today';
  return fromNow(iso);
}

/** "Pia welcomes nudges weekly; last nudge 3 days ago." — what a coach reads before writing. */
export function welcomeWords(w: NudgeWelcome): string {
  const first = firstName(w.pm.name);
  if (w.frequency === 'paused')
    return `${first} has paused nudges for now. Keep your thought for your next coaching session.`;
  const last = w.lastNudgeAt ? `last nudge ${ago(w.lastNudgeAt)}` : 'no nudge from you yet';
  const next = w.nextWelcomeAt
    ? ` The next one is welcome ${fromNow(w.nextWelcomeAt)} (${formatDate(w.nextWelcomeAt)}).`
    : '';
  return `${first} welcomes nudges ${w.frequency}; ${last}.${next}`;
}

export function WelcomeLine({ welcome }: { welcome: NudgeWelcome }) {
  const waiting = welcome.frequency === 'paused' || welcome.nextWelcomeAt !== null;
  return (
    <p className={waiting ? 'nudge-welcome nudge-welcome-wait' : 'nudge-welcome'}>{welcomeWords(welcome)}</p>
  );
}
