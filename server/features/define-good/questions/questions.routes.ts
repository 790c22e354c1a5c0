import { z } from '@hono/zod-openapi';
import {
  MarkAskedInput,
  Question,
  QuestionInput,
  QuestionList,
  QuestionPatch,
  QuestionQuery,
  SuggestedQuery,
  SuggestedQuestions,
} from '../../../../common/questions.js';
import { PmParams } from '../../../../common/schemas.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import {
  addQuestion,
  deleteQuestion,
  editQuestion,
  listQuestions,
  markQuestionsAsked,
  suggestedQuestions,
} from './questions.js';

const tags = ['Question bank'];
// Built-in questions have readable ids ("seed-scale"); added ones are uuids.
const QuestionParams = z.object({
  id: z
    .string()
    .min(1, 'is required')
    .max(100, 'is too long')
    .regex(/^[a-z0-9-]+$/i, 'is not a valid question id'),
});

/** The coaching question bank, and the questions suggested for a PM's next conversation. */
export function registerQuestionRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/questions',
      access: 'signed-in',
      summary:
        'The question bank: built-in questions, your own and those shared in your workspace, searched and filtered',
      tags,
      request: { query: QuestionQuery },
      response: QuestionList,
    }),
    async (c) => c.json(await listQuestions({ db, actor: c.get('actor'), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/questions',
      access: 'signed-in',
      summary: 'Add a question of your own, kept to yourself or offered to your workspace',
      tags,
      request: jsonBody(QuestionInput),
      response: Question,
    }),
    async (c) =>
      c.json(
        await addQuestion({ db, actor: c.get('actor'), question: c.req.valid('json'), now: deps.now() }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'patch',
      path: '/api/questions/{id}',
      access: 'signed-in',
      summary: 'Change a question you added (its author only)',
      tags,
      request: { params: QuestionParams, ...jsonBody(QuestionPatch) },
      response: Question,
    }),
    async (c) =>
      c.json(
        await editQuestion({
          db,
          actor: c.get('actor'),
          id: c.req.valid('param').id,
          patch: c.req.valid('json'),
          now: deps.now(),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/questions/{id}',
      access: 'signed-in',
      summary: 'Delete a question you added (its author only)',
      tags,
      request: { params: QuestionParams },
      response: Ok,
    }),
    async (c) => {
      await deleteQuestion({ db, actor: c.get('actor'), id: c.req.valid('param').id });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/pms/{pmId}/questions/suggested',
      access: 'coaching-data',
      summary:
        'Questions for the next conversation, chosen from the PM’s context and filled in with their own words (PM and current coaches)',
      tags,
      request: { params: PmParams, query: SuggestedQuery },
      response: SuggestedQuestions,
    }),
    async (c) =>
      c.json(
        {
          questions: await suggestedQuestions({
            db,
            actor: c.get('actor'),
            pmId: c.req.valid('param').pmId,
            limit: c.req.valid('query').limit,
            now: deps.now(),
          }),
        },
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/pms/{pmId}/questions/asked',
      access: 'coaching-data',
      summary:
        'Mark questions as asked, so they are not suggested again for 60 days (PM and current coaches)',
      tags,
      request: { params: PmParams, ...jsonBody(MarkAskedInput) },
      response: Ok,
    }),
    async (c) => {
      await markQuestionsAsked({
        db,
        actor: c.get('actor'),
        pmId: c.req.valid('param').pmId,
        questionIds: c.req.valid('json').questionIds,
        now: deps.now(),
      });
      return c.json({ ok: true as const }, 200);
    },
  );
}
