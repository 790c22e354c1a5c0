import type { Question, QuestionList } from '../../../../../common/questions';

/** Situations in the words the filters and tags show (mirrors common/questions.ts situationNames). */
export const situations: { key: string; name: string }[] = [
  { key: 'no-agenda', name: 'No agenda prepared' },
  { key: 'stuck', name: 'Stuck' },
  { key: 'stakeholders', name: 'Stakeholders' },
  { key: 'bad-news', name: 'Bad news' },
  { key: 'motivation', name: 'Motivation' },
  { key: 'confidence', name: 'Confidence' },
  { key: 'career', name: 'Career' },
  { key: 'after-dip', name: 'After a dip' },
  { key: 'after-win', name: 'After a win' },
];

/** Where a question comes from and who sees it, in a few words. */
export function sourceLabel(q: Question): string {
  if (q.source === 'builtin')
    return q.templated ? 'Built in · filled in with the PM’s own words' : 'Built in';
  if (q.source === 'own')
    return q.visibility === 'workspace' ? 'Yours · shared with your workspace' : 'Yours · only you see it';
  return `Shared by ${q.author?.name ?? 'a colleague'}`;
}

/** The tags of a question as names (unknown keys, from another framework, as they are). */
export function tagNames(q: Question, areas: QuestionList['areas']): string[] {
  return [
    ...q.areas.map((key) => areas.find((a) => a.key === key)?.name ?? key),
    ...q.situations.map((key) => situations.find((s) => s.key === key)?.name ?? key),
  ];
}

/** The bank's API path for a search and filters. */
export function bankPath(filters: { q: string; area: string; situation: string }): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.area) params.set('area', filters.area);
  if (filters.situation) params.set('situation', filters.situation);
  const query = params.toString();
  return query ? `/api/questions?${query}` : '/api/questions';
}
