import { useId, type ReactNode } from 'react';
import type { Plan, PlanAction, PlanTheme } from '../../../../../common/plans';
import { useMe } from '../../../app/session';
import { EmptyState } from '../../../ui/EmptyState';
import { attributionText, formatDay, statusLabels, targetsLine } from './plan-words';

interface PlanDocumentProps {
  plan: Plan;
  pmFirst: string;
  /** What an empty plan says to this reader. */
  empty: ReactNode;
  /** Extra controls under a theme or an action (a coach's suggestions and comments). */
  themeExtras?: (theme: PlanTheme, number: number) => ReactNode;
  actionExtras?: (action: PlanAction, where: string) => ReactNode;
}

/** The plan as a document to read: the coach's view, an earlier version, and the printed page. */
export function PlanDocument({ plan, pmFirst, empty, themeExtras, actionExtras }: PlanDocumentProps) {
  if (plan.themes.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="plan-document">
      {plan.themes.map((theme, i) => (
        <ThemeDocument
          key={theme.id}
          plan={plan}
          pmFirst={pmFirst}
          theme={theme}
          number={i + 1}
          actionExtras={actionExtras}
        >
          {themeExtras?.(theme, i + 1)}
        </ThemeDocument>
      ))}
    </div>
  );
}

interface ThemeDocumentProps {
  plan: Plan;
  pmFirst: string;
  theme: PlanTheme;
  number: number;
  /** Beside the heading (the PM's "Edit"). */
  headingExtra?: ReactNode;
  actionExtras?: (action: PlanAction, where: string) => ReactNode;
  children?: ReactNode;
}

/** One theme to read: its why, what it serves, and its actions with status, dates and evidence. */
export function ThemeDocument({
  plan,
  pmFirst,
  theme,
  number,
  headingExtra,
  actionExtras,
  children,
}: ThemeDocumentProps) {
  const me = useMe();
  const credit = (a: PlanTheme['attribution']) =>
    attributionText(a, { side: plan.viewer.side, meId: me.id, pmFirst });
  const headingId = useId();
  return (
    <article className="theme theme-reading" aria-labelledby={headingId}>
      <div className="theme-head">
        <h3 id={headingId} className="theme-heading">
          <span className="theme-number">Theme {number}:</span> {theme.title}
        </h3>
        {headingExtra}
      </div>
      {credit(theme.attribution) && <p className="credit">{credit(theme.attribution)}</p>}
      {theme.why && <p className="theme-why">{theme.why}</p>}
      {theme.serves && (
        <p className="theme-serves">
          <span className="label">Toward the next bigger challenge:</span> {theme.serves}
        </p>
      )}
      {targetsLine(theme) && (
        <p className="item-meta">
          <span className="label">Serves:</span> {targetsLine(theme)}
        </p>
      )}
      {theme.actions.length === 0 ? (
        <p className="item-meta">No actions yet.</p>
      ) : (
        <ol className="doc-actions" aria-label={`Actions of theme ${number}`}>
          {theme.actions.map((a, j) => (
            <li key={a.id} className={`doc-action status-${a.status}`}>
              <p className="item-title">
                {a.text}{' '}
                <span className={`badge status-badge status-badge-${a.status}`}>
                  {statusLabels[a.status]}
                </span>
              </p>
              <p className="item-meta">
                {a.dueOn ? `Due ${formatDay(a.dueOn)}` : 'No due date'}
                {credit(a.attribution) && <> · {credit(a.attribution)}</>}
              </p>
              {a.evidence && (
                <p className="evidence">
                  <span className="label">Evidence:</span> {a.evidence}
                </p>
              )}
              {actionExtras?.(a, `action ${j + 1} of theme ${number}`)}
            </li>
          ))}
        </ol>
      )}
      {children}
    </article>
  );
}
