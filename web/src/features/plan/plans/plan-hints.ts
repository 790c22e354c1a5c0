import type { PmSummary } from '../../../../../common/home';

/**
 * What needs attention in a PM's plan and shared vision, as sentences for a home page: not
 * started, a refresh due, suggestions waiting, most of it from the coach, a vision to answer.
 * `pmFirst` is null when the PM reads about their own plan.
 */
export function planHints({ plan, vision }: Pick<PmSummary, 'plan' | 'vision'>, pmFirst: string | null) {
  const isPm = pmFirst === null;
  const hints: string[] = [];
  if (!plan)
    hints.push(
      isPm ? 'Not started yet: it starts from your wheel.' : `${pmFirst} has not started a plan yet.`,
    );
  else {
    hints.push(
      `“${plan.headline}”: ${plan.themes} ${plan.themes === 1 ? 'theme' : 'themes'}, ${plan.actionsDone} of ${plan.actionsTotal} actions done.`,
    );
    const waiting = plan.openSuggestions;
    if (waiting > 0)
      hints.push(
        isPm
          ? `${waiting} ${waiting === 1 ? 'suggestion' : 'suggestions'} from your coach to accept or decline.`
          : `${waiting} of your suggestions open.`,
      );
    if (plan.refreshDue) hints.push('A quarterly refresh is due.');
    if (plan.manyFromCoach)
      hints.push(
        isPm
          ? 'Most of it came from your coach: make it yours.'
          : `Most of it came from you: invite ${pmFirst} to write it.`,
      );
  }
  if (vision.waitingForViewer) hints.push('A shared vision proposal waits for your answer.');
  else if (vision.revisitDue) hints.push('Time to revisit the shared vision.');
  return hints;
}
