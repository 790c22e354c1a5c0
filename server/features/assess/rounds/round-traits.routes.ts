import { RoundTraits, TraitWordsInput } from '../../../../common/round-traits.js';
import { Id, PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute } from '../../../http/routes.js';
import { readRoundTraits, writeRoundTraits } from './round-traits.js';

const tags = ['Wheel'];
const params = PmParams.extend({ roundId: Id });

/** Traits in words: a line per trait from each side of a round, blind until the reveal. */
export function registerRoundTraitRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/rounds/{roundId}/traits',
      access: 'coaching-data',
      summary: "A round's traits in words: the viewer's own side, and the other side's once revealed",
      tags,
      request: { params },
      response: RoundTraits,
    }),
    async (c) => c.json(await readRoundTraits({ db, actor: c.get('actor'), ...c.req.valid('param') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/pms/{pmId}/rounds/{roundId}/traits',
      access: 'coaching-data',
      summary:
        "Writes the viewer's own side's words about the traits (a line each, never a score) while their assessment is a draft",
      tags,
      request: { params, ...jsonBody(TraitWordsInput) },
      response: RoundTraits,
    }),
    async (c) =>
      c.json(
        await writeRoundTraits({
          db,
          actor: c.get('actor'),
          ...c.req.valid('param'),
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
}
