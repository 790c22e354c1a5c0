import { describe, expect, it } from 'vitest';
import { Situation } from '../../../../common/questions.js';
import { pmwheel } from '../frameworks/pmwheel.js';
import { builtinQuestions } from './question-content.js';
import { PLACEHOLDERS, placeholdersOf } from './template.js';

const seedFour = [
  'What would make you more successful in the role you currently have?',
  'On a scale of 1–10, how do you feel about [Skill X]? What would it take to make that a [Skill X + 1]?',
  'What is the one thing I could do to improve your situation this week?',
  'Looking at this list of 30 emotions, which one describes your current state regarding this project, and why?',
];
const example2 = "What would make you more comfortable sharing 'bad news' with the Sales team?";
const shown = builtinQuestions.map((b) => b.shown ?? b.text);

describe('the built-in question bank', () => {
  it('holds the seed’s four questions and its Example 2 question word for word', () => {
    for (const words of [...seedFour, example2]) expect(shown).toContain(words);
  });

  it('holds at least 80 more questions, each with a stable, unique id', () => {
    expect(builtinQuestions.length).toBeGreaterThanOrEqual(85);
    const ids = builtinQuestions.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(builtinQuestions.map((b) => b.text)).size).toBe(builtinQuestions.length);
  });

  it('tags only PMwheel area and trait keys and known situations, every question with a situation', () => {
    const keys = new Set([...pmwheel.areas.map((a) => a.key), ...pmwheel.traits.map((t) => t.key)]);
    for (const b of builtinQuestions) {
      for (const key of b.areas) expect(keys, `${b.id}: ${key}`).toContain(key);
      expect(b.situations.length, b.id).toBeGreaterThan(0);
      for (const s of b.situations) expect(Situation.options).toContain(s);
    }
  });

  it('has questions for every area, trait and situation', () => {
    for (const key of [...pmwheel.areas.map((a) => a.key), ...pmwheel.traits.map((t) => t.key)])
      expect(builtinQuestions.filter((b) => b.areas.includes(key)).length, key).toBeGreaterThanOrEqual(3);
    for (const s of Situation.options)
      expect(builtinQuestions.filter((b) => b.situations.includes(s)).length, s).toBeGreaterThanOrEqual(4);
  });

  it('has generic templated questions, so any framework’s areas get questions', () => {
    const generic = builtinQuestions.filter(
      (b) => !b.areas.length && placeholdersOf(b.text).includes('{area}'),
    );
    expect(generic.length).toBeGreaterThanOrEqual(4);
  });

  it('writes questions, each ending with a question mark, with known placeholders only', () => {
    for (const b of builtinQuestions) {
      expect(b.text.trim(), b.id).toMatch(/\?$/);
      const braces = b.text.match(/\{[^}]*\}/g) ?? [];
      for (const p of braces) expect(PLACEHOLDERS, b.id).toContain(p);
    }
  });
});
