import { timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/errors.js';
import { newToken } from '../../../util.js';
import { createAccount } from '../auth/accounts.js';
import { reserveAttempt } from '../auth/throttle.js';
import { joinThroughInvitation } from '../invitations/invitations.js';
import { keepAttempt, takeAttempt } from './attempts.js';
import { linkPerson, linkedPerson } from './links.js';
import { providerConfiguration } from './provider.js';
import type { SsoConfig } from './sso-config.js';

/** Why a single sign-on did not sign the person in; the sign-in page words each one. */
export type Refusal = 'not-invited' | 'unverified' | 'failed' | 'unavailable' | 'turned-off';

export type Outcome =
  /** `idToken`: kept by the browser as the hint for the provider's sign-out (Okta requires one). */
  | { kind: 'signed-in'; userId: string; idToken?: string }
  /** An account with this address exists: its password, once, proves the person owns both. */
  | { kind: 'prove'; secret: string }
  | { kind: 'refused'; reason: Refusal };

/** The address's key of the password sign-in limits: single sign-on counts against the same one. */
export const addressKey = (address: string) => ({ address: `address:${address}` });
/** Starts from one address, under the same limit (abandoned ones count; a sign-in gives one back). */
export const startKey = (address: string) => ({ address: `sso-start:${address}` });

/**
 * Starts a sign-in: PKCE verifier, state and nonce kept server-side, and the provider's
 * authorization URL. Starts are limited per address like password attempts (a finished sign-in
 * gives its start back), so nobody fills the table with abandoned attempts.
 */
export async function startSignIn(input: { db: Db; sso: SsoConfig; address: string }) {
  const { db, sso, address } = input;
  await reserveAttempt(db, startKey(address));
  const config = await reachProvider(sso);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await keepAttempt(db, state, { codeVerifier, nonce });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: sso.redirectUri,
    scope: sso.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, state };
}

async function reachProvider(sso: SsoConfig) {
  try {
    return await providerConfiguration(sso);
  } catch {
    throw new AppError(
      'unavailable',
      `${sso.displayName} cannot be reached right now. Try again in a moment.`,
    );
  }
}

/**
 * Finishes a sign-in at the callback. The state must be the one this browser started with (its
 * cookie) and still waiting (once: a replay finds nothing); the code is exchanged with the PKCE
 * verifier and the ID token checked (signature, issuer, audience, expiry, nonce).
 */
export async function finishSignIn(input: {
  db: Db;
  sso: SsoConfig;
  /** The callback's query string, as the provider sent it. */
  query: URLSearchParams;
  /** The state this browser started with (its cookie). */
  browserState: string | undefined;
  now?: Date;
}): Promise<Outcome> {
  const { db, sso, query, browserState } = input;
  const state = query.get('state') ?? '';
  if (!browserState || !sameSecret(state, browserState)) return refused('failed');
  const attempt = await takeAttempt(db, state);
  if (!attempt?.code_verifier || !attempt.nonce) return refused('failed');
  const config = await reachProvider(sso);
  let claims: oidc.IDToken;
  let accessToken: string;
  let idToken: string | undefined;
  try {
    // The redirect URI is PUBLIC_URL's, never the request's host (behind proxies, TRUST_PROXY).
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${sso.redirectUri}?${query}`), {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    accessToken = tokens.access_token;
    idToken = tokens.id_token;
  } catch {
    return refused('failed');
  }
  const issuer = claims.iss;
  const subject = claims.sub;
  const linked = await linkedPerson(db, issuer, subject);
  if (linked) {
    if (linked.erased_at) return refused('not-invited');
    // Turned off by the company's identity provider (SCIM): refused like the password sign-in.
    if (linked.deactivated_at) return refused('turned-off');
    return { kind: 'signed-in', userId: linked.id, idToken };
  }
  const person = await verifiedPerson(config, claims, accessToken);
  if (!person) return refused('unverified');
  const outcome = await admit({ db, sso, issuer, subject, person, now: input.now });
  return outcome.kind === 'signed-in' ? { ...outcome, idToken } : outcome;
}

/** The provider's e-mail and name, only when it says the address is verified (email_verified: true). */
async function verifiedPerson(config: oidc.Configuration, claims: oidc.IDToken, accessToken: string) {
  // Some providers put the e-mail in the ID token, others only in UserInfo (Okta, oidc-provider).
  let info: Record<string, unknown> = claims;
  if (typeof claims.email !== 'string') {
    try {
      info = await oidc.fetchUserInfo(config, accessToken, claims.sub);
    } catch {
      return null;
    }
  }
  if (!addressVerified(info) || typeof info.email !== 'string') return null;
  const email = info.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) return null;
  const named = typeof info.name === 'string' ? info.name : '';
  const name =
    named
      .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
      .trim()
      .slice(0, 100) || email.split('@')[0]!;
  return { email, name };
}

/**
 * The provider vouches for the address: `email_verified: true`. Microsoft Entra ID sends no
 * email_verified; its optional claim `xms_edov` (the e-mail domain's owner is verified) is what
 * Microsoft advises checking instead (README: add it to the ID token).
 */
function addressVerified(info: Record<string, unknown>) {
  if (info.email_verified === true) return true;
  return 'email_verified' in info ? false : [true, 'true', 1, '1'].includes(info.xms_edov as never);
}

/**
 * Who gets in, for a provider account not linked yet:
 * - an account with this address exists: linked only after the person proves it (password);
 * - a pending invitation to the address: joins as invited;
 * - an allowed domain: joins as a member (a PM or coach is still made by pairing);
 * - anyone else: refused, with nothing created.
 */
async function admit(input: {
  db: Db;
  sso: SsoConfig;
  issuer: string;
  subject: string;
  person: { email: string; name: string };
  now?: Date;
}): Promise<Outcome> {
  const { db, sso, issuer, subject, person } = input;
  const existing = await db
    .selectFrom('users')
    .select(['id', 'deactivated_at'])
    .where('email', '=', person.email)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (existing?.deactivated_at) return refused('turned-off');
  if (existing) {
    const secret = newToken();
    await keepAttempt(db, secret, { userId: existing.id, issuer, subject });
    return { kind: 'prove', secret };
  }
  const userId = await db.transaction().execute(async (tx) => {
    const invited = await joinThroughInvitation({
      db: tx,
      token: { email: person.email },
      name: person.name,
      password: null,
      now: input.now,
    }).catch((error: unknown) => {
      if (error instanceof AppError && (error.code === 'not_found' || error.code === 'gone')) return null;
      throw error;
    });
    const id = invited ?? (await joinByDomain(tx, sso, person));
    if (id) await linkPerson(tx, { issuer, subject, userId: id });
    return id;
  });
  return userId ? { kind: 'signed-in', userId } : refused('not-invited');
}

/** A person from an allowed domain joins the installation's workspace as a member. */
async function joinByDomain(db: Db, sso: SsoConfig, person: { email: string; name: string }) {
  const domain = person.email.split('@').pop()!;
  if (!sso.allowedDomains.includes(domain)) return null;
  const workspace = await db
    .selectFrom('workspaces')
    .select('id')
    .where('is_demo', '=', 0)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!workspace) return null;
  return createAccount({ db, workspaceId: workspace.id, ...person, password: null, isAdmin: false });
}

const refused = (reason: Refusal): Outcome => ({ kind: 'refused', reason });

function sameSecret(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
