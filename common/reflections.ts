import { z } from '@hono/zod-openapi';
import { Id, Person, Side } from './schemas.js';
import { Key } from './wheel.js';
import { editVersions } from './edit-versions.js';

/**
 * Reflections (issue 10): a PM's private journal, and a coach's private notes about their coaching
 * of a PM. Both are author-only; a PM may share a reflection with their current coach. Request
 * and response schemas shared by the server (validation, OpenAPI) and the web app (types only).
 */

export const REFLECTION_MAX = 5000;

export const AttachmentKind = z.enum(['area', 'theme', 'round', 'coaching-session']);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/** What an entry is about: a framework area (key), a plan theme (lineage), a round or a coaching session (ids). */
export const AttachmentInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('area'), id: Key }),
    z.object({ kind: z.literal('theme'), id: Id.describe("The theme's lineage id") }),
    z.object({ kind: z.literal('round'), id: Id }),
    z.object({ kind: z.literal('coaching-session'), id: Id }),
  ])
  .openapi('ReflectionAttachmentInput');
export type AttachmentInput = z.infer<typeof AttachmentInput>;

const body = z
  .string()
  .trim()
  .min(1, 'is required (a few words at least)')
  .max(REFLECTION_MAX, `must be at most ${REFLECTION_MAX} characters`);

export const ReflectionInput = z
  .object({
    body,
    attachedTo: AttachmentInput.nullable()
      .default(null)
      .describe('What it is about; null: nothing in particular'),
  })
  .strict()
  .openapi('ReflectionInput');
export type ReflectionInput = z.input<typeof ReflectionInput>;
export type ReflectionData = z.output<typeof ReflectionInput>;

export const ReflectionPatch = z
  .object({
    body,
    attachedTo: AttachmentInput.nullable(),
    /** The version of the words the edit started from: a stale edit is refused (decision 063). */
    versions: editVersions(['body']),
  })
  .partial()
  .strict()
  .openapi('ReflectionPatch');
export type ReflectionPatch = z.infer<typeof ReflectionPatch>;

export const ShareInput = z
  .object({ shared: z.boolean().describe("true: the PM's current coach can read it; false: private again") })
  .strict()
  .openapi('ReflectionShareInput');

export const ReflectionParams = z.object({ pmId: Id, reflectionId: Id });

export const ReflectionQuery = z
  .object({
    attachedKind: AttachmentKind.optional(),
    attachedId: z.string().max(200, 'is too long').optional(),
  })
  .strict();

export const Attachment = z
  .object({
    kind: AttachmentKind,
    id: z.string(),
    label: z.string().describe('Its name when attached, e.g. the area or theme title'),
  })
  .openapi('ReflectionAttachment');
export type Attachment = z.infer<typeof Attachment>;

export const Reflection = z
  .object({
    id: z.string(),
    kind: z
      .enum(['reflection', 'coach-note'])
      .describe("reflection: the PM's journal; coach-note: a coach's private note about coaching the PM"),
    author: Person,
    authorSide: Side,
    mine: z.boolean().describe('The viewer wrote it (only the author edits, deletes or shares)'),
    body: z.string(),
    attachedTo: Attachment.nullable(),
    shared: z.boolean().describe('A reflection the PM shared with their coach (never for a coach-note)'),
    sharedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Reflection');
export type Reflection = z.infer<typeof Reflection>;

export const Journal = z
  .object({
    pmId: z.string(),
    viewer: z.object({ side: Side }),
    entries: z
      .array(Reflection)
      .describe(
        "Newest first: for the PM their own reflections; for a coach their own notes and the PM's shared reflections",
      ),
    attachable: z
      .array(Attachment)
      .describe("What an entry can be about: the PM's areas, plan themes, rounds and coaching sessions"),
  })
  .openapi('ReflectionJournal');
export type Journal = z.infer<typeof Journal>;
