import type { Side } from '../../common/schemas.js';
import type { AssessmentSide } from '../../common/wheel-rounds.js';
import { AppError, notFound } from '../http/errors.js';

/**
 * THE rules for a PM's coaching data, as one table. Read it as: "<action> may be done by <who>
 * (their relation to the PM), when <conditions on the thing> hold". Everyone outside the pair
 * (a former coach, another coach, the workspace admin, anyone signed out) is refused with a 404
 * exactly like a missing thing. Someone in the pair who may see the thing but not do this gets
 * a 403 with `otherSide`, the reason (only where it is set). Default deny: an action not listed
 * here cannot be authorized. `authorize()` in authorize.ts checks a whole row; nothing else in
 * the code decides who sees coaching data.
 */
export const coachingRules = {
  'overview:read': { who: ['pm', 'coach'] },
  'summary:read': { who: ['pm', 'coach'] },
  'access-log:read': { who: ['pm'] },

  // The wheel: rounds, the blind assessments, the compared wheel, history, dips.
  'round:list': { who: ['pm', 'coach'] },
  'round:open': { who: ['pm', 'coach'] },
  'round:read': { who: ['pm', 'coach'], when: ['round opened during this pairing'] },
  'assessment:read': {
    who: ['pm', 'coach'],
    when: ['round opened during this pairing', 'own assessment or round revealed'],
  },
  'assessment:write': { who: ['pm', 'coach'], when: ['round opened during this pairing', 'own assessment'] },
  'comparison:read': { who: ['pm', 'coach'], when: ['round opened during this pairing', 'round revealed'] },
  'history:read': { who: ['pm', 'coach'] },
  'dips:read': { who: ['pm', 'coach'] },
  'wheel:export': { who: ['pm', 'coach'] },
  'peers:manage': { who: ['pm'], when: ['round opened during this pairing'] },

  // The shared vision: either side proposes; agreement takes the other side.
  'vision:read': { who: ['pm', 'coach'] },
  'vision:propose': { who: ['pm', 'coach'] },
  'vision:accept': { who: ['pm', 'coach'], when: ['other side of the proposal'] },
  'vision:withdraw': { who: ['pm', 'coach'], when: ['proposer'] },

  // The development plan: the PM writes it and decides; a coach comments and suggests.
  'plan:read': { who: ['pm', 'coach'] },
  'plan:write': {
    who: ['pm'],
    otherSide:
      'The plan is the PM’s to write. Suggest the change instead: they can accept it with one click.',
  },
  'plan:comment': { who: ['pm', 'coach'] },
  'plan-comment:remove': { who: ['pm', 'coach'], when: ['comment visible', 'author of the comment'] },
  'plan-suggestion:create': {
    who: ['coach'],
    otherSide: 'Your plan is yours to edit directly; suggestions are how a coach proposes changes.',
  },
  'plan-suggestion:decide': {
    who: ['pm'],
    otherSide: 'Only the PM accepts or declines a suggestion on their plan.',
  },
  'plan-suggestion:withdraw': {
    who: ['coach'],
    when: ['author of the suggestion'],
    otherSide: 'Only the coach who made a suggestion withdraws it; you can decline it.',
  },
  // Coaching sessions (issue 8): the pair's conversation. The PM and the coach of that coaching
  // session; another current coach of the same PM sees the list but not inside someone else's.
  'coaching-session:list': { who: ['pm', 'coach'] },
  'coaching-session:schedule': { who: ['pm', 'coach'] },
  'coaching-session:read': { who: ['pm', 'coach'], when: ['in this coaching session'] },
  'coaching-session:change': { who: ['pm', 'coach'], when: ['in this coaching session'] },
  'coaching-session-private-note:write': { who: ['pm', 'coach'], when: ['in this coaching session'] },
  // Emotion check-ins, pulses and the timeline (issue 8). The PM writes how they feel; the coach
  // reads what the PM shares (a private check-in is the PM's alone, filtered with `may`).
  'check-in:read': { who: ['pm', 'coach'] },
  'check-in:write': {
    who: ['pm'],
    otherSide: 'Check-ins are the PM’s own words about how they feel; you can read the ones they share.',
  },
  'check-in:delete': {
    who: ['pm'],
    otherSide: 'Only the PM deletes their check-ins.',
  },
  'pulse:read': { who: ['pm', 'coach'] },
  'pulse:write': {
    who: ['pm'],
    otherSide: 'A pulse is the PM’s own one-tap answer; you can see their pulses on the timeline.',
  },
  'timeline:read': { who: ['pm', 'coach'] },
  // The question bank (issue 8): questions chosen from this PM's context, and which were asked.
  'questions:suggest': { who: ['pm', 'coach'] },
  'questions:mark-asked': { who: ['pm', 'coach'] },
} as const satisfies Record<string, Rule>;

/** What `authorize()` found out about the person asking: their side of the pair, and since when. */
export interface Viewer {
  actorId: string;
  pmId: string;
  side: Side;
  /** For a coach: when their current pairing with the PM began (older rounds are not theirs). */
  coachSince: string | null;
}

/** The facts of a thing the conditions look at (rows carry more; these are all that matter). */
export interface RoundFacts {
  pm_id: string;
  coach_id: string;
  created_at: string;
  revealed_at: string | null;
  peers_shared: number;
}
export interface CommentFacts {
  author_id: string;
  is_private: number;
}
export interface ProposalFacts {
  proposed_by: string;
  proposed_side: Side;
}
export interface SuggestionFacts {
  author_id: string;
}
export interface CoachingSessionFacts {
  pm_id: string;
  coach_id: string;
}
export interface PrivateNoteFacts {
  author_id: string;
}

const hidden = () => notFound();
const refuse = (message: string) => () => new AppError('forbidden', message);

/**
 * The named conditions of the table, each with its test and the refusal when it fails: a 404
 * where the person must not learn the thing exists, a 403 or 409 where they can already see it.
 */
export const conditions = {
  'round opened during this pairing': {
    test: (t: { round: RoundFacts }, v: Viewer) =>
      t.round.pm_id === v.pmId &&
      (v.side === 'pm' || t.round.coach_id === v.actorId || t.round.created_at >= (v.coachSince ?? '9999')),
    refusal: hidden,
  },
  'own assessment': {
    test: (t: { round: RoundFacts; side: AssessmentSide }, v: Viewer) =>
      assessmentSideOf(t.round, v) === t.side,
    refusal: hidden,
  },
  'own assessment or round revealed': {
    test: (t: { round: RoundFacts; side: AssessmentSide }, v: Viewer) =>
      assessmentSideOf(t.round, v) === t.side || t.round.revealed_at !== null,
    refusal: hidden,
  },
  'round revealed': {
    test: (t: { round: RoundFacts }) => t.round.revealed_at !== null,
    refusal: () =>
      new AppError('conflict', 'The comparison opens once both the PM and the coach have submitted.'),
  },
  'PM shared peer scores': {
    test: (t: { round: RoundFacts }, v: Viewer) => v.side === 'pm' || t.round.peers_shared === 1,
    refusal: hidden,
  },
  'comment visible': {
    test: (t: { comment: CommentFacts }, v: Viewer) =>
      t.comment.is_private === 0 || t.comment.author_id === v.actorId,
    // Exactly like a missing comment: someone else's private note does not exist for the viewer.
    refusal: () => notFound('That comment'),
  },
  'author of the comment': {
    test: (t: { comment: CommentFacts }, v: Viewer) => t.comment.author_id === v.actorId,
    refusal: refuse('You can remove your own comments only.'),
  },
  'other side of the proposal': {
    test: (t: { proposal: ProposalFacts }, v: Viewer) => t.proposal.proposed_side !== v.side,
    refusal: (v: Viewer) =>
      new AppError(
        'forbidden',
        v.side === 'pm'
          ? 'You proposed this; your coach accepts it or proposes a change.'
          : 'A coach’s proposal is agreed by the PM; you can propose a change.',
      ),
  },
  proposer: {
    test: (t: { proposal: ProposalFacts }, v: Viewer) => t.proposal.proposed_by === v.actorId,
    refusal: refuse('Only its proposer withdraws a proposal; you can accept it or propose a change.'),
  },
  'author of the suggestion': {
    test: (t: { suggestion: SuggestionFacts }, v: Viewer) => t.suggestion.author_id === v.actorId,
    refusal: refuse('Only the coach who made a suggestion withdraws it.'),
  },
  // Coaching sessions (issue 8).
  'in this coaching session': {
    test: (t: { coachingSession: CoachingSessionFacts }, v: Viewer) =>
      t.coachingSession.pm_id === v.pmId && (v.side === 'pm' || t.coachingSession.coach_id === v.actorId),
    refusal: () => notFound('That coaching session'),
  },
  'author of the private note': {
    test: (t: { privateNote: PrivateNoteFacts }, v: Viewer) => t.privateNote.author_id === v.actorId,
    // Someone else's private note does not exist for the viewer.
    refusal: hidden,
  },
  // Check-ins (issue 8): a private check-in does not exist for anyone but the PM.
  'PM shared the check-in': {
    test: (t: { checkIn: { is_private: number } }, v: Viewer) =>
      v.side === 'pm' || t.checkIn.is_private === 0,
    refusal: () => notFound('That check-in'),
  },
} as const satisfies Record<string, Condition>;

/** Which assessment of a round the viewer writes: the PM their self-assessment, the round's coach theirs. */
export function assessmentSideOf(round: RoundFacts, v: Viewer): AssessmentSide | null {
  if (v.side === 'pm' && round.pm_id === v.actorId) return 'self';
  if (v.side === 'coach' && round.coach_id === v.actorId) return 'coach';
  return null;
}

export type CoachingAction = keyof typeof coachingRules;
export type ConditionName = keyof typeof conditions;

interface Rule {
  who: readonly Side[];
  when?: readonly ConditionName[];
  otherSide?: string;
}
interface Condition {
  test: (thing: never, viewer: Viewer) => boolean;
  refusal: (viewer: Viewer) => AppError;
}
