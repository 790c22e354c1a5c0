import type { Plan } from '../../../../../common/plans';
import { firstName } from '../../../ui/format';
import { Section } from '../../../ui/Section';
import { NudgeButton } from './NudgeButton';

/** On the plan, for the coach: a "Nudge" per theme and open action, the nudge tied to it. */
export function PlanNudges({ pmId, pmName, plan }: { pmId: string; pmName: string; plan: Plan | null }) {
  if (!plan || plan.viewer.side !== 'coach' || plan.themes.length === 0) return null;
  const first = firstName(pmName);
  return (
    <Section
      title="Nudge about the plan"
      intro={`A sentence or two to ${first} about a theme or an action, between sessions.`}
    >
      <ul className="list nudge-plan">
        {plan.themes.map((theme) => (
          <li key={theme.lineageId} className="list-item nudge-plan-theme">
            <div className="item-main">
              <p className="item-title">{theme.title}</p>
              <NudgeButton
                pmId={pmId}
                pmName={pmName}
                about={{ kind: 'theme', lineageId: theme.lineageId }}
                aboutTitle={theme.title}
                accessibleName={`Nudge about the theme ${theme.title}`}
              />
              {theme.actions.filter((a) => a.status === 'not_started' || a.status === 'in_progress').length >
                0 && (
                <ul className="nudge-plan-actions">
                  {theme.actions
                    .filter((a) => a.status === 'not_started' || a.status === 'in_progress')
                    .map((action) => (
                      <li key={action.lineageId}>
                        <span>{action.text}</span>{' '}
                        <NudgeButton
                          pmId={pmId}
                          pmName={pmName}
                          about={{ kind: 'action', lineageId: action.lineageId }}
                          aboutTitle={action.text}
                          accessibleName={`Nudge about the action ${action.text}`}
                        />
                      </li>
                    ))}
                </ul>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}
