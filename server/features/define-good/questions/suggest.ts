import { randomUUID } from 'node:crypto';
import { Situation, type SuggestedQuestion } from '../../../../common/questions.js';
import type { Db } from '../../../db/database.js';
import type { Viewer } from '../../../privacy/rules.js';
import { builtinQuestions, type BuiltinQuestion } from './question-content.js';
import { pmContext, type PmContext } from './pm-context.js';
import { fillTemplate, type TemplateValues } from './template.js';

/** A question asked of a PM is not suggested to the pair again for this long. */
export const ASKED_COOLDOWN_DAYS = 60;

/**
 * Questions for this PM's next conversation, filled in with their own words, most useful first
 * (decision 031): red themes, recent dips, lowest areas, the biggest perception gap, the next
 * bigger challenge, the plan's themes, then good openers. One from each source before a second
 * from any, so three questions cover three topics. Questions asked in the last 60 days are left
 * out. The caller has authorized the viewer; this logs nothing.
 */
export async function suggestQuestions(input: {
  db: Db;
  viewer: Viewer;
  limit: number;
  now: Date;
  /** A session opened with nothing prepared: good openers come first. */
  noAgenda?: boolean;
  /** Questions not to suggest this time whatever else (last session's). */
  leaveOut?: readonly string[];
}): Promise<SuggestedQuestion[]> {
  const context = await pmContext(input.db, input.viewer);
  const since = new Date(input.now.getTime() - ASKED_COOLDOWN_DAYS * 86_400_000).toISOString();
  const asked = await input.db
    .selectFrom('question_asked')
    .select('question_id')
    .where('pm_id', '=', input.viewer.pmId)
    .where('asked_at', '>', since)
    .execute();
  return chooseQuestions({
    context,
    // The workspace's shared questions first: where one fits, the team's own words win.
    bank: [...(await sharedQuestionsFor(input.db, input.viewer.pmId)), ...builtinQuestions],
    asked: new Set([...asked.map((a) => a.question_id), ...(input.leaveOut ?? [])]),
    limit: input.limit,
    noAgenda: input.noAgenda ?? false,
  });
}

/**
 * The questions offered to the PM's workspace, as bank entries. Only shared ones: both sides of
 * the pair may see them, so a suggestion (or an agenda prepared from it) never carries someone's
 * private question to the other side.
 */
async function sharedQuestionsFor(db: Db, pmId: string): Promise<BuiltinQuestion[]> {
  const rows = await db
    .selectFrom('questions')
    .innerJoin('users', 'users.workspace_id', 'questions.workspace_id')
    .select(['questions.id', 'questions.text', 'questions.areas', 'questions.situations'])
    .where('users.id', '=', pmId)
    .where('questions.visibility', '=', 'workspace')
    .orderBy('questions.created_at')
    .orderBy('questions.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    // Their words as written: braces in them are not placeholders.
    text: r.text.replace(/\{/g, '(').replace(/\}/g, ')'),
    areas: parseList(r.areas),
    situations: parseList(r.situations).filter((x): x is Situation => Situation.safeParse(x).success),
  }));
}

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** Remembers questions as asked of the PM (in a session, or outside one), once each. */
export async function markAsked(input: {
  db: Db;
  pmId: string;
  questionIds: string[];
  sessionId: string | null;
  now: Date;
}): Promise<void> {
  const ids = [...new Set(input.questionIds)];
  if (!ids.length) return;
  await input.db
    .insertInto('question_asked')
    .values(
      ids.map((questionId) => ({
        id: randomUUID(),
        pm_id: input.pmId,
        question_id: questionId,
        session_id: input.sessionId,
        asked_at: input.now.toISOString(),
      })),
    )
    .execute();
}

interface Candidate {
  question: BuiltinQuestion;
  values: TemplateValues;
  why: string;
}

const tagged = (bank: readonly BuiltinQuestion[], key: string) => bank.filter((b) => b.areas.includes(key));
const inSituation = (bank: readonly BuiltinQuestion[], s: BuiltinQuestion['situations'][number]) =>
  bank.filter((b) => b.situations.includes(s));
const byId = (bank: readonly BuiltinQuestion[], ids: string[]) =>
  ids.flatMap((id) => bank.filter((b) => b.id === id));

/** Each source of suggestions from the PM's context, most pressing first: candidates in order. */
function sources(context: PmContext, bank: readonly BuiltinQuestion[], noAgenda: boolean): Candidate[][] {
  const { scale } = context;
  const list: Candidate[][] = [];
  const of = (questions: BuiltinQuestion[], values: TemplateValues, why: string) =>
    questions.map((question) => ({ question, values, why }));
  const openers = of(inSituation(bank, 'no-agenda'), {}, 'A good opener when nothing is prepared');
  if (noAgenda) list.push(openers);

  for (const theme of context.redThemes) {
    const values = { theme: theme.title, challenge: context.challenge ?? undefined };
    const why = `“${theme.title}” is red`;
    list.push([
      ...of(byId(bank, ['t-theme-red', 't-theme-me']), values, why),
      ...of(
        theme.targets.flatMap((key) => tagged(bank, key).filter((b) => b.situations.includes('stuck'))),
        values,
        why,
      ),
    ]);
  }

  for (const dip of context.dips) {
    const values = { area: dip.name, score: dip.score, scale: scale ?? undefined };
    const why = `A dip in ${dip.name} last round`;
    list.push([
      ...of(byId(bank, ['t-area-dip', 'seed-scale', 't-area-seven']), values, why),
      ...of(
        tagged(bank, dip.key).filter((b) => b.situations.includes('after-dip')),
        values,
        why,
      ),
      ...of(
        inSituation(bank, 'after-dip').filter((b) => !b.areas.length),
        values,
        why,
      ),
    ]);
  }

  for (const [index, area] of context.lowest.entries()) {
    const values = { area: area.name, score: area.self, scale: scale ?? undefined };
    const why = index === 0 ? `Your lowest area: ${area.name}` : `One of your lowest areas: ${area.name}`;
    list.push([
      ...of(byId(bank, ['seed-scale', 't-area-good-looks', 't-area-seven']), values, why),
      ...of(tagged(bank, area.key), values, why),
      ...of(byId(bank, ['t-area-someone']), values, why),
    ]);
  }

  for (const gap of context.gaps) {
    const values = { area: gap.name, score: gap.self, scale: scale ?? undefined };
    const why = `Self and coach scores differ most on ${gap.name}`;
    list.push([
      ...of(byId(bank, ['t-area-gap']), values, why),
      ...of(
        tagged(bank, gap.key).filter((b) => b.situations.includes('confidence')),
        values,
        why,
      ),
      ...of(
        inSituation(bank, 'confidence').filter((b) => !b.areas.length),
        values,
        why,
      ),
    ]);
  }

  if (context.challenge) {
    const values = { challenge: context.challenge };
    list.push(
      of(
        byId(bank, ['t-challenge-ready', 't-challenge-gap', 't-challenge-skill']),
        values,
        'Your next bigger challenge',
      ),
    );
  }

  for (const theme of context.themes) {
    const values = { theme: theme.title };
    const why = `A theme of your plan: “${theme.title}”`;
    list.push([
      ...of(byId(bank, ['t-theme-help']), values, why),
      ...of(
        theme.targets.flatMap((key) => tagged(bank, key)),
        values,
        why,
      ),
    ]);
  }

  if (!noAgenda) list.push(openers);
  return list;
}

/**
 * The choice itself, pure: one candidate from each source in turn (first the first of each, then
 * the second…), skipping questions asked recently, questions already chosen and templates whose
 * values this PM lacks.
 */
export function chooseQuestions(input: {
  context: PmContext;
  bank: readonly BuiltinQuestion[];
  asked: ReadonlySet<string>;
  limit: number;
  noAgenda: boolean;
}): SuggestedQuestion[] {
  const queues = sources(input.context, input.bank, input.noAgenda).map((candidates) => [...candidates]);
  const chosen: SuggestedQuestion[] = [];
  const taken = new Set<string>(input.asked);
  while (chosen.length < input.limit && queues.some((q) => q.length)) {
    for (const queue of queues) {
      if (chosen.length >= input.limit) break;
      while (queue.length) {
        const { question, values, why } = queue.shift()!;
        if (taken.has(question.id)) continue;
        const text = fillTemplate(question.text, values);
        if (text === null) continue;
        taken.add(question.id);
        chosen.push({ id: question.id, text, areas: question.areas, situations: question.situations, why });
        break;
      }
    }
  }
  return chosen;
}
