import type { FeatureManifest } from '../../manifest-types.js';

/** Single sign-on (issue 23): provider links, and sign-ins in progress. */
export const manifest = {
  sso_links: {
    key: ['issuer', 'subject'],
    sealed: [],
    clear: {
      issuer: "the provider's address, looked up at every single sign-on",
      subject: "the provider's id for the person, looked up at every single sign-on",
    },
    erasure: { goes: 'with-account', column: 'user_id' },
    export: 'account',
  },
  sso_attempts: {
    key: ['state_hash'],
    sealed: [],
    clear: {
      code_verifier: 'a random PKCE secret, used once within ten minutes',
      nonce: 'a random value, used once within ten minutes',
      issuer: "the provider's address, for the link a password proof makes",
      subject: "the provider's id for the person, for the link a password proof makes",
    },
    erasure: { goes: 'with-account', column: 'user_id' },
    export: { not: 'sign-in secrets, short-lived' },
  },
} as const satisfies FeatureManifest;
