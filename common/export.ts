import { z } from '@hono/zod-openapi';

/** The export's machine-readable format (decision 042). Bump `version` on any breaking change. */
export const EXPORT_SCHEMA = 'wheelhouse-export';
export const EXPORT_VERSION = 1;

/** Every kind of data an export can hold, in the order the files are written. */
export const exportKinds = [
  'account',
  'rounds',
  'self-checks',
  'reflections',
  'plans',
  'vision',
  'coaching-sessions',
  'check-ins',
  'pulses',
  'nudges',
  'access-log',
] as const;
export type ExportKind = (typeof exportKinds)[number];

/** `manifest.json` at the root of the zip: what is inside and for whom. */
export const ExportManifest = z
  .object({
    schema: z.literal(EXPORT_SCHEMA),
    version: z.literal(EXPORT_VERSION),
    generatedAt: z.string(),
    pm: z.object({ id: z.string(), name: z.string() }),
    exportedBy: z.object({ id: z.string(), name: z.string(), side: z.enum(['pm', 'coach']) }),
    format: z.literal('json-array').describe('Each data/<kind>.json is one JSON array of objects'),
    files: z.record(z.string(), z.string()).describe('Kind → path of its JSON file inside the zip'),
    counts: z.record(z.string(), z.number().int()).describe('Kind → number of items in its file'),
  })
  .openapi('ExportManifest');
export type ExportManifest = z.infer<typeof ExportManifest>;
