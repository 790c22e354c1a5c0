import { PASSWORD } from '../../support/factories.js';
import { everyone, signedIn, workspaceMembers, type MatrixRow } from './types.js';

/** The foundation's routes: accounts, invitations, pairs, members, the PM overview and access log. */
export const foundationRows: MatrixRow[] = [
  { method: 'GET', path: '/api/health', allowed: everyone, request: () => ({ path: '/api/health' }) },
  { method: 'GET', path: '/api/session', allowed: everyone, request: () => ({ path: '/api/session' }) },
  {
    method: 'POST',
    path: '/api/setup',
    allowed: [],
    refusedStatus: 409,
    request: () => ({
      path: '/api/setup',
      body: { workspaceName: 'Takeover', name: 'Mallory', email: 'mallory@example.com', password: PASSWORD },
    }),
  },
  {
    method: 'POST',
    path: '/api/auth/sign-in',
    allowed: everyone,
    request: (w) => ({ path: '/api/auth/sign-in', body: { email: w.pm.email, password: PASSWORD } }),
  },
  {
    method: 'POST',
    path: '/api/auth/sign-out',
    allowed: everyone,
    request: () => ({ path: '/api/auth/sign-out' }),
  },
  {
    method: 'POST',
    path: '/api/auth/password',
    allowed: signedIn,
    request: () => ({
      path: '/api/auth/password',
      body: { currentPassword: PASSWORD, newPassword: 'another long password' },
    }),
  },
  {
    method: 'GET',
    path: '/api/invitations',
    allowed: signedIn,
    request: () => ({ path: '/api/invitations' }),
    sees: {
      relations: ['coach', 'admin'],
      find: (body, w) => body.some((i: { id: string }) => i.id === w.invitationId),
    },
  },
  {
    method: 'POST',
    path: '/api/invitations',
    allowed: signedIn,
    request: (_w, r) => ({
      path: '/api/invitations',
      body: { email: `new-${r}-${Math.random()}@example.com`, kind: 'pm' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/invitations/{id}',
    allowed: ['coach', 'admin'],
    request: (w) => ({ path: `/api/invitations/${w.invitationId}` }),
  },
  {
    method: 'GET',
    path: '/api/invitations/by-token/{token}',
    allowed: everyone,
    request: (w) => ({ path: `/api/invitations/by-token/${w.invitationToken}` }),
  },
  {
    method: 'POST',
    path: '/api/invitations/by-token/{token}/accept',
    allowed: everyone,
    request: (w) => ({
      path: `/api/invitations/by-token/${w.invitationToken}/accept`,
      body: { name: 'New Person', password: PASSWORD },
    }),
  },
  {
    method: 'GET',
    path: '/api/pairs',
    allowed: signedIn,
    request: () => ({ path: '/api/pairs' }),
    sees: {
      relations: ['self', 'coach'],
      find: (body, w) => body.some((p: { id: string }) => p.id === w.activePairId),
    },
  },
  {
    method: 'GET',
    path: '/api/workspace/pairs',
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/workspace/pairs' }),
    sees: {
      relations: ['admin'],
      find: (body, w) => body.some((p: { id: string }) => p.id === w.activePairId),
    },
  },
  {
    method: 'POST',
    path: '/api/pairs',
    allowed: workspaceMembers,
    request: (w) => ({ path: '/api/pairs', body: { pmId: w.spare.id } }),
  },
  {
    method: 'POST',
    path: '/api/pairs/{id}/accept',
    allowed: ['self'],
    request: (w) => ({ path: `/api/pairs/${w.pendingPairId}/accept` }),
  },
  {
    method: 'POST',
    path: '/api/pairs/{id}/decline',
    allowed: ['self', 'otherCoach', 'admin'],
    request: (w) => ({ path: `/api/pairs/${w.pendingPairId}/decline` }),
  },
  {
    method: 'POST',
    path: '/api/pairs/{id}/end',
    allowed: ['self', 'coach', 'admin'],
    request: (w) => ({ path: `/api/pairs/${w.activePairId}/end` }),
  },
  {
    method: 'GET',
    path: '/api/members',
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/members' }),
    sees: { relations: ['admin'], find: (body, w) => body.some((m: { id: string }) => m.id === w.pm.id) },
  },
  {
    method: 'PATCH',
    path: '/api/members/{id}',
    allowed: ['admin'],
    request: (w) => ({ path: `/api/members/${w.pm.id}`, body: { isAdmin: true } }),
  },
  {
    method: 'GET',
    path: '/api/people',
    allowed: signedIn,
    request: () => ({ path: '/api/people' }),
    sees: {
      relations: workspaceMembers,
      find: (body, w) => body.some((p: { id: string }) => p.id === w.pm.id),
    },
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}',
    allowed: ['self', 'coach'],
    coachingData: true,
    request: (w) => ({ path: `/api/pms/${w.pm.id}` }),
  },
  {
    method: 'GET',
    path: '/api/pms/{pmId}/access-log',
    allowed: ['self'],
    coachingData: true,
    request: (w) => ({ path: `/api/pms/${w.pm.id}/access-log` }),
  },
];
