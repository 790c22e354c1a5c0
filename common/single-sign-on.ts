import { z } from '@hono/zod-openapi';

/** What the sign-in page needs to know about single sign-on (issue 23). */
export const SingleSignOn = z
  .object({
    enabled: z.boolean(),
    /** The button's words: "Sign in with <displayName>". */
    displayName: z.string().nullable(),
    /** False with OIDC_ONLY: only the break-glass admin signs in with a password. */
    passwordSignIn: z.boolean(),
    /** The provider offers a sign-out of its own (end_session_endpoint). */
    providerSignOut: z.boolean(),
  })
  .openapi('SingleSignOn');
export type SingleSignOn = z.infer<typeof SingleSignOn>;

/** The settings an admin sees, read-only (they come from the server's environment). */
export const SingleSignOnSettings = z
  .object({
    enabled: z.boolean(),
    issuerUrl: z.string().nullable(),
    clientId: z.string().nullable(),
    displayName: z.string().nullable(),
    allowedDomains: z.array(z.string()),
    scopes: z.string().nullable(),
    only: z.boolean(),
    breakGlassEmail: z.string().nullable(),
    redirectUri: z.string(),
  })
  .openapi('SingleSignOnSettings');
export type SingleSignOnSettings = z.infer<typeof SingleSignOnSettings>;
