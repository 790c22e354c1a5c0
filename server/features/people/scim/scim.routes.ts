import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { App, Deps } from '../../../http/env.js';
import { loggedPath } from '../../../http/logged-path.js';
import { publicAddressOf } from '../setup/public-address.js';
import { listResponse, serviceProviderConfig, userResourceType, userSchema } from './scim-discovery.js';
import { ScimError, scimErrorBody } from './scim-error.js';
import { parseScimFilter } from './scim-filter.js';
import { workspaceOfScimToken } from './scim-tokens.js';
import {
  applyChanges,
  changesFromPatch,
  changesFromUser,
  createUser,
  findUser,
  listUsers,
  presentUser,
  type ScimUserInput,
} from './scim-users.js';

type ScimEnv = { Variables: { workspaceId: string; baseUrl: string } };
const SCIM_JSON = 'application/scim+json';

/**
 * SCIM 2.0 for the company's identity provider (issue 23, decision 052): Users (list with the
 * userName/externalId filters, read, create, PUT, PATCH, DELETE) and the three discovery
 * documents, under a bearer token an admin creates. Not part of /api: no cookies, no CSRF, and
 * errors in SCIM's own shape. A missing, wrong or revoked token gets the same 401.
 */
export function registerScimRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const scim = new Hono<ScimEnv>();
  const answer = (c: Context, body: unknown, status: 200 | 201 = 200) =>
    c.body(JSON.stringify(body), status, { 'content-type': SCIM_JSON, 'cache-control': 'no-store' });

  scim.use(
    '*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new ScimError(413, 'That request is too large (the limit is 1 MiB).');
      },
    }),
  );
  scim.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const workspaceId = token ? await workspaceOfScimToken(db, token) : null;
    if (!workspaceId) throw new ScimError(401, 'A valid bearer token is required.');
    c.set('workspaceId', workspaceId);
    // Locations in answers start at the workspace's public address, as its links do.
    const { address } = await publicAddressOf({ db, config: deps.config, workspaceId });
    c.set('baseUrl', `${address}/scim/v2`);
    await next();
  });

  scim.get('/ServiceProviderConfig', (c) => answer(c, serviceProviderConfig(c.get('baseUrl'))));
  scim.get('/Schemas', (c) => answer(c, listResponse([userSchema(c.get('baseUrl'))], 1, 1)));
  scim.get('/Schemas/:id', (c) => {
    if (c.req.param('id') !== userSchema(c.get('baseUrl')).id) throw new ScimError(404, 'No such schema.');
    return answer(c, userSchema(c.get('baseUrl')));
  });
  scim.get('/ResourceTypes', (c) => answer(c, listResponse([userResourceType(c.get('baseUrl'))], 1, 1)));
  scim.get('/ResourceTypes/User', (c) => answer(c, userResourceType(c.get('baseUrl'))));

  scim.get('/Users', async (c) => {
    const filterText = c.req.query('filter');
    const filter = filterText === undefined ? null : parseScimFilter(filterText);
    if (filterText !== undefined && !filter)
      throw new ScimError(
        400,
        'Only `userName eq "…"` and `externalId eq "…"` filters are supported.',
        'invalidFilter',
      );
    const startIndex = Math.max(1, integer(c.req.query('startIndex'), 1));
    const count = Math.min(200, Math.max(0, integer(c.req.query('count'), 100)));
    const { total, rows } = await listUsers({
      db,
      workspaceId: c.get('workspaceId'),
      filter,
      startIndex,
      count,
    });
    return answer(
      c,
      listResponse(
        rows.map((r) => presentUser(r, c.get('baseUrl'))),
        total,
        startIndex,
      ),
    );
  });

  scim.get('/Users/:id', async (c) =>
    answer(c, presentUser(await findUser(db, c.get('workspaceId'), idParam(c)), c.get('baseUrl'))),
  );

  scim.post('/Users', async (c) => {
    const body = (await jsonOf(c)) as ScimUserInput;
    return answer(
      c,
      presentUser(await createUser({ db, workspaceId: c.get('workspaceId'), body }), c.get('baseUrl')),
      201,
    );
  });

  scim.put('/Users/:id', async (c) => {
    const changes = changesFromUser((await jsonOf(c)) as ScimUserInput);
    const user = await applyChanges({ db, workspaceId: c.get('workspaceId'), id: idParam(c), changes });
    return answer(c, presentUser(user, c.get('baseUrl')));
  });

  scim.patch('/Users/:id', async (c) => {
    const changes = changesFromPatch(await jsonOf(c));
    const user = await applyChanges({ db, workspaceId: c.get('workspaceId'), id: idParam(c), changes });
    return answer(c, presentUser(user, c.get('baseUrl')));
  });

  // DELETE is a deactivation: the person's own data stays theirs (decision 043).
  scim.delete('/Users/:id', async (c) => {
    await applyChanges({ db, workspaceId: c.get('workspaceId'), id: idParam(c), changes: { active: false } });
    return c.body(null, 204);
  });

  scim.all('*', () => {
    throw new ScimError(404, 'There is no such SCIM endpoint.');
  });

  scim.onError((error, c) => {
    if (error instanceof ScimError) {
      return c.body(JSON.stringify(scimErrorBody(error)), error.status, { 'content-type': SCIM_JSON });
    }
    deps.log.error({ err: error, path: loggedPath(c.req.path) }, 'unhandled SCIM error');
    const internal = new ScimError(500, 'Something went wrong on our side. Please try again.');
    return c.body(JSON.stringify(scimErrorBody(internal)), 500, { 'content-type': SCIM_JSON });
  });

  app.route('/scim/v2', scim);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not one of ours is simply not found (and never reaches the database). */
function idParam(c: Context) {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw new ScimError(404, 'No such user.');
  return id.toLowerCase();
}

function integer(value: string | undefined, fallback: number) {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

async function jsonOf(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ScimError(400, 'The request body is not valid JSON.', 'invalidSyntax');
  }
}
