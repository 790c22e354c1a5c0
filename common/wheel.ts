import { z } from '@hono/zod-openapi';
import { Person } from './schemas.js';

/**
 * The wheel's frameworks: skill areas with "is good at …" statements, traits described in words,
 * and a score scale. Shared by the server (validation, OpenAPI) and the web app (types).
 */

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');

/** A stable key: areas and statements keep it across versions, so history can follow them. */
export const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'must be lowercase letters, digits, dots or dashes (at most 64)')
  // Keys index score maps; one that names a built-in property ("constructor") could pass for a score.
  .refine((key) => !Object.getOwnPropertyNames(Object.prototype).includes(key), 'is a reserved word');

export const Scale = z
  .object({
    min: z.number().int('must be a whole number').min(0, 'must be at least 0').max(10, 'must be at most 10'),
    max: z
      .number()
      .int('must be a whole number')
      .min(2, 'must be at least 2')
      .max(100, 'must be at most 100'),
  })
  .refine((s) => s.max - s.min >= 2, {
    message: 'must span at least three points (max - min >= 2)',
    path: ['max'],
  })
  .openapi('Scale');
export type Scale = z.infer<typeof Scale>;

export const Statement = z.object({ key: Key, text: required(300) }).openapi('Statement');
export type Statement = z.infer<typeof Statement>;

export const Area = z
  .object({
    key: Key,
    name: required(80),
    description: text(600),
    low: text(600).describe('What a low score looks like'),
    middle: text(600).describe('What a middle score looks like'),
    high: text(600).describe('What a high score looks like'),
    statements: z
      .array(Statement)
      .min(1, 'needs at least one statement')
      .max(12, 'can have at most 12 statements'),
  })
  .openapi('Area');
export type Area = z.infer<typeof Area>;

/** A personality trait: described in words, never scored. */
export const Trait = z.object({ key: Key, name: required(80), description: text(600) }).openapi('Trait');
export type Trait = z.infer<typeof Trait>;

/** The content of one framework version (what a coach edits). */
export const FrameworkContent = z
  .object({
    name: required(100),
    description: text(1000),
    scale: Scale,
    areas: z.array(Area).min(1, 'needs at least one area').max(16, 'can have at most 16 areas'),
    traits: z.array(Trait).max(20, 'can have at most 20 traits'),
  })
  .openapi('FrameworkContent');
export type FrameworkContent = z.infer<typeof FrameworkContent>;

/**
 * What a coach sends to save a framework: keys are optional (new areas, statements and traits get
 * one from the server); existing ones keep theirs so old rounds still match.
 */
export const FrameworkInput = z
  .object({
    name: required(100),
    description: text(1000).default(''),
    scale: Scale.default({ min: 1, max: 10 }),
    areas: z
      .array(
        Area.extend({
          key: Key.optional(),
          description: text(600).default(''),
          low: text(600).default(''),
          middle: text(600).default(''),
          high: text(600).default(''),
          statements: z
            .array(Statement.extend({ key: Key.optional() }))
            .min(1, 'needs at least one statement')
            .max(12, 'can have at most 12 statements'),
        }),
      )
      .min(1, 'needs at least one area')
      .max(16, 'can have at most 16 areas'),
    traits: z
      .array(Trait.extend({ key: Key.optional(), description: text(600).default('') }))
      .max(20)
      .default([]),
  })
  .openapi('FrameworkInput');
export type FrameworkInput = z.infer<typeof FrameworkInput>;

/** The JSON file a framework exports to and imports from. */
export const FrameworkFile = FrameworkInput.extend({
  format: z.literal('wheelhouse-framework', {
    error: 'must be "wheelhouse-framework" (is this a Wheelhouse framework file?)',
  }),
  formatVersion: z.literal(1, { error: 'must be 1 (this file comes from a newer Wheelhouse)' }),
}).openapi('FrameworkFile');
export type FrameworkFile = z.infer<typeof FrameworkFile>;

export const FrameworkSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z
      .enum(['default', 'template', 'own'])
      .describe('default: the workspace PMwheel; template: managed by an admin; own: a coach’s copy'),
    owner: Person.nullable(),
    currentVersion: z.number().int(),
    updatedAt: z.string(),
    canEdit: z.boolean(),
  })
  .openapi('FrameworkSummary');
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

/** One version of a framework, with its full content. */
export const FrameworkVersion = FrameworkContent.extend({
  frameworkId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  createdAt: z.string(),
}).openapi('FrameworkVersion');
export type FrameworkVersion = z.infer<typeof FrameworkVersion>;

export const Framework = FrameworkSummary.extend({ current: FrameworkVersion }).openapi('Framework');
export type Framework = z.infer<typeof Framework>;

export const FrameworkVersionInfo = z
  .object({
    version: z.number().int(),
    versionId: z.string(),
    name: z.string(),
    createdAt: z.string(),
    createdBy: Person.nullable(),
  })
  .openapi('FrameworkVersionInfo');
export type FrameworkVersionInfo = z.infer<typeof FrameworkVersionInfo>;
