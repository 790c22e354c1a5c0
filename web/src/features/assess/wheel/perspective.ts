import type { PerceptionGap } from '../../../../../common/wheel-rounds';

/** Who reads the wheel: the PM themselves, or their coach; sentences address the reader. */
export interface Perspective {
  viewerIsPm: boolean;
  viewerIsCoach: boolean;
  pm: string;
  coach: string;
}

/** "You rate yourself 2.3 higher than Cora on Planning" (for the PM); "Pat rates themselves 2.3 higher than you on Planning" (for the coach). */
export function gapSentence(gap: PerceptionGap, p: Perspective): string {
  const amount = Math.abs(gap.difference).toFixed(1);
  const direction = gap.higher === 'self' ? 'higher' : 'lower';
  const subject = p.viewerIsPm ? 'You rate yourself' : `${p.pm} rates themselves`;
  const other = p.viewerIsCoach ? 'you' : p.coach;
  if (gap.higher === 'same')
    return `${p.viewerIsPm ? 'You and' : `${p.pm} and`} ${other} agree on ${gap.areaName}`;
  return `${subject} ${amount} ${direction} than ${other} on ${gap.areaName}`;
}
