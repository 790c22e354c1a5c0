import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { buildMember, buildPm, buildRound, buildWorkspace, type Person } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { snapshot } from './matrix/snapshot.js';

/**
 * Schema-driven fuzzing: every operation of the OpenAPI document gets generated bad input
 * (wrong types, missing and extra fields, huge and odd strings, bad ids, bad JSON, wrong content
 * type), sent as a PM and as a coach. No answer may be a 5xx, every refusal is a short
 * `{ error: { code, message } }` without a stack trace, and a refused request changes nothing.
 * Seeded and bounded by a fixed number of requests.
 */

const SEED = 20261126;
const RUNS_PER_OPERATION_AND_ACTOR = 10;

type Schema = Record<string, any>;
type Operation = { method: string; path: string; op: Schema };

let app: TestApp;
let doc: Schema;
let coach: Person;
let pm: Person & { pairId: string };
let mine: Ids;
let theirs: Ids;

/** Real ids of one PM's things, by the kind of path parameter they fill. */
interface Ids {
  pmId: string;
  pairId: string;
  roundId: string;
  themeId: string;
  actionId: string;
  suggestionId: string;
  sessionId: string;
  frameworkId: string;
}

async function seedPm(owner: Person & { pairId: string }, theirCoach: Person): Promise<Ids> {
  const plan = await owner.client.post(`/api/pms/${owner.id}/plan`, {
    headline: 'Own discovery',
    themes: [{ title: 'Talk to users', why: '', actions: [{ text: 'Lead three interviews' }] }],
  });
  if (plan.status !== 200) throw new Error(`plan failed: ${plan.text}`);
  const theme = plan.body.themes[0];
  const suggestion = await theirCoach.client.post(`/api/pms/${owner.id}/plan/suggestions`, {
    kind: 'new_action',
    themeId: theme.id,
    text: 'Invite sales to the review',
    dueOn: null,
    message: '',
  });
  if (suggestion.status !== 200) throw new Error(`suggestion failed: ${suggestion.text}`);
  await buildRound(owner, theirCoach);
  const round = await buildRound(owner, theirCoach, { submit: false });
  const session = await theirCoach.client.post(`/api/pms/${owner.id}/coaching-sessions`, {
    startsAt: '2031-03-03T14:30',
    timeZone: 'Europe/Berlin',
  });
  if (session.status !== 200) throw new Error(`session failed: ${session.text}`);
  const frameworks = await theirCoach.client.get('/api/frameworks');
  return {
    pmId: owner.id,
    pairId: owner.pairId,
    roundId: round.id,
    themeId: theme.id,
    actionId: theme.actions[0].id,
    suggestionId: suggestion.body.suggestions[0].id,
    sessionId: session.body.id,
    frameworkId: frameworks.body[0].id,
  };
}

beforeAll(async () => {
  app = await startTestApp();
  doc = await fetch(`${app.url}/api/openapi.json`).then((r) => r.json());
  coach = await buildWorkspace(app);
  pm = await buildPm(app, coach, 'Pat PM');
  mine = await seedPm(pm, coach);
  // Someone else's pair: another coach and their PM, for "someone else's id".
  const otherCoach = await buildMember(app, coach, 'Olga Other');
  const otherPm = await buildPm(app, otherCoach, 'Quinn Other');
  theirs = await seedPm(otherPm, otherCoach);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

// --- The operations, and which ones a fuzzer must not be allowed to do for real ---

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Schema>))
    for (const [method, op] of Object.entries(ops)) out.push({ method: method.toUpperCase(), path, op });
  return out;
}

/** Would end the actor's session or the world the fuzzer stands on, whatever the input. */
const skipped = new Set(['POST /api/auth/sign-out', 'POST /api/demo', 'DELETE /api/demo']);
/**
 * Tables a refusal may still change, by design: a submit saves the answers sent with it first, so
 * that an incomplete one (refused 400) loses nothing (server/features/assess/rounds/assessments.ts).
 */
const changedOnRefusal: Record<string, string[]> = {
  'POST /api/rounds/{roundId}/assessments/{side}/submit': ['assessments'],
};
/** Writes whose target must never be a real id of the actor's own (a valid body would do it). */
const neverOwnTarget = new Set(['PATCH /api/members/{id}', 'POST /api/auth/password']);

// --- Values ---

const ODD_STRINGS = [
  'a\u0000b',
  '\u0000',
  'Plan\u0000 for Q2',
  '\u202Eevil\u202C',
  '\u200F\u200E\u2066x\u2069',
  '🦄👩‍👩‍👧‍👦',
  '\uD800',
  "' OR 1=1 --",
  "'); DROP TABLE users; --",
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00%2e%2e',
  '<script>alert(1)</script>',
  '   ',
  '',
  '\r\n\t',
];
const HUGE = 'x'.repeat(100_000);
const WRONG_VALUES: unknown[] = [
  123,
  -1,
  1.5,
  1e308,
  true,
  false,
  null,
  [],
  [1, 'a'],
  {},
  { a: 1 },
  'text',
  '',
];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'unexpected'];

function resolve(schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components.schemas[s.$ref.split('/').pop()];
  if (s.anyOf || s.oneOf) return resolve((s.anyOf ?? s.oneOf).find((x: Schema) => x.type !== 'null'));
  if (s.allOf) return Object.assign({}, ...s.allOf.map(resolve));
  return s;
}

function typeOf(s: Schema): string {
  return Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? 'null') : (s.type ?? 'any');
}

/** A plausible, mostly valid value for a schema: the base that one mutation then breaks. */
function skeleton(schema: Schema | undefined, depth = 0): unknown {
  const s = resolve(schema);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth < 4) for (const key of s.required ?? []) out[key] = skeleton(s.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return [];
    case 'string':
      if (s.format === 'uuid') return mine.themeId;
      if (s.format === 'email') return 'someone@example.com';
      if (s.format === 'date-time') return '2031-03-03T10:00:00.000Z';
      if (s.format === 'date' || String(s.pattern ?? '').includes('\\d{4}')) return '2031-03-03';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'x';
  }
}

/** Every property of the body schema (top level and one level down), as paths. */
function fieldPaths(schema: Schema): { path: string[]; schema: Schema }[] {
  const out: { path: string[]; schema: Schema }[] = [];
  const walk = (s: Schema, path: string[], depth: number) => {
    const r = resolve(s);
    if (typeOf(r) === 'array' && depth < 3) walk(r.items ?? {}, [...path, '0'], depth + 1);
    if (typeOf(r) !== 'object') return;
    for (const [key, sub] of Object.entries((r.properties ?? {}) as Record<string, Schema>)) {
      out.push({ path: [...path, key], schema: resolve(sub) });
      if (depth < 2) walk(sub, [...path, key], depth + 1);
    }
  };
  walk(schema, [], 0);
  return out;
}

/** Sets a value at a path, building the skeleton of the parents on the way (arrays get one item). */
function setAt(body: any, path: string[], value: unknown, schema: Schema) {
  let node = body;
  let s = resolve(schema);
  for (const [i, key] of path.entries()) {
    const sub = resolve(typeOf(s) === 'array' ? s.items : s.properties?.[key]);
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object')
      node[key] = typeOf(sub) === 'array' ? [] : skeleton(sub);
    if (Array.isArray(node[key]) && node[key].length === 0)
      node[key].push(typeOf(resolve(sub.items)) === 'object' ? skeleton(sub.items) : undefined);
    node = node[key];
    s = sub;
  }
}

// --- What one generated request looks like ---

interface BadRequest {
  path: string;
  body?: string;
  contentType?: string;
  label: string;
}

type IdChoice = 'own' | 'theirs' | 'notUuid' | 'randomUuid' | 'weird';
const WEIRD_IDS = [
  '..',
  '%2e%2e%2f',
  'null',
  'undefined',
  '0',
  '-1',
  '%00',
  'x'.repeat(3000),
  "'%20OR%201=1--",
  '🦄',
];

function realId(ids: Ids, name: string, path: string, uuid: string): string {
  if (name === 'pmId') return ids.pmId;
  if (name === 'roundId') return ids.roundId;
  if (name === 'themeId') return ids.themeId;
  if (name === 'actionId') return ids.actionId;
  if (name === 'suggestionId') return ids.suggestionId;
  if (name === 'id' && path.startsWith('/api/pairs')) return ids.pairId;
  if (name === 'id' && path.startsWith('/api/coaching-sessions')) return ids.sessionId;
  if (name === 'id' && path.startsWith('/api/members')) return ids.pmId;
  if (name === 'id' && path.startsWith('/api/frameworks')) return ids.frameworkId;
  return uuid;
}

function pathValue(name: string, choice: IdChoice, path: string, pick: number, uuid: string): string {
  if (name === 'side') return ['self', 'coach', 'both', 'SELF', '__proto__'][pick % 5]!;
  if (name === 'version') return ['1', '0', '-1', '1.5', 'abc', '99999999999999999999'][pick % 6]!;
  switch (choice) {
    case 'own':
      return realId(mine, name, path, uuid);
    case 'theirs':
      return realId(theirs, name, path, uuid);
    case 'notUuid':
      return ['not-a-uuid', '123', 'abc', uuid.slice(0, 30), `${uuid}x`][pick % 5]!;
    case 'randomUuid':
      return uuid;
    case 'weird':
      return WEIRD_IDS[pick % WEIRD_IDS.length]!;
  }
}

/** encodeURIComponent, with a lone surrogate sent as its (invalid) UTF-8 bytes instead of throwing. */
function encode(value: string) {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function requestArbitrary(operation: Operation): fc.Arbitrary<BadRequest> {
  const key = `${operation.method} ${operation.path}`;
  const params = ((operation.op.parameters ?? []) as Schema[]).filter((p) => p.in === 'path');
  const query = ((operation.op.parameters ?? []) as Schema[]).filter((p) => p.in === 'query');
  const bodySchema = operation.op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const fields = bodySchema ? fieldPaths(bodySchema) : [];
  const hasBody = !!bodySchema;
  // Without a body to break, a write to one's own real thing would simply happen: only bad ids then.
  const ownAllowed = (i: number) =>
    operation.method === 'GET' ||
    (hasBody && !neverOwnTarget.has(key)) ||
    (params[i]!.name === 'pmId' && i < params.length - 1);
  const choices = params.map((_, i) =>
    fc.constantFrom<IdChoice>(
      ...(ownAllowed(i) ? (['own', 'own', 'own'] as IdChoice[]) : []),
      'theirs',
      'notUuid',
      'randomUuid',
      'weird',
    ),
  );
  const bodyKinds = hasBody
    ? // Odd strings in an otherwise plausible body reach the database: they get the most runs.
      ([
        'wrongType',
        'missing',
        'extra',
        'huge',
        'odd',
        'odd',
        'odd',
        'oddKeys',
        'badJson',
        'contentType',
        'notObject',
      ] as const)
    : (['none', 'badJson', 'contentType'] as const);
  return fc
    .record({
      ids: fc.tuple(...choices),
      pick: fc.nat(1000),
      uuid: fc.uuid({ version: 4 }),
      kind: fc.constantFrom<string>(...bodyKinds),
      field: fc.nat(Math.max(0, fields.length - 1)),
      wrong: fc.constantFrom(...WRONG_VALUES),
      odd: fc.constantFrom(...ODD_STRINGS),
      oddKey: fc.constantFrom(...ODD_KEYS),
      queryValue: fc.constantFrom('abc', '-1', '0', '1e9', HUGE.slice(0, 5000), ...ODD_STRINGS),
    })
    .map(({ ids, pick, uuid, kind, field, wrong, odd, oddKey, queryValue }) => {
      let path = operation.path;
      params.forEach((p, i) => {
        const value = pathValue(p.name, ids[i]!, operation.path, pick + i, uuid);
        path = path.replace(`{${p.name}}`, value.includes('%') ? value : encode(value));
      });
      if (query.length) path += `?${query.map((q) => `${q.name}=${encode(queryValue)}`).join('&')}`;
      const label = `${kind} ${ids.join(',')}`;
      const base = bodySchema ? (skeleton(bodySchema) as any) : {};
      const target = fields[field];
      switch (kind) {
        case 'none':
          return { path, label };
        case 'wrongType':
          if (target) setAt(base, target.path, wrong, bodySchema!);
          else return { path, body: JSON.stringify(wrong), label };
          return { path, body: JSON.stringify(base), label: `${label} ${target.path.join('.')}` };
        case 'missing': {
          const required = (resolve(bodySchema).required ?? []) as string[];
          if (required.length) delete base[required[pick % required.length]!];
          return { path, body: JSON.stringify(required.length ? base : {}), label };
        }
        case 'extra': {
          const text = JSON.stringify(base);
          const extra = `"${oddKey}":{"isAdmin":true,"role":"admin"}`;
          return { path, body: text === '{}' ? `{${extra}}` : `{${extra},${text.slice(1)}`, label };
        }
        case 'huge':
        case 'odd': {
          const strings = fields.filter((f) => typeOf(f.schema) === 'string' && !f.schema.enum);
          const chosen = strings[pick % Math.max(1, strings.length)] ?? target;
          if (chosen) setAt(base, chosen.path, kind === 'huge' ? HUGE : odd, bodySchema!);
          return { path, body: JSON.stringify(base), label: `${label} ${chosen?.path.join('.')}` };
        }
        case 'oddKeys': {
          // Maps keyed by user input (scores, notes) with keys that live on every object's prototype.
          const maps = fields.filter((f) => typeOf(f.schema) === 'object' && f.schema.additionalProperties);
          const chosen = maps[pick % Math.max(1, maps.length)] ?? target;
          const map = JSON.parse(`{"${oddKey}":5,"__proto__":5,"constructor":5,"hasOwnProperty":"x"}`);
          if (chosen) setAt(base, chosen.path, map, bodySchema!);
          return { path, body: JSON.stringify(base), label: `${label} ${chosen?.path.join('.')}` };
        }
        case 'badJson':
          return {
            path,
            body: ['{', '{"a":', 'nul', '[1,2', '\u0000', '{"a":1}}', '{"a":1,}', "{'a':1}", '\uFEFF{}'][
              pick % 9
            ]!,
            label,
          };
        case 'contentType':
          return {
            path,
            body: JSON.stringify(base),
            contentType: [
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data',
              'application/xml',
              '',
            ][pick % 5]!,
            label,
          };
        default:
          return { path, body: JSON.stringify([null, 42, 'x', true, [base]][pick % 5]), label };
      }
    });
}

async function send(client: Client, method: string, req: BadRequest) {
  const headers: Record<string, string> = {};
  if (req.body !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
  // client.request sends string bodies as they are; a non-string body would be JSON-encoded.
  return client.request(method, req.path, method === 'GET' ? undefined : req.body, headers);
}

/** Every data table's rows (one round trip on PostgreSQL, see matrix/snapshot.ts). */
const quickSnapshot = () => snapshot(app.deps.db);

function problemsWith(res: { status: number; body: any; text: string }): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status}`);
  if (res.status < 400) return problems;
  const error = res.body?.error;
  if (typeof error?.code !== 'string' || typeof error?.message !== 'string')
    problems.push('error body is not { error: { code, message } }');
  else if (error.message.length > 300) problems.push(`message of ${error.message.length} characters`);
  if (
    /\n\s*at |\bat [\w.<>]+ \(|node:internal|node_modules|\/work\/|\/home\/|\/tmp\/|\.ts:\d+/.test(res.text)
  )
    problems.push('error body shows a stack trace or a file path');
  return problems;
}

it('answers generated bad input to every operation with a short 4xx, and changes nothing on a refusal', async () => {
  const ops = operations().filter((o) => !skipped.has(`${o.method} ${o.path}`));
  expect(ops.length).toBeGreaterThan(80);
  const failures: string[] = [];
  let requests = 0;
  let reused = 0;
  let refused = 0;
  let before = await quickSnapshot();
  for (const [actorName, actor] of [
    ['pm', pm],
    ['coach', coach],
  ] as const) {
    for (const [index, operation] of ops.entries()) {
      const samples = fc.sample(requestArbitrary(operation), {
        seed: SEED + index * 7919 + (actorName === 'pm' ? 0 : 1),
        numRuns: RUNS_PER_OPERATION_AND_ACTOR,
      });
      for (const req of samples) {
        let res;
        try {
          res = await send(actor.client, operation.method, req);
        } catch {
          // A keep-alive socket the server closed just as it was reused (the request got no answer):
          // a browser resends on a new connection, so do we, once.
          reused++;
          try {
            res = await send(actor.client, operation.method, req);
          } catch (err) {
            failures.push(
              `${actorName} ${operation.method} ${operation.path} [${req.label}]: no answer (${err})`,
            );
            continue;
          }
        }
        requests++;
        const where = `${actorName} ${operation.method} ${req.path.slice(0, 120)} [${req.label}]`;
        for (const p of problemsWith(res))
          failures.push(`${where}: ${p} ${res.text.slice(0, 200)} body=${(req.body ?? '').slice(0, 200)}`);
        const after = await quickSnapshot();
        if (res.status >= 400) {
          refused++;
          const allowed = changedOnRefusal[`${operation.method} ${operation.path}`] ?? [];
          const changed = Object.keys(after).filter(
            (t) => !allowed.includes(t) && JSON.stringify(after[t]) !== JSON.stringify(before[t]),
          );
          if (changed.length)
            failures.push(`${where}: refused (${res.status}) but changed ${changed.join(', ')}`);
        }
        before = after;
      }
    }
  }
  // The world the fuzzer stood on was still there at the end (its findings mean something).
  expect((await pm.client.get(`/api/pms/${pm.id}/plan`)).status).toBe(200);
  expect((await coach.client.get(`/api/pms/${pm.id}/plan`)).status).toBe(200);
  expect(failures).toEqual([]);
  expect(requests).toBe(ops.length * 2 * RUNS_PER_OPERATION_AND_ACTOR);
  expect(refused).toBeGreaterThan(requests * 0.7);
  expect(reused).toBeLessThan(requests / 100);
}, 180_000);
