import type { PlanSuggestion } from '../../../../../common/plans';
import { useAnnounce } from '../../../app/announcer';
import { EmptyState } from '../../../ui/EmptyState';
import { focusSectionHeading } from '../../../ui/focus';
import { FormError } from '../../../ui/FormError';
import { formatDate, firstName } from '../../../ui/format';
import { Section } from '../../../ui/Section';
import { SuggestTheme } from './CoachSuggestions';
import { usePlan, usePlanChange } from './plan-context';
import { formatDay, suggestionHead } from './plan-words';

const decided = {
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  outdated: 'No longer applies',
  open: 'Open',
};

/** Open suggestions: the PM accepts or declines each with one click; the coach sees theirs and may withdraw. */
export function SuggestionsSection() {
  const { plan, pm } = usePlan();
  const announce = useAnnounce();
  const decide = usePlanChange();
  const isPm = plan.viewer.side === 'pm';
  const open = plan.suggestions.filter((s) => s.status === 'open');
  const past = plan.suggestions.filter((s) => s.status !== 'open');

  const act = async (s: PlanSuggestion, verb: 'accept' | 'decline' | 'withdraw', button: Element) => {
    focusSectionHeading(button);
    const next = await decide.run(
      'POST',
      `/suggestions/${s.id}/${verb}`,
      verb === 'decline' ? { reason: '' } : undefined,
    );
    if (!next) return;
    const by = firstName(s.author.name);
    announce(
      verb === 'accept'
        ? `Added to your plan: idea from ${by}, adopted by you.`
        : verb === 'decline'
          ? `Declined ${by}'s suggestion.`
          : 'Suggestion withdrawn.',
    );
  };
  return (
    <Section
      title={isPm ? 'Suggestions from your coach' : 'Your suggestions'}
      intro={
        isPm
          ? 'Ideas your coach offers. The plan stays yours: accept what fits, decline what does not.'
          : `${pm.first} writes the plan. Suggest a theme, an action or new words; ${pm.first} accepts or declines each.`
      }
    >
      <FormError message={decide.error} />
      {open.length === 0 ? (
        <EmptyState>
          <p>
            {isPm
              ? 'No suggestions waiting. When your coach suggests a theme, an action or new words, it shows up here.'
              : 'No open suggestions. Suggest a theme below, or an action or new words on any theme.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="list">
          {open.map((s) => (
            <li key={s.id} className="list-item suggestion">
              <div className="item-main">
                <p className="item-title">{suggestionHead(s, plan.themes)}</p>
                <Proposal s={s} />
                {s.message && <p className="suggestion-message">“{s.message}”</p>}
                <p className="item-meta">
                  {isPm ? `From ${firstName(s.author.name)}` : 'You suggested this'} on{' '}
                  {formatDate(s.createdAt)}
                </p>
              </div>
              <div className="actions">
                {plan.viewer.canEdit && (
                  <>
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={decide.pending}
                      onClick={(e) => void act(s, 'decline', e.currentTarget)}
                    >
                      Decline
                    </button>
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={decide.pending}
                      onClick={(e) => void act(s, 'accept', e.currentTarget)}
                    >
                      Accept
                    </button>
                  </>
                )}
                {!isPm && plan.viewer.canSuggest && (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={decide.pending}
                    onClick={(e) => void act(s, 'withdraw', e.currentTarget)}
                  >
                    Withdraw
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {decide.pending && <p className="loading">Working…</p>}
      {!isPm && plan.viewer.canSuggest && <SuggestTheme />}
      {past.length > 0 && (
        <details className="more past-suggestions">
          <summary>Earlier suggestions ({past.length})</summary>
          <ul className="list">
            {past.map((s) => (
              <li key={s.id} className="list-item">
                <div className="item-main">
                  <p className="item-title">
                    {suggestionHead(s, plan.themes)} <span className="badge">{decided[s.status]}</span>
                  </p>
                  <Proposal s={s} />
                  {s.declineReason && <p className="item-meta">Reason: {s.declineReason}</p>}
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}

function Proposal({ s }: { s: PlanSuggestion }) {
  const p = s.proposal;
  return (
    <p className="proposal">
      {p.title ?? p.text}
      {p.why && <span className="proposal-why"> — {p.why}</span>}
      {p.dueOn && <span className="item-meta"> (due {formatDay(p.dueOn)})</span>}
    </p>
  );
}
