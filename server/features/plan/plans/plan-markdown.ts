import type { Attribution, Plan, PlanAction, PlanTheme } from '../../../../common/plans.js';

const statusLabel: Record<PlanAction['status'], string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/** One line: headings and list items must not break on a newline the PM typed. */
const line = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

const credit = (a: Attribution) =>
  a.origin === 'coach' && a.suggestedBy ? ` _(suggested by ${a.suggestedBy.name}, adopted)_` : '';

function renderAction(action: PlanAction): string[] {
  const box = action.status === 'done' ? '[x]' : '[ ]';
  const due = action.dueOn ? ` — due ${action.dueOn}` : '';
  const text = action.status === 'dropped' ? `~~${line(action.text)}~~` : line(action.text);
  const out = [`- ${box} ${text}${due} (${statusLabel[action.status]})${credit(action.attribution)}`];
  if (action.evidence) out.push(`  - Evidence: ${line(action.evidence)}`);
  return out;
}

function renderTheme(theme: PlanTheme, index: number): string[] {
  const out = [`## ${index + 1}. ${line(theme.title)}`, ''];
  if (theme.attribution.origin === 'coach') out.push(`${credit(theme.attribution).trim()}`, '');
  if (theme.why) out.push(`**Why it matters:** ${theme.why.trim()}`, '');
  const serves = [...theme.areas.map((a) => a.name), ...theme.traits.map((t) => t.name)];
  if (serves.length) out.push(`**Serves:** ${serves.join(', ')}`, '');
  if (theme.serves) out.push(`**Toward the next bigger challenge:** ${line(theme.serves)}`, '');
  out.push(...(theme.actions.length ? theme.actions.flatMap(renderAction) : ['_No actions yet._']), '');
  return out;
}

/** The plan as a Markdown document the PM can keep or share: no comments, no private notes. */
export function renderPlanMarkdown(plan: Plan, pmName: string): string {
  const own = plan.ownership;
  const lines = [
    `# ${line(plan.headline)}`,
    '',
    `Development plan of ${pmName} — version ${plan.version}${plan.isCurrent ? '' : ` (replaced on ${plan.replacedAt!.slice(0, 10)})`}`,
    '',
    `- Period: ${plan.periodStart} to ${plan.periodEnd}`,
    `- Version started: ${plan.startedAt.slice(0, 10)}`,
    `- Written by ${pmName}: ${own.byPm} of ${own.total} themes and actions; adopted from the coach: ${own.fromCoach}`,
    '',
  ];
  if (plan.focus) lines.push(`**Focus:** ${plan.focus.trim()}`, '');
  lines.push(...(plan.themes.length ? plan.themes.flatMap(renderTheme) : ['_No themes yet._', '']));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A file name for the export, e.g. plan-pat-pm-v2.md. */
export function planFileName(pmName: string, version: number): string {
  const slug =
    pmName
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'pm';
  return `plan-${slug}-v${version}.md`;
}
