import type { ActionStatus, Attribution, PlanSuggestion, PlanTheme } from '../../../../../common/plans';
import { firstName } from '../../../ui/format';

/** Words the plan pages share: statuses, dates without a time of day, who an idea came from. */

export const statusLabels: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "12 Mar 2027" for a calendar date "2027-03-12", the same day in every time zone. */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T12:00:00`));

/** Today as a calendar date in the reader's time zone ("2027-03-12"). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Idea from Cora, adopted by you" (the PM) / "Your idea, adopted by Pat" (the coach who suggested it). */
export function attributionText(
  attribution: Attribution,
  viewer: { side: 'pm' | 'coach'; meId: string; pmFirst: string },
): string | null {
  if (attribution.origin !== 'coach') return null;
  const by = attribution.suggestedBy;
  const adopter = viewer.side === 'pm' ? 'you' : viewer.pmFirst;
  if (by && by.id === viewer.meId) return `Your idea, adopted by ${adopter}`;
  return `Idea from ${by ? firstName(by.name) : 'a coach'}, adopted by ${adopter}`;
}

/** What a suggestion proposes, in a sentence head: "A new action for “Talk to users”". */
export function suggestionHead(s: PlanSuggestion, themes: PlanTheme[]): string {
  const theme = themes.find((t) => t.id === s.themeId);
  const action = themes.flatMap((t) => t.actions).find((a) => a.id === s.actionId);
  const of = (title: string | undefined) => (title ? ` “${title}”` : '');
  switch (s.kind) {
    case 'new_theme':
      return 'A new theme';
    case 'reword_theme':
      return `New words for the theme${of(theme?.title)}`;
    case 'new_action':
      return `A new action for${of(theme?.title) || ' a theme'}`;
    case 'reword_action':
      return `New words for the action${of(action?.text)}`;
  }
}

/** The theme's areas and traits as one line: "Understand the problem · Curiosity". */
export const targetsLine = (theme: Pick<PlanTheme, 'areas' | 'traits'>) =>
  [...theme.areas, ...theme.traits].map((t) => t.name).join(' · ');
