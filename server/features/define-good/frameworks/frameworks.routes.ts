import { z } from '@hono/zod-openapi';
import { Id } from '../../../../common/schemas.js';
import {
  Framework,
  FrameworkFile,
  FrameworkInput,
  FrameworkSummary,
  FrameworkVersion,
  FrameworkVersionInfo,
} from '../../../../common/wheel.js';
import type { App, Deps } from '../../../http/env.js';
import { jsonBody, jsonRoute, Ok } from '../../../http/routes.js';
import { exportFramework, importFramework } from './framework-io.js';
import {
  archiveFramework,
  copyFramework,
  getFramework,
  getFrameworkVersion,
  listFrameworks,
  listFrameworkVersions,
  saveFramework,
} from './frameworks.js';

const tags = ['Frameworks'];
const params = z.object({ id: Id });
const asTemplate = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

/** Frameworks hold no coaching data: every workspace member reads them (decision 010). */
export function registerFrameworkRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/frameworks',
      access: 'signed-in',
      summary: "The workspace's frameworks (the default PMwheel is created on first use)",
      tags,
      response: z.array(FrameworkSummary),
    }),
    async (c) => c.json(await listFrameworks({ db, actor: c.get('actor') }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/frameworks/{id}',
      access: 'signed-in',
      summary: 'A framework with its current version: areas, statements, traits, scale',
      tags,
      request: { params },
      response: Framework,
    }),
    async (c) => c.json(await getFramework({ db, actor: c.get('actor'), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/frameworks/{id}/versions',
      access: 'signed-in',
      summary: 'Every saved version of a framework, newest first',
      tags,
      request: { params },
      response: z.array(FrameworkVersionInfo),
    }),
    async (c) =>
      c.json(await listFrameworkVersions({ db, actor: c.get('actor'), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/frameworks/{id}/versions/{version}',
      access: 'signed-in',
      summary: 'One version of a framework, as old rounds were assessed on it',
      tags,
      request: { params: params.extend({ version: z.coerce.number().int().min(1, 'must be at least 1') }) },
      response: FrameworkVersion,
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(await getFrameworkVersion({ db, actor: c.get('actor'), id, version }), 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/frameworks/{id}/copy',
      access: 'signed-in',
      summary: 'Copy a framework to adapt it (your own copy; an admin may make a workspace template)',
      tags,
      request: {
        params,
        ...jsonBody(
          z.object({
            name: z.string().trim().min(1, 'is required').max(100).optional(),
            asTemplate: z.boolean().default(false),
          }),
        ),
      },
      response: Framework,
    }),
    async (c) =>
      c.json(
        await copyFramework({
          db,
          actor: c.get('actor'),
          id: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    jsonRoute({
      method: 'put',
      path: '/api/frameworks/{id}',
      access: 'signed-in',
      summary:
        'Save an edited framework as a new version (its owner; an admin for templates). Send keys back to keep areas and statements',
      tags,
      request: {
        params,
        ...jsonBody(
          FrameworkInput.extend({
            baseVersion: z
              .number()
              .int()
              .optional()
              .describe('The version you edited; a newer one gives 409'),
          }),
        ),
      },
      response: Framework,
    }),
    async (c) => {
      const { baseVersion, ...content } = c.req.valid('json');
      return c.json(
        await saveFramework({
          db,
          actor: c.get('actor'),
          id: c.req.valid('param').id,
          content,
          baseVersion,
        }),
        200,
      );
    },
  );

  app.openapi(
    jsonRoute({
      method: 'delete',
      path: '/api/frameworks/{id}',
      access: 'signed-in',
      summary: 'Remove a framework from the list (rounds made on it keep their version)',
      tags,
      request: { params },
      response: Ok,
    }),
    async (c) => {
      await archiveFramework({ db, actor: c.get('actor'), id: c.req.valid('param').id });
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'get',
      path: '/api/frameworks/{id}/export',
      access: 'signed-in',
      summary: "A framework's current version as a JSON file to import elsewhere",
      tags,
      request: { params },
      response: FrameworkFile,
    }),
    async (c) => {
      const file = await exportFramework({ db, actor: c.get('actor'), id: c.req.valid('param').id });
      c.header(
        'Content-Disposition',
        `attachment; filename="framework-${file.name.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase()}.json"`,
      );
      return c.json(file, 200);
    },
  );

  app.openapi(
    jsonRoute({
      method: 'post',
      path: '/api/frameworks/import',
      access: 'signed-in',
      summary:
        'Import a framework file as your own copy (?asTemplate=true: a workspace template, admin only)',
      tags,
      request: { query: z.object({ asTemplate }), ...jsonBody(FrameworkFile) },
      response: Framework,
    }),
    async (c) =>
      c.json(
        await importFramework({
          db,
          actor: c.get('actor'),
          file: c.req.valid('json'),
          asTemplate: c.req.valid('query').asTemplate,
        }),
        200,
      ),
  );
}
