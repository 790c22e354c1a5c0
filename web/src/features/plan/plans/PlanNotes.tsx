import type { PlanWarning } from '../../../../../common/plans';
import { usePlan } from './plan-context';

/**
 * The API's gentle hints, as friendly notes (never errors): about one theme ("has no actions
 * yet"), or about the whole plan, of the given kinds.
 */
export function PlanNotes({
  codes,
  themeId = null,
}: {
  codes?: PlanWarning['code'][];
  themeId?: string | null;
}) {
  const { plan } = usePlan();
  const notes = plan.warnings.filter((w) => w.themeId === themeId && (!codes || codes.includes(w.code)));
  if (notes.length === 0) return null;
  return (
    <ul className="plan-notes">
      {notes.map((n) => (
        <li key={n.code} className="plan-note">
          {n.message}
        </li>
      ))}
    </ul>
  );
}
