import { AppError, notFound } from '../http/errors.js';
import type { Actor } from './actor.js';

/**
 * THE rules for the workspace itself: members, invitations, pairs, frameworks and the demo. None
 * of it is coaching data (that is rules.ts). Read a row as: "<action> may be done by any of
 * <who>". A row with `hidden` is about a thing of a workspace: anyone outside that workspace is
 * refused with a 404 naming it ("That pairing was not found."), exactly like a missing thing.
 * Someone the row does not let in gets `refusal`, a 403 with the reason, where they may know the
 * thing exists; without one, the 404. Default deny. `authorizeWorkspace()` checks a row.
 */
export const workspaceRules = {
  // The admin area: names and admin rights, never coaching data.
  'member:list': { who: ['admin'], refusal: 'Only a workspace admin can manage members.' },
  'member:set-admin': { who: ['admin'], refusal: 'Only a workspace admin can manage members.' },
  // A reset link to copy (issue 23): only an admin, for their own workspace; everyone else 404.
  'member:issue-password-reset': { who: ['admin'], hidden: 'That member' },
  // SCIM tokens for the company's identity provider (issue 23).
  'scim-token:manage': {
    who: ['admin'],
    refusal: 'Only a workspace admin can manage provisioning tokens.',
  },
  'people:list': { who: ['member'] },

  // Invitations. The list shows an admin the workspace's, anyone else their own (invitationsShownTo).
  'invitation:invite-pm': { who: ['member'] },
  'invitation:invite-member': {
    who: ['admin'],
    refusal: 'Only a workspace admin can invite members who are not your PMs.',
  },
  'invitation:list': { who: ['member'] },
  'invitation:revoke': { who: ['admin', 'inviter'], hidden: 'That invitation' },
  // With mail set up, a mailed link goes to the mailbox alone (accepting proves the address);
  // an admin, who runs the installation, still sees it to copy (decision 009).
  'invitation:see-mailed-link': { who: ['admin'] },

  // The address people reach the workspace at (links in invitations); recorded at setup.
  'workspace:read-public-address': {
    who: ['admin'],
    refusal: 'Only a workspace admin can see the public address.',
  },
  // Single sign-on's settings come from the server's environment; an admin reads them (issue 23).
  'workspace:read-single-sign-on': {
    who: ['admin'],
    refusal: 'Only a workspace admin can see the single sign-on settings.',
  },
  'workspace:set-public-address': {
    who: ['admin'],
    refusal: 'Only a workspace admin can change the public address.',
  },

  // Pairs: who coaches whom. The PM decides; either person (or an admin) ends it.
  'pair:list-workspace': { who: ['admin'], refusal: 'Only a workspace admin can see this.' },
  'pair:offer': {
    who: ['the coach themself', 'admin'],
    refusal: 'Only a workspace admin can pair two other people.',
  },
  'pair:accept': { who: ['PM of the pair'], hidden: 'That pairing' },
  'pair:decline': { who: ['person in the pair', 'admin'], hidden: 'That pairing' },
  'pair:end': { who: ['person in the pair', 'admin'], hidden: 'That pairing' },

  // Frameworks: every member reads and copies them; a coach edits their own copies, an admin the templates.
  'framework:read': { who: ['member'], hidden: 'That framework' },
  'framework:copy': { who: ['member'], hidden: 'That framework' },
  'framework:export': { who: ['member'], hidden: 'That framework' },
  'framework:create': { who: ['member'] },
  'framework:create-template': {
    who: ['admin'],
    refusal: 'Only a workspace admin can create workspace templates.',
  },
  'framework:edit': {
    who: ['owner of the framework', 'admin, for a workspace template'],
    hidden: 'That framework',
    refusal: 'Only its owner can change this framework. Copy it to adapt it.',
  },
  'framework:archive': {
    who: ['owner of the framework', 'admin, for a workspace template'],
    hidden: 'That framework',
    refusal: 'Only its owner can remove this framework.',
  },

  // The demo workspace: tried before setup, or by an admin; removed by an admin or from inside it.
  'demo:start': {
    who: ['anyone, on a new installation', 'admin', 'member of the demo'],
    refusal: 'The demo can be started on a new installation, or by a workspace admin.',
  },
  'demo:remove': {
    who: ['admin', 'member of the demo'],
    refusal: 'Only a workspace admin can remove the demo.',
  },

  // The question bank (issue 8): not a PM's coaching data. Everyone browses the built-in questions;
  // a question someone adds is theirs alone, or offered to their workspace; only its author changes it.
  'question:list': { who: ['member'] },
  'question:add': { who: ['member'] },
  'question:read': {
    who: ['author of the question', 'member, for a shared question'],
    hidden: 'That question',
  },
  'question:edit': {
    who: ['author of the question'],
    hidden: 'That question',
    refusal: 'Only its author can change this question. Add your own version instead.',
  },

  // Workspace insights (issue 11, decision 041): how the workspace practises coaching, over groups
  // of at least five PMs, never who scores how. Each member decides whether their scores count.
  'insights:read': {
    who: ['admin', 'coach in the workspace'],
    refusal: 'Workspace insights are for workspace admins and coaches.',
  },
  'insights:choose': { who: ['member'] },

  // Erasure (issue 11, decision 043): each person erases their own account (with their password);
  // an admin removes a member from the workspace, which ends their pairs and leaves their data to them.
  'account:erase': { who: ['member'] },
  'member:remove': {
    who: ['admin'],
    hidden: 'That member',
    refusal: 'Only a workspace admin can remove members.',
  },
} as const satisfies Record<string, WorkspaceRule>;

/** The facts of a thing the named conditions look at (rows carry more; these are all that matter). */
export interface PairFacts {
  workspace_id: string;
  pm_id: string;
  coach_id: string;
}
export interface InvitationFacts {
  workspace_id: string;
  invited_by: string;
}
export interface FrameworkFacts {
  workspace_id: string;
  owner_id: string | null;
}
export interface QuestionFacts {
  workspace_id: string;
  author_id: string;
  visibility: string;
}
export interface DemoFacts {
  /** No real workspace exists yet: nothing to protect. */
  setupNeeded: boolean;
  /** The person asking is signed in to the demo workspace. */
  actorInDemo: boolean;
}

export interface CoachFacts {
  /** The person has an active pair as coach. */
  coachesSomeone: boolean;
}

/** Who may, by name: each a test of the person asking (null: signed out) and the thing. */
export const workspaceConditions = {
  member: (a: Actor | null) => a !== null,
  admin: (a: Actor | null) => a?.isAdmin === true,
  inviter: (a: Actor | null, t: InvitationFacts) => t.invited_by === a?.id,
  'the coach themself': (a: Actor | null, t: { coach_id: string }) => t.coach_id === a?.id,
  'PM of the pair': (a: Actor | null, t: PairFacts) => t.pm_id === a?.id,
  'person in the pair': (a: Actor | null, t: PairFacts) => t.pm_id === a?.id || t.coach_id === a?.id,
  'owner of the framework': (a: Actor | null, t: FrameworkFacts) => t.owner_id === a?.id,
  'admin, for a workspace template': (a: Actor | null, t: FrameworkFacts) =>
    t.owner_id === null && a?.isAdmin === true,
  'anyone, on a new installation': (_a: Actor | null, t: DemoFacts) => t.setupNeeded,
  'member of the demo': (a: Actor | null, t: DemoFacts) => a !== null && t.actorInDemo,
  'author of the question': (a: Actor | null, t: QuestionFacts) => t.author_id === a?.id,
  'member, for a shared question': (a: Actor | null, t: QuestionFacts) =>
    a !== null && t.visibility === 'workspace',
  'coach in the workspace': (a: Actor | null, t: CoachFacts) => a !== null && t.coachesSomeone,
} as const;

/** Which invitations a list shows: an admin the whole workspace's, everyone else their own. */
export const invitationsShownTo = (actor: Actor) => ({
  workspaceId: actor.workspaceId,
  invitedBy: workspaceConditions.admin(actor) ? null : actor.id,
});

export type WorkspaceAction = keyof typeof workspaceRules;
export type WorkspaceCondition = keyof typeof workspaceConditions;

interface WorkspaceRule {
  who: readonly WorkspaceCondition[];
  /** The thing belongs to a workspace: outside it, a 404 naming it ("That pairing"). */
  hidden?: string;
  /** For someone who may know the thing but is not let in: a 403 with this reason. */
  refusal?: string;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type Row<A extends WorkspaceAction> = (typeof workspaceRules)[A];
/** The thing a condition looks at; never for those that look only at the person. */
type ThingOfCondition<C extends WorkspaceCondition> = C extends unknown
  ? Parameters<(typeof workspaceConditions)[C]> extends [unknown, infer T]
    ? T
    : never
  : never;
type FactsOf<A extends WorkspaceAction> = UnionToIntersection<ThingOfCondition<Row<A>['who'][number]>> &
  (Row<A> extends { hidden: string } ? { workspace_id: string } : unknown);

/** The thing an action's row looks at (a pair, an invitation…); nothing when the row needs none. */
export type WorkspaceThingOf<A extends WorkspaceAction> =
  unknown extends FactsOf<A> ? { thing?: undefined } : { thing: FactsOf<A> };

/** Only the demo can be started signed out; every other action needs a signed-in person. */
type ActorFor<A extends WorkspaceAction> = A extends 'demo:start' ? Actor | null : Actor;

/** Whether the row lets the person in (to show or hide a button, or to pick a word). */
export function mayInWorkspace<A extends WorkspaceAction>(
  input: { actor: ActorFor<A>; action: A } & WorkspaceThingOf<A>,
): boolean {
  const refusal = refusalFor(input.actor, input.action, input.thing);
  return refusal === null;
}

/** The one gate for the workspace: checks the action's row and throws its refusal. Logs nothing. */
export function authorizeWorkspace<A extends WorkspaceAction>(
  input: { actor: ActorFor<A>; action: A } & WorkspaceThingOf<A>,
): void {
  const refusal = refusalFor(input.actor, input.action, input.thing);
  if (refusal) throw refusal;
}

function refusalFor(actor: Actor | null, action: WorkspaceAction, thing: unknown): AppError | null {
  const rule: WorkspaceRule = workspaceRules[action];
  const facts = thing as { workspace_id?: string } | undefined;
  if (rule.hidden && facts?.workspace_id !== actor?.workspaceId) return notFound();
  const test = (name: WorkspaceCondition) =>
    (workspaceConditions[name] as (a: Actor | null, t: unknown) => boolean)(actor, thing);
  if (rule.who.some(test)) return null;
  return rule.refusal ? new AppError('forbidden', rule.refusal) : notFound();
}
