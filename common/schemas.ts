import { z } from '@hono/zod-openapi';

/** Schemas shared by the server (validation + OpenAPI) and the web app (types). */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'is too long')
  .pipe(z.email('is not a valid email address'));

export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

/**
 * One line of people's text (names, titles): no control characters (C0, DEL, C1) and no Unicode
 * line or paragraph separator. A CR/LF in a name would start new lines in invitation mail bodies
 * and calendar feeds (issue 19, row 15); refusing it at the edge keeps every later use one line.
 */
export const OneLine = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'must be one line, without control characters')
    .max(max, `must be at most ${max} characters`);

export const PersonName = OneLine(100).min(1, 'is required');

export const Id = z.string().uuid('is not a valid id');

export const ErrorResponse = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
  })
  .openapi('Error');

export const Person = z.object({ id: z.string(), name: z.string(), email: z.string() }).openapi('Person');
export type Person = z.infer<typeof Person>;

export const Me = Person.extend({
  isAdmin: z.boolean(),
  workspace: z.object({ id: z.string(), name: z.string(), isDemo: z.boolean() }),
  /**
   * Which menu items the person gets, known with the session so the navigation is drawn whole at
   * once (no layout shift when /api/pairs answers): coached (a PM: wheel, plan, access log), coaching now.
   */
  roles: z.object({ isPm: z.boolean(), coaches: z.boolean() }),
}).openapi('Me');
export type Me = z.infer<typeof Me>;

export const SessionState = z
  .object({
    setupNeeded: z.boolean(),
    csrfToken: z.string(),
    me: Me.nullable(),
  })
  .openapi('SessionState');
export type SessionState = z.infer<typeof SessionState>;

export const PairStatus = z.enum(['pending', 'active', 'ended', 'declined', 'withdrawn']);
export const Pair = z
  .object({
    id: z.string(),
    coach: Person,
    pm: Person,
    /** Who proposed the pair: the coach, or a workspace admin who paired the two. */
    proposedBy: Person,
    status: PairStatus,
    createdAt: z.string(),
    acceptedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
  })
  .openapi('Pair');
export type Pair = z.infer<typeof Pair>;

export const Invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    kind: z.enum(['pm', 'member']),
    invitedBy: Person,
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['open', 'accepted', 'revoked', 'expired']),
    link: z.string().nullable(),
    mailed: z.boolean(),
  })
  .openapi('Invitation');
export type Invitation = z.infer<typeof Invitation>;

export const CreatedInvitation = Invitation.extend({
  replaced: z
    .boolean()
    .describe('An open invitation you sent to the same address was withdrawn: its link stops working'),
}).openapi('CreatedInvitation');
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const Member = Person.extend({
  isAdmin: z.boolean(),
  createdAt: z.string(),
}).openapi('Member');
export type Member = z.infer<typeof Member>;

export const AccessLogEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: Person.nullable(),
    action: z.string(),
    resource: z.string(),
    count: z
      .number()
      .int()
      .describe('How many times in a row this happened (repeats within an hour collapse)'),
    firstAt: z.string().describe('When the first of the repeats happened (equals at when count is 1)'),
  })
  .openapi('AccessLogEntry');
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const InvitationPreview = z
  .object({
    email: z.string(),
    kind: z.enum(['pm', 'member']),
    inviterName: z.string(),
    workspaceName: z.string(),
  })
  .openapi('InvitationPreview');
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const PmOverview = z
  .object({
    pm: Person,
    coaches: z.array(Person.extend({ since: z.string() })),
    viewerRelation: z.enum(['pm', 'coach']),
  })
  .openapi('PmOverview');
export type PmOverview = z.infer<typeof PmOverview>;

/** The path parameters of every route about one PM's coaching data. */
export const PmParams = z.object({ pmId: Id });

/** The two sides of a coaching pair: the PM themself, and a current coach. */
export const Side = z.enum(['pm', 'coach']).describe('pm: the PM themself; coach: a current coach');
export type Side = z.infer<typeof Side>;
