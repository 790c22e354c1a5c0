import { hashToken, newId, newToken, nowIso } from '../../../server/util.js';
import { type MatrixRow } from './types.js';

/** SCIM tokens (issue 23): a workspace's admin manages its own; an admin elsewhere, theirs. */
export const scimTokenRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/scim-tokens',
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/scim-tokens' }),
  },
  {
    method: 'POST',
    path: '/api/scim-tokens',
    allowed: ['admin', 'outsider'],
    request: () => ({ path: '/api/scim-tokens', body: { label: 'Okta' } }),
  },
  {
    method: 'DELETE',
    path: '/api/scim-tokens/{id}',
    allowed: ['admin'],
    request: async (w, _r, app) => {
      const id = newId();
      await app.deps.db
        .insertInto('scim_tokens')
        .values({
          id,
          workspace_id: w.workspaceId,
          label: 'Okta',
          token_hash: hashToken(newToken()),
          created_by: null,
          created_at: nowIso(),
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      return { path: `/api/scim-tokens/${id}` };
    },
  },
];
