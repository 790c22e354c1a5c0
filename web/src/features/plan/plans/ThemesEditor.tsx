import { useEffect, useRef } from 'react';
import { useMe } from '../../../app/session';
import type { Plan, ThemeIdea } from '../../../../../common/plans';
import { useAnnounce } from '../../../app/announcer';
import { EmptyState } from '../../../ui/EmptyState';
import { AddTheme, type ThemeDraft } from './AddTheme';
import { PlanNotes } from './PlanNotes';
import { usePlan, usePlanChange, useRequestedFocus } from './plan-context';
import { ThemeEditor } from './ThemeEditor';
import { ThemeIdeas } from './ThemeIdeas';
import { hasDraft, themeFields, themePart } from './plan-editing';
import { ThemeReading } from './ThemeReading';

const labels = { title: 'Theme title', why: 'Why it matters', areas: 'Skills', traits: 'Traits' };

/** The PM's themes: ideas from the wheel, each theme's editor, and a theme of their own. */
export function ThemesEditor() {
  const { plan, requestFocus, editing } = usePlan();
  const announce = useAnnounce();
  const add = usePlanChange(labels);
  const heading = useRef<HTMLHeadingElement>(null);
  useRequestedFocus('themes-heading', heading, [plan.themes.length]);
  const me = useMe();
  useEffect(() => {
    // When the page opens (a reload mid-sentence), a theme with words on this device that the
    // server does not have yet opens for editing. Only then: a draft in flight as "Done" closes a
    // theme must not reopen it.
    for (const t of plan.themes) if (hasDraft(me.id, themeFields(t))) editing.open(themePart(t));
  }, []);

  /** Adds a theme and moves focus to its title, so the PM can put it in their own words. */
  const addTheme = async (theme: ThemeDraft & { actions?: { text: string }[] }) => {
    const before = new Set(plan.themes.map((t) => t.id));
    const next: Plan | undefined = await add.run('POST', '/themes', theme);
    const created = next?.themes.find((t) => !before.has(t.id));
    if (!created) return false;
    editing.open(themePart(created));
    requestFocus(`theme-${created.id}`);
    announce(`Theme “${created.title}” added. Put it in your own words and add actions.`);
    return true;
  };
  const adoptIdea = (idea: ThemeIdea) =>
    void addTheme({
      title: idea.title,
      why: idea.why,
      ...(idea.serves ? { serves: idea.serves } : {}),
      areas: [idea.areaKey],
      traits: [],
    });

  const ideasList = <ThemeIdeas pending={add.pending} onUse={adoptIdea} />;
  const ownTheme = <AddTheme pending={add.pending} error={add.error} onAdd={addTheme} />;
  // Three themes or more make a plan: the ideas and the form to add one fold away, so the page
  // reads as the plan.
  const full = plan.themes.length >= 3;
  return (
    <>
      {!full && (
        <section className="card" aria-labelledby="plan-ideas-heading">
          <h2 id="plan-ideas-heading">Start from your wheel</h2>
          <p className="section-intro">
            Your latest wheel points to these areas. Use one as a theme, then make it yours.
          </p>
          {ideasList}
        </section>
      )}
      <section className="card" aria-labelledby="plan-themes-heading">
        <h2 id="plan-themes-heading" tabIndex={-1} ref={heading}>
          Themes <span className="count">({plan.themes.length})</span>
        </h2>
        <p className="section-intro">
          Three to five themes for the period work best. Each names what it serves, why it matters, and
          concrete actions. “Edit” opens a theme; it saves as you type.
        </p>
        <PlanNotes codes={['few_themes', 'many_themes', 'no_trait']} />
        {plan.themes.length === 0 ? (
          <EmptyState>
            <p>No themes yet. Start from your wheel: use one of the ideas above, or write your own below.</p>
          </EmptyState>
        ) : (
          <div className="theme-list">
            {plan.themes.map((t, i) =>
              editing.isOpen(themePart(t)) ? (
                <ThemeEditor key={t.id} theme={t} number={i + 1} />
              ) : (
                <ThemeReading key={t.id} theme={t} number={i + 1} />
              ),
            )}
          </div>
        )}
        {full ? (
          <details className="add-more">
            <summary>Add another theme</summary>
            <h3 className="small-heading">From your wheel</h3>
            {ideasList}
            <h3 className="small-heading">In your own words</h3>
            {ownTheme}
          </details>
        ) : (
          <>
            <h3 className="small-heading">Add a theme of your own</h3>
            {ownTheme}
          </>
        )}
      </section>
    </>
  );
}
