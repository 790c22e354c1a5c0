import type { CoachingSession } from '../../../../common/coaching-sessions.js';
import type { Plan } from '../../../../common/plans.js';
import type { Comparison } from '../../../../common/wheel-rounds.js';
import { escapeHtml as esc } from './export-html.js';
import { wheelSvg } from './wheel-svg.js';

/**
 * The story README.html tells before its list of files: the latest revealed wheel (drawn as on the
 * page), the current plan, and the latest coaching sessions with their colours and notes, in
 * words and dates a person reads. Collected while the readable pages are written, so the export
 * still never holds a whole kind in memory (a plan, one comparison and a dozen sessions at most).
 */
export interface ReadmeStory {
  wheel: Comparison | null;
  plan: Plan | null;
  sessions: CoachingSession[];
}

const SESSIONS_SHOWN = 12;

export const emptyStory = (): ReadmeStory => ({ wheel: null, plan: null, sessions: [] });

/** Looks at one exported item of a kind and keeps what the story needs. */
export function collectStory(story: ReadmeStory, kind: string, item: unknown) {
  if (kind === 'rounds') {
    const comparison = (item as { comparison: Comparison | null }).comparison;
    const at = (c: Comparison | null) => c?.round.revealedAt ?? '';
    if (comparison && at(comparison) > at(story.wheel)) story.wheel = comparison;
  } else if (kind === 'plans') {
    const plan = item as Plan;
    if (plan.isCurrent) story.plan = plan;
  } else if (kind === 'coaching-sessions') {
    const session = item as CoachingSession;
    if (session.status === 'cancelled') return;
    story.sessions.push(session);
    story.sessions.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    story.sessions.length = Math.min(story.sessions.length, SESSIONS_SHOWN);
  }
}

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
/** "3 December 2026" (a date-only value is read as that day, never shifted by a time zone). */
export const readableDate = (value: string) =>
  longDate.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));

const colourWords = { green: 'Green', amber: 'Amber', red: 'Red' } as const;
const colourFill = { green: '#2d7a3a', amber: '#b26a00', red: '#b3261e' } as const;
const statusWords: Record<string, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

function wheelPart(c: Comparison) {
  const peers = c.areas.every((a) => a.peers !== null);
  const svg = wheelSvg({
    title: `${c.round.title}: the wheel`,
    areas: c.areas.map((a) => a.name),
    scale: c.scale,
    series: [
      { key: 'self', label: 'Self-assessment', values: c.areas.map((a) => a.self) },
      { key: 'coach', label: 'Coach assessment', values: c.areas.map((a) => a.coach) },
      ...(peers ? [{ key: 'peers' as const, label: 'Peers', values: c.areas.map((a) => a.peers ?? 0) }] : []),
    ],
  });
  const rows = c.areas
    .map(
      (a) =>
        `<tr><th scope="row">${esc(a.name)}</th><td>${a.self.toFixed(1)}</td><td>${a.coach.toFixed(1)}</td>` +
        (peers ? `<td>${a.peers?.toFixed(1) ?? '—'}</td>` : '') +
        `</tr>`,
    )
    .join('');
  return (
    `<h2>The wheel: ${esc(c.round.title)}</h2>` +
    `<p>Revealed on ${readableDate(c.round.revealedAt ?? c.round.createdAt)}. Self-assessment: solid blue circles; ` +
    `coach: dashed orange squares${peers ? '; peers: dotted green triangles' : ''}.</p>` +
    `<figure class="wheel">${svg}</figure>` +
    `<table><caption>Scores from ${c.scale.min} to ${c.scale.max}</caption><thead><tr><th scope="col">Area</th>` +
    `<th scope="col">Self</th><th scope="col">Coach</th>${peers ? '<th scope="col">Peers</th>' : ''}</tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

function planPart(p: Plan) {
  const themes = p.themes
    .map((t) => {
      const actions = t.actions
        .map(
          (a) =>
            `<li>${esc(a.text)} <span class="meta">(${statusWords[a.status] ?? a.status}` +
            `${a.dueOn ? `, due ${readableDate(a.dueOn)}` : ''})</span></li>`,
        )
        .join('');
      return (
        `<h3>${esc(t.title)}</h3>${t.why ? `<p>${esc(t.why)}</p>` : ''}` +
        (actions ? `<ul>${actions}</ul>` : '<p class="meta">No actions yet.</p>')
      );
    })
    .join('');
  return (
    `<h2>The plan: ${esc(p.headline || 'without a headline')}</h2>` +
    `<p>Version ${p.version}, from ${readableDate(p.periodStart)} to ${readableDate(p.periodEnd)}.</p>` +
    (p.focus ? `<p>${esc(p.focus)}</p>` : '') +
    (themes || '<p class="meta">No themes yet.</p>')
  );
}

function sessionPart(s: CoachingSession) {
  const colours = s.themes
    .filter((t) => t.pm)
    .map(
      (t) =>
        `<li><span class="rag" style="background:${colourFill[t.pm!.colour]}"></span>` +
        `<strong>${colourWords[t.pm!.colour]}</strong>: ${esc(t.title)}${t.pm!.why ? ` — ${esc(t.pm!.why)}` : ''}</li>`,
    )
    .join('');
  const steps = s.nextSteps.map((n) => `<li>${esc(n.text)}</li>`).join('');
  return (
    `<section class="session"><h3>${s.kind === 'weekly' ? 'Weekly check-in' : 'Coaching session'} on ` +
    `${readableDate(s.startsAt)}${s.status === 'scheduled' ? ' (coming up)' : s.status === 'in_progress' ? ' (under way)' : ''}</h3>` +
    (colours ? `<ul class="colours">${colours}</ul>` : '') +
    (s.sharedNotes ? `<p><strong>Notes:</strong> ${esc(s.sharedNotes)}</p>` : '') +
    (s.privateNote ? `<p><strong>Your private note:</strong> ${esc(s.privateNote)}</p>` : '') +
    (steps ? `<p><strong>Next steps:</strong></p><ul>${steps}</ul>` : '') +
    `</section>`
  );
}

/** The story as HTML (every piece of text escaped; the only markup is written here). */
export function renderStory(story: ReadmeStory): string {
  return (
    (story.wheel ? wheelPart(story.wheel) : '<h2>The wheel</h2><p>No round revealed yet.</p>') +
    (story.plan ? planPart(story.plan) : '<h2>The plan</h2><p>No plan yet.</p>') +
    `<h2>Coaching sessions</h2>` +
    (story.sessions.length ? story.sessions.map(sessionPart).join('') : '<p>No coaching sessions yet.</p>')
  );
}
