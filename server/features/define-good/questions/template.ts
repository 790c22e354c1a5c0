import type { Scale } from '../../../../common/wheel.js';

/**
 * Templated questions (decision 031): a built-in question may hold placeholders that are filled
 * in with this PM's own words when it is suggested. A template whose values are missing for the
 * PM is not suggested at all, so a filled-in question never shows a placeholder.
 *
 *   {area}       an area or trait name as the PM's framework says it ("Stakeholder management")
 *   {score}      their latest self score for that area, as a whole number on the scale
 *   {score+1}    that score plus one, never above the scale's maximum
 *   {scale}      the scale of their framework, e.g. "1–10"
 *   {challenge}  their next bigger challenge, in their words
 *   {theme}      the title of a theme of their plan
 */
export const PLACEHOLDERS = ['{area}', '{score}', '{score+1}', '{scale}', '{challenge}', '{theme}'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The values one PM (and one area or theme of theirs) gives a template. */
export interface TemplateValues {
  area?: string;
  score?: number;
  scale?: Scale;
  challenge?: string;
  theme?: string;
}

const PATTERN = /\{(area|score\+1|score|scale|challenge|theme)\}/g;

/** The placeholders a text holds, each once, in order of appearance. */
export function placeholdersOf(text: string): Placeholder[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[0] as Placeholder))];
}

export const isTemplate = (text: string) => placeholdersOf(text).length > 0;

/** A self score as said aloud: a whole number within the scale. */
export function spokenScore(score: number, scale: Scale): number {
  return Math.min(scale.max, Math.max(scale.min, Math.round(score)));
}

/** One more than the spoken score, capped at the scale's maximum. */
export const nextScore = (score: number, scale: Scale) => Math.min(scale.max, spokenScore(score, scale) + 1);

/** Trimmed words on one line, or undefined when there are none. */
function words(value: string | undefined): string | undefined {
  const clean = value?.replace(/\s+/g, ' ').trim();
  // Braces become brackets, so the PM's words can never read as a placeholder.
  return clean
    ? clean
        .replace(/[.!?]+$/, '')
        .replace(/\{/g, '(')
        .replace(/\}/g, ')')
    : undefined;
}

/** The value of each placeholder for these values, or undefined where it is missing. */
function valueOf(p: Placeholder, v: TemplateValues): string | undefined {
  const scored = v.score !== undefined && Number.isFinite(v.score) && v.scale !== undefined;
  switch (p) {
    case '{area}':
      return words(v.area);
    case '{score}':
      return scored ? String(spokenScore(v.score!, v.scale!)) : undefined;
    case '{score+1}':
      return scored ? String(nextScore(v.score!, v.scale!)) : undefined;
    case '{scale}':
      return v.scale ? `${v.scale.min}–${v.scale.max}` : undefined;
    case '{challenge}':
      return words(v.challenge);
    case '{theme}':
      return words(v.theme);
  }
}

/**
 * The text with every placeholder filled in, or null when any value it needs is missing (the
 * question is then not suggested for this PM). Values are inserted as they are, never re-read as
 * placeholders (braces in them become brackets).
 */
export function fillTemplate(text: string, values: TemplateValues): string | null {
  const filled = new Map<string, string>();
  for (const p of placeholdersOf(text)) {
    const value = valueOf(p, values);
    if (value === undefined) return null;
    filled.set(p, value);
  }
  return text.replace(PATTERN, (m) => filled.get(m)!);
}

const READABLE: Record<Placeholder, string> = {
  '{area}': '[skill]',
  '{score}': '[your score]',
  '{score+1}': '[your score + 1]',
  '{scale}': '1–10',
  '{challenge}': '[your next bigger challenge]',
  '{theme}': '[a theme of your plan]',
};

/** A template as the bank shows it to someone browsing: each placeholder in plain words. */
export const readableTemplate = (text: string) => text.replace(PATTERN, (m) => READABLE[m as Placeholder]);
