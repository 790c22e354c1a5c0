import { z } from '@hono/zod-openapi';

/** Edit versions in requests (decision 057); the fingerprint itself is in text-version.ts, which the web imports. */

const Version = z.string().max(40, 'must be at most 40 characters');

/** The optional `versions` of a patch: per text field, the version the edit started from. */
export const editVersions = <F extends string>(fields: readonly [F, ...F[]]) =>
  z
    .object(
      Object.fromEntries(fields.map((f) => [f, Version.optional()])) as Record<
        F,
        z.ZodOptional<typeof Version>
      >,
    )
    .strict()
    .optional()
    .describe(
      'Per text field, textVersion() of the text this edit started from. When the stored text has changed since, the save is refused with 409 edit_conflict and the current text, so the later save never silently erases the earlier one.',
    );

/** The body of a 409 edit_conflict: the stored text of each field whose version was stale. */
export type EditConflict = { current: Record<string, string> };
