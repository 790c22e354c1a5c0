import { Section } from '../../../ui/Section';
import { CommentThread } from './CommentThread';
import { SuggestAction, SuggestActionWords, SuggestThemeWords } from './CoachSuggestions';
import { usePlan } from './plan-context';
import { PlanDocument } from './PlanDocument';
import { PlanNotes } from './PlanNotes';

/** The coach's view of the themes: read-only, with suggestions and comments on every part. */
export function CoachThemes() {
  const { plan, pm } = usePlan();
  const canSuggest = plan.viewer.canSuggest;
  return (
    <Section
      title={`Themes (${plan.themes.length})`}
      intro={`${pm.first} writes the plan; you inspire. Suggest or comment on any part: ${pm.first} decides.`}
    >
      <PlanNotes codes={['few_themes', 'many_themes', 'no_trait']} />
      <PlanDocument
        plan={plan}
        pmFirst={pm.first}
        empty={
          <p>
            No themes yet. {pm.first} picks three to five, starting from their wheel. Suggest one below under
            “Your suggestions” if you have an idea.
          </p>
        }
        themeExtras={(theme, number) => (
          <div className="item-extras">
            <PlanNotes themeId={theme.id} />
            {canSuggest && (
              <div className="suggest-row">
                <SuggestAction theme={theme} what={`theme ${number}`} />
                <SuggestThemeWords theme={theme} what={`theme ${number}`} />
              </div>
            )}
            <CommentThread themeId={theme.id} what={`theme ${number}`} />
          </div>
        )}
        actionExtras={(action, where) => (
          <div className="item-extras">
            {canSuggest && <SuggestActionWords action={action} what={where} />}
            <CommentThread themeId={action.themeId} actionId={action.id} what={where} />
          </div>
        )}
      />
    </Section>
  );
}
