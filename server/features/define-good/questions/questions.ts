import type {
  Question,
  QuestionInput,
  QuestionList,
  QuestionPatch,
  QuestionQuery,
  Situation,
  SuggestedQuestion,
} from '../../../../common/questions.js';
import type { Db } from '../../../db/database.js';
import type { QuestionTable } from '../../../db/schema.js';
import { AppError, notFound } from '../../../http/errors.js';
import { recordAccess } from '../../../privacy/access-log.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorize } from '../../../privacy/authorize.js';
import { authorizeWorkspace, mayInWorkspace } from '../../../privacy/workspace-rules.js';
import { newId } from '../../../util.js';
import { bankAreaNames } from './area-names.js';
import { builtinQuestion, builtinQuestions, type BuiltinQuestion } from './question-content.js';
import { markAsked, suggestQuestions } from './suggest.js';
import { isTemplate, readableTemplate } from './template.js';

type QuestionRow = QuestionTable & { author_name: string };

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

function presentBuiltin(b: BuiltinQuestion): Question {
  return {
    id: b.id,
    text: b.shown ?? readableTemplate(b.text),
    areas: [...b.areas],
    situations: [...b.situations],
    source: 'builtin',
    visibility: null,
    author: null,
    templated: isTemplate(b.text),
    canEdit: false,
  };
}

function presentAdded(row: QuestionRow, actor: Actor): Question {
  const canEdit = mayInWorkspace({ actor, action: 'question:edit', thing: row });
  return {
    id: row.id,
    text: row.text,
    areas: parseList(row.areas),
    situations: parseList(row.situations) as Situation[],
    source: canEdit ? 'own' : 'workspace',
    visibility: row.visibility,
    author: { id: row.author_id, name: row.author_name },
    templated: false,
    canEdit,
  };
}

const addedQuery = (db: Db) =>
  db
    .selectFrom('questions')
    .innerJoin('users', 'users.id', 'questions.author_id')
    .selectAll('questions')
    .select('users.name as author_name');

/** The questions someone added that the actor may see: their own, and those offered to their workspace. */
async function addedVisibleTo(db: Db, actor: Actor): Promise<QuestionRow[]> {
  const rows = await addedQuery(db)
    .where('questions.workspace_id', '=', actor.workspaceId)
    .orderBy('questions.created_at', 'desc')
    .orderBy('questions.id')
    .execute();
  return rows.filter((row) => mayInWorkspace({ actor, action: 'question:read', thing: row }));
}

/** Folds case and accents, so "etre" finds "être" and "TEAM" finds "team". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The bank: the actor's own questions, then the workspace's shared ones, then the built-in ones,
 * narrowed by search words (every word must appear), an area or trait key and a situation.
 */
export async function listQuestions(input: {
  db: Db;
  actor: Actor;
  query: QuestionQuery;
}): Promise<QuestionList> {
  const { db, actor, query } = input;
  authorizeWorkspace({ actor, action: 'question:list' });
  const added = (await addedVisibleTo(db, actor)).map((row) => presentAdded(row, actor));
  const all = [
    ...added.filter((q) => q.source === 'own'),
    ...added.filter((q) => q.source === 'workspace'),
    ...builtinQuestions.map(presentBuiltin),
  ];
  const words = fold(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const questions = all.filter(
    (q) =>
      words.every((w) => fold(q.text).includes(w)) &&
      (!query.area || q.areas.includes(query.area)) &&
      (!query.situation || q.situations.includes(query.situation)),
  );
  return {
    questions,
    areas: await bankAreaNames(db, actor),
  };
}

/** Adds a question of the actor's own, kept to themselves or offered to their workspace. */
export async function addQuestion(input: {
  db: Db;
  actor: Actor;
  question: QuestionInput;
  now: Date;
}): Promise<Question> {
  const { db, actor, question, now } = input;
  authorizeWorkspace({ actor, action: 'question:add' });
  const id = newId();
  const at = now.toISOString();
  await db
    .insertInto('questions')
    .values({
      id,
      workspace_id: actor.workspaceId,
      author_id: actor.id,
      text: question.text,
      areas: JSON.stringify(unique(question.areas ?? [])),
      situations: JSON.stringify(unique(question.situations ?? [])),
      visibility: question.visibility ?? 'private',
      created_at: at,
      updated_at: at,
    })
    .execute();
  return presentAdded(await findAdded(db, id), actor);
}

const unique = <T>(list: T[]) => [...new Set(list)];

async function findAdded(db: Db, id: string): Promise<QuestionRow> {
  const row = await addedQuery(db).where('questions.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** A question the actor may change: someone else's private one is missing, a shared one is refused (403). */
async function editableQuestion(db: Db, actor: Actor, id: string): Promise<QuestionRow> {
  if (builtinQuestion(id))
    throw new AppError('forbidden', 'Built-in questions cannot be changed. Add your own version instead.');
  const row = await findAdded(db, id);
  authorizeWorkspace({ actor, action: 'question:read', thing: row });
  authorizeWorkspace({ actor, action: 'question:edit', thing: row });
  return row;
}

export async function editQuestion(input: {
  db: Db;
  actor: Actor;
  id: string;
  patch: QuestionPatch;
  now: Date;
}): Promise<Question> {
  const { db, actor, id, patch, now } = input;
  await editableQuestion(db, actor, id);
  await db
    .updateTable('questions')
    .set({
      ...(patch.text !== undefined && { text: patch.text }),
      ...(patch.areas !== undefined && { areas: JSON.stringify(unique(patch.areas)) }),
      ...(patch.situations !== undefined && { situations: JSON.stringify(unique(patch.situations)) }),
      ...(patch.visibility !== undefined && { visibility: patch.visibility }),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return presentAdded(await findAdded(db, id), actor);
}

export async function deleteQuestion(input: { db: Db; actor: Actor; id: string }): Promise<void> {
  const { db, actor, id } = input;
  await editableQuestion(db, actor, id);
  await db.deleteFrom('questions').where('id', '=', id).execute();
}

/** Questions for the pair's next conversation, filled in with the PM's own words (PM and current coaches). */
export async function suggestedQuestions(input: {
  db: Db;
  actor: Actor;
  pmId: string;
  limit: number;
  now: Date;
}): Promise<SuggestedQuestion[]> {
  const { db, now, limit } = input;
  const grant = await authorize({ ...input, action: 'questions:suggest' });
  const questions = await suggestQuestions({ db, viewer: grant, limit, now });
  await recordAccess({ db, grant, resource: 'suggested questions' });
  return questions;
}

/** Remembers questions as asked of the PM, so they are not suggested again soon (PM and current coaches). */
export async function markQuestionsAsked(input: {
  db: Db;
  actor: Actor;
  pmId: string;
  questionIds: string[];
  now: Date;
}): Promise<void> {
  const { db, actor, pmId, now } = input;
  const grant = await authorize({ db, actor, pmId, action: 'questions:mark-asked' });
  const ids = unique(input.questionIds);
  const known = new Set(builtinQuestions.map((b) => b.id));
  for (const row of await addedVisibleTo(db, actor)) known.add(row.id);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw new AppError('bad_request', 'One of those questions is not in your question bank.');
  await markAsked({ db, pmId, questionIds: ids, sessionId: null, now });
  await recordAccess({ db, grant, resource: 'questions asked' });
}
