import type { Plan } from '../../../../../common/plans';

/** Markdown download and the printable page (the print stylesheet leaves only the plan). */
export function ExportBar({ plan }: { plan: Plan }) {
  const query = plan.isCurrent ? '' : `?version=${plan.version}`;
  return (
    <div className="toolbar no-print">
      <a
        className="button button-secondary"
        href={`/api/pms/${encodeURIComponent(plan.pmId)}/plan/export${query}`}
        download
      >
        Download Markdown
      </a>
      <button type="button" className="button button-secondary" onClick={() => window.print()}>
        Print / save as PDF
      </button>
    </div>
  );
}
