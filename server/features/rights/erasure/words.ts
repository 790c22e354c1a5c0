import type { ErasureCounts } from '../../../../common/erasure.js';

/** "1 round", "3 rounds", "no rounds": a count in words the page can say plainly. */
export function counted(count: number, one: string, many = `${one}s`): string {
  if (count === 0) return `no ${many}`;
  return `${count} ${count === 1 ? one : many}`;
}

const list = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;

/**
 * What an erasure takes and what it leaves, in sentences built from the person's own counts
 * (decision 043). Kinds with nothing in them are left out, so the page names only what exists.
 */
export function whatGoesAndStays(c: ErasureCounts): { goes: string[]; stays: string[] } {
  const goes = [
    'Your account: your name, email address, password, sessions and settings. You are signed out everywhere.',
  ];
  const asPm = [
    [c.rounds, 'assessment round'],
    [c.selfChecks, 'self-check'],
    [c.reflections, 'reflection'],
    [c.planVersions, 'plan version'],
    [c.planComments, 'comment on your plan'],
    [c.planSuggestions, 'suggestion on your plan'],
    [c.visionProposals, 'vision proposal'],
    [c.coachingSessions, 'coaching session'],
    [c.checkIns, 'check-in'],
    [c.pulses, 'pulse'],
    [c.nudges, 'nudge'],
  ] as const;
  const mine = asPm.filter(([k]) => k > 0).map(([k, word]) => counted(k, word, pluralOf(word)));
  if (mine.length)
    goes.push(
      `Everything of yours as a PM: ${list(mine)}, with every score, note and answer in them, whoever wrote it.`,
    );
  if (c.coachNotesAboutYou > 0)
    goes.push(
      `${counted(c.coachNotesAboutYou, 'private note')} a coach wrote about you (a coach's private notes about a PM go with the PM).`,
    );
  if (c.accessLogEntries > 0)
    goes.push(
      `Your access log: ${counted(c.accessLogEntries, 'entry', 'entries')} of who saw or changed your data.`,
    );
  if (c.privateNotes > 0)
    goes.push(`${counted(c.privateNotes, 'private note')} you wrote as a coach about the PMs you coach.`);
  if (c.unrevealedAssessments > 0)
    goes.push(
      `${counted(c.unrevealedAssessments, 'coach assessment')} you started or submitted that the PM has not seen yet.`,
    );

  const stays: string[] = [];
  const given = [
    [c.revealedAssessments, 'revealed coach assessment'],
    [c.commentsAndSuggestions, 'plan comment or suggestion', 'plan comments and suggestions'],
    [c.sessionsAsCoach, 'coaching session', 'coaching sessions'],
    [c.nudgesSent, 'nudge'],
  ] as const;
  const gave = given
    .filter(([k]) => k > 0)
    .map(([k, word, many]) => counted(k, word, many ?? pluralOf(word)));
  if (gave.length)
    stays.push(
      `What you gave into the records of the ${c.pmsCoached > 0 ? `${counted(c.pmsCoached, 'PM', 'PMs')} ` : 'PMs '}you coached stays with them, because their history is theirs: ${list(gave)}. It will read "a former coach", without your name or email address.`,
    );
  if (c.pmsCoached > 0)
    stays.push(
      'Their access logs keep the lines of when you read their data, under "a former coach". Your pairings end now.',
    );
  stays.push('Email, Slack or Teams messages already sent to you or about you cannot be called back.');
  return { goes, stays };
}

const pluralOf = (word: string) => (word.endsWith('s') ? word : `${word}s`);
