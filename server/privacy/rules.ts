import type { Side } from '../../common/schemas.js';
import type { HistoryPart } from '../../common/history-grants.js';
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
  'round:read': { who: ['pm', 'coach'], when: ['round from this pairing or shared by the PM'] },
  'assessment:read': {
    who: ['pm', 'coach'],
    when: ['round from this pairing or shared by the PM', 'own assessment or round revealed'],
  },
  'assessment:write': {
    who: ['pm', 'coach'],
    when: ['round opened during this pairing', 'own assessment', 'round not closed'],
  },
  'comparison:read': {
    who: ['pm', 'coach'],
    when: ['round from this pairing or shared by the PM', 'round revealed'],
  },
  'history:read': { who: ['pm', 'coach'] },
  'dips:read': { who: ['pm', 'coach'] },
  'wheel:export': { who: ['pm', 'coach'] },
  'peers:manage': { who: ['pm'], when: ['round opened during this pairing'] },

  // The shared vision: either side proposes; agreement takes the other side.
  'vision:read': { who: ['pm', 'coach'] },
  'vision:propose': { who: ['pm', 'coach'] },
  'vision:accept': {
    who: ['pm', 'coach'],
    when: ['made during this pairing or shared by the PM', 'other side of the proposal'],
  },
  'vision:withdraw': {
    who: ['pm', 'coach'],
    when: ['made during this pairing or shared by the PM', 'proposer'],
  },

  // The development plan: the PM writes it and decides; a coach comments and suggests.
  'plan:read': { who: ['pm', 'coach'] },
  'plan:write': {
    who: ['pm'],
    otherSide:
      'The plan is the PM’s to write. Suggest the change instead: they can accept it with one click.',
  },
  'plan:comment': { who: ['pm', 'coach'] },
  'plan-comment:remove': {
    who: ['pm', 'coach'],
    when: ['comment visible', 'made during this pairing or shared by the PM', 'author of the comment'],
  },
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
    when: ['made during this pairing or shared by the PM', 'author of the suggestion'],
    otherSide: 'Only the coach who made a suggestion withdraws it; you can decline it.',
  },
  // Coaching sessions (issue 8): the pair's conversation. The PM and the coach of that coaching
  // session; another current coach of the same PM sees the list but not inside someone else's.
  'coaching-session:list': { who: ['pm', 'coach'] },
  'coaching-session:schedule': { who: ['pm', 'coach'] },
  'coaching-session:read': { who: ['pm', 'coach'], when: ['in this coaching session or shared by the PM'] },
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
  // Reflections (issue 10): a PM's private journal and a coach's private notes about their
  // coaching of the PM, both author-only; the PM may share a reflection with their coach. A
  // reflection the viewer may not see does not exist for them (404 like a missing one).
  'reflection:list': { who: ['pm', 'coach'] },
  'reflection:write': { who: ['pm', 'coach'] },
  'reflection:read': { who: ['pm', 'coach'], when: ['reflection visible'] },
  'reflection:change': { who: ['pm', 'coach'], when: ['reflection visible', 'author of the reflection'] },
  'reflection:share': {
    who: ['pm'],
    when: ['reflection visible', 'author of the reflection'],
    otherSide: 'Notes about your coaching stay yours alone; only a PM shares their own reflections.',
  },
  // Traits in words (issue 10): written with one's own assessment, read like the scores.
  'round-traits:write': {
    who: ['pm', 'coach'],
    when: ['round opened during this pairing', 'own assessment', 'round not closed'],
  },
  // Nudges (issue 9): a current coach sends their PM a line between sessions; the PM reacts or
  // answers. Each sees only the nudges of this pairing (a coach: their own, sent since the pairing
  // began); a former or another coach sees none.
  'nudge:send': {
    who: ['coach'],
    otherSide: 'Nudges are how a coach keeps in touch between sessions; you can react to and answer theirs.',
  },
  'nudge:list': { who: ['pm', 'coach'] },
  'nudge:respond': {
    who: ['pm'],
    when: ['nudge sent during this pairing'],
    otherSide: 'Only the PM reacts to or answers a nudge.',
  },
  'nudge-ideas:read': {
    who: ['coach'],
    otherSide: 'Nudge ideas are for your coach, to keep in touch between sessions.',
  },
  // History grants (issue 10, decision 038): a coach sees the PM's history from before their
  // pairing only where the PM shares it (the conditions "... or shared by the PM" below). The PM
  // grants and revokes; a coach may read whether they have a grant.
  'history-grants:read': { who: ['pm', 'coach'] },
  'history-grants:grant': { who: ['pm'], otherSide: 'Only the PM shares their history.' },
  'history-grants:revoke': { who: ['pm'], otherSide: 'Only the PM shares their history.' },
  'plan-version:read': { who: ['pm', 'coach'], when: ['plan version current during this pairing or shared'] },
  // Stuck rounds (issue 10): a round whose coach has left, closed unrevealed or handed over by the PM.
  'round:close': {
    who: ['pm'],
    when: ['round whose coach has left'],
    otherSide: 'Only the PM closes or hands over a round whose coach has left.',
  },
  'round:hand-over': {
    who: ['pm'],
    when: ['round whose coach has left'],
    otherSide: 'Only the PM closes or hands over a round whose coach has left.',
  },
  // Self-checks (issue 10): the PM scores themselves alone, any time; private by default. A coach
  // reads one only while the PM shares it (shared during this pairing); an unshared one does not
  // exist for them (404 like a missing one), nor for anyone outside the pair.
  'self-check:list': { who: ['pm', 'coach'] },
  'self-check:create': {
    who: ['pm'],
    otherSide: 'A self-check is the PM’s own; you see the ones they share with you.',
  },
  'self-check:read': { who: ['pm', 'coach'], when: ['PM shared the self-check'] },
  'self-check:write': { who: ['pm'] },
  // Export (issue 11, decision 042): one download of everything the viewer may see of this PM,
  // each kind read through its own viewer-aware function; the access log only for the PM.
  'everything:export': { who: ['pm', 'coach'] },

  // Seeing one item inside a read already granted: the rows `may()` checks to leave items or
  // fields out of an answer (never logged on their own; the read's grant is). Every condition
  // a feature applies is named here, so this table is the whole truth.
  'assessment:see': { who: ['pm', 'coach'], when: ['own assessment or round revealed'] },
  'self-scores-before-reveal:see': { who: ['pm'] },
  'peer-scores:see': { who: ['pm', 'coach'], when: ['PM shared peer scores'] },
  // Peers' own words, never with a name and only once enough peers answered that no note points
  // to one person (issue 22); to the coach only when the PM shares peer scores.
  'peer-notes:see': {
    who: ['pm', 'coach'],
    when: ['PM shared peer scores', 'enough peers to stay anonymous'],
  },
  'dip-note:see': { who: ['pm'] },
  'account-details:see': { who: ['pm'] },
  'vision-proposal:see': { who: ['pm', 'coach'], when: ['made during this pairing or shared by the PM'] },
  'plan-comment:see': {
    who: ['pm', 'coach'],
    when: ['comment visible', 'made during this pairing or shared by the PM'],
  },
  'plan-suggestion:see': { who: ['pm', 'coach'], when: ['made during this pairing or shared by the PM'] },
  'coaching-session-private-note:see': { who: ['pm', 'coach'], when: ['author of the private note'] },
  'check-in:see': { who: ['pm', 'coach'], when: ['PM shared the check-in'] },
  'nudge:see': { who: ['pm', 'coach'], when: ['nudge sent during this pairing'] },
  'attachable-coaching-session:see': { who: ['pm', 'coach'], when: ['in this coaching session'] },
  'history-grant:see': { who: ['pm', 'coach'], when: ['own history grant'] },
} as const satisfies Record<string, Rule>;

/** What `authorize()` found out about the person asking: their side of the pair, and since when. */
export interface Viewer {
  actorId: string;
  pmId: string;
  side: Side;
  /** For a coach: when their current pairing with the PM began (older rounds are not theirs). */
  coachSince: string | null;
  /** For a coach: the parts of the PM's history from before the pairing the PM shared with them. */
  historyShared?: readonly HistoryPart[];
}

/** The facts of a thing the conditions look at (rows carry more; these are all that matter). */
export interface RoundFacts {
  pm_id: string;
  coach_id: string;
  created_at: string;
  revealed_at: string | null;
  peers_shared: number;
  closed_at?: string | null;
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
  /** When it was scheduled: one scheduled before a coach's pairing is the PM's history. */
  created_at?: string;
}
export interface NudgeFacts {
  pm_id: string;
  coach_id: string;
  created_at: string;
}
export interface ReflectionFacts {
  author_id: string;
  kind: 'reflection' | 'coach-note';
  shared_at: string | null;
}
export interface PrivateNoteFacts {
  author_id: string;
}

const hidden = () => notFound();

/** Peers' notes show once at least this many peers answered a round: fewer could point to one person. */
export const PEER_NOTES_MIN = 3;
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
  'enough peers to stay anonymous': {
    test: (t: { peerCount: number }) => t.peerCount >= PEER_NOTES_MIN,
    refusal: hidden,
  },
  'comment visible': {
    test: (t: { comment: CommentFacts }, v: Viewer) =>
      t.comment.is_private === 0 || t.comment.author_id === v.actorId,
    // Exactly like a missing comment: someone else's private note does not exist for the viewer.
    refusal: () => notFound(),
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
    refusal: () => notFound(),
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
    refusal: () => notFound(),
  },
  // Nudges (issue 9): the PM sees every nudge sent to them; a coach their own, sent during their
  // current pairing, and every earlier one only when the PM shared the 'nudges' part of their
  // history (decision 038); otherwise a nudge of an earlier pairing, or another coach's, does not exist for them.
  'nudge sent during this pairing': {
    test: (t: { nudge: NudgeFacts }, v: Viewer) =>
      t.nudge.pm_id === v.pmId &&
      (v.side === 'pm' ||
        historyVisibleFrom(v, 'nudges') === null ||
        (t.nudge.coach_id === v.actorId && t.nudge.created_at >= (v.coachSince ?? '9999'))),
    refusal: () => notFound(),
  },
  // Reflections (issue 10). Its author always; a current coach a PM's reflection the PM shared
  // during this pairing (a coach paired later does not see earlier shares); a coach's note never
  // anyone but its author.
  'reflection visible': {
    test: (t: { reflection: ReflectionFacts }, v: Viewer) =>
      t.reflection.author_id === v.actorId ||
      (t.reflection.kind === 'reflection' &&
        v.side === 'coach' &&
        t.reflection.shared_at !== null &&
        t.reflection.shared_at >= (v.coachSince ?? '9999')),
    refusal: () => notFound(),
  },
  'author of the reflection': {
    test: (t: { reflection: ReflectionFacts }, v: Viewer) => t.reflection.author_id === v.actorId,
    refusal: refuse('Only its author changes a reflection; you can read it because it was shared with you.'),
  },
  // History grants (issue 10, decision 038): what a coach sees from before their pairing.
  'round from this pairing or shared by the PM': {
    test: (t: { round: RoundFacts }, v: Viewer) =>
      t.round.pm_id === v.pmId &&
      (v.side === 'pm' ||
        (!t.round.closed_at &&
          (t.round.coach_id === v.actorId || t.round.created_at >= (historyVisibleFrom(v, 'wheel') ?? '')))),
    refusal: hidden,
  },
  'made during this pairing or shared by the PM': {
    test: (t: { history: { part: HistoryPart; at: string } }, v: Viewer) =>
      t.history.at >= (historyVisibleFrom(v, t.history.part) ?? ''),
    refusal: hidden,
  },
  'plan version current during this pairing or shared': {
    test: (t: { planVersion: { replaced_at: string | null } }, v: Viewer) =>
      t.planVersion.replaced_at === null ||
      t.planVersion.replaced_at >= (historyVisibleFrom(v, 'plan-history') ?? ''),
    refusal: () => notFound(),
  },
  'in this coaching session or shared by the PM': {
    test: (t: { coachingSession: CoachingSessionFacts }, v: Viewer) =>
      t.coachingSession.pm_id === v.pmId &&
      (v.side === 'pm' ||
        t.coachingSession.coach_id === v.actorId ||
        (historyVisibleFrom(v, 'sessions') === null &&
          (t.coachingSession.created_at ?? '9999') < (v.coachSince ?? ''))),
    refusal: () => notFound(),
  },
  'own history grant': {
    test: (t: { historyGrant: { coach_id: string } }, v: Viewer) =>
      v.side === 'pm' || t.historyGrant.coach_id === v.actorId,
    refusal: hidden,
  },
  // Stuck rounds (issue 10).
  'round not closed': {
    test: (t: { round: RoundFacts }) => !t.round.closed_at,
    refusal: () =>
      new AppError('conflict', 'This round was closed without a reveal. Start a new round instead.'),
  },
  'round whose coach has left': {
    test: (t: { round: RoundFacts; roundCoachLeft: boolean }) =>
      t.round.revealed_at === null && !t.round.closed_at && t.roundCoachLeft,
    refusal: () =>
      new AppError(
        'conflict',
        'Only an open round whose coach has left can be closed or handed over; finish this one together.',
      ),
  },
  // Self-checks (issue 10): the PM always; a current coach only one the PM shared during this
  // pairing (unshared, or shared with an earlier coach: it does not exist for them).
  'PM shared the self-check': {
    test: (t: { selfCheck: { shared_at: string | null } }, v: Viewer) =>
      v.side === 'pm' ||
      (t.selfCheck.shared_at !== null && t.selfCheck.shared_at >= (v.coachSince ?? '9999')),
    refusal: () => notFound(),
  },
} as const satisfies Record<string, Condition>;

/**
 * From when the viewer sees a part of the PM's history: null for all of it (the PM, or a coach
 * the PM shared that part with), else the start of the coach's current pairing. The one place
 * that says "from this pairing or granted"; SQL filters read it through privacy/visible-history.ts.
 */
export function historyVisibleFrom(v: Viewer, part: HistoryPart): string | null {
  if (v.side === 'pm') return null;
  if (v.historyShared?.includes(part)) return null;
  return v.coachSince ?? '9999';
}

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
