import type { ExportKind, ExportManifest } from '../../../../common/export.js';

/** Every piece of text in the readable copy passes through here: nothing in it is markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const kindTitles: Record<ExportKind, string> = {
  account: 'Account',
  rounds: 'Assessment rounds (scores, traits in words, the compared wheel)',
  'self-checks': 'Self-checks',
  reflections: 'Reflections and notes',
  plans: 'Development plan versions (themes, actions, comments, suggestions)',
  vision: 'Shared vision and its history',
  'coaching-sessions': 'Coaching sessions (agenda, notes, colours, next steps)',
  'check-ins': 'Check-ins',
  pulses: 'Pulses',
  nudges: 'Nudges',
  'access-log': 'Access log: who looked at what',
};

/** "nextBiggerChallenge" → "Next bigger challenge". */
const label = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return escapeHtml(words.charAt(0).toUpperCase() + words.slice(1).toLowerCase());
};

const isoMoment = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const momentFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "2026-12-03T14:05:00.000Z" → "3 December 2026 at 14:05 UTC"; "2026-12-03" → "3 December 2026". */
export function readableMoment(value: string): string {
  if (value.length === 10) return dayFormat.format(new Date(`${value}T12:00:00Z`));
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // A local wall-clock time without a zone (a session's "2026-12-03T10:00") is read as written.
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return momentFormat.format(new Date(`${value}Z`));
  return `${momentFormat.format(date)} UTC`;
}

/** Any JSON value as nested lists a person can read; ids are left to the JSON copy. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '<span class="none">—</span>';
  if (Array.isArray(value)) {
    if (!value.length) return '<span class="none">none</span>';
    return `<ol>${value.map((v) => `<li>${renderValue(v)}</li>`).join('')}</ol>`;
  }
  if (typeof value === 'object') {
    // A fact that is false says nothing a person needs ("Coach left: no"): only true ones show.
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([k, v]) => k !== 'id' && !k.endsWith('Id') && v !== false,
    );
    if (!entries.length) return '<span class="none">—</span>';
    return `<dl>${entries.map(([k, v]) => `<dt>${label(k)}</dt><dd>${renderValue(v)}</dd>`).join('')}</dl>`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && isoMoment.test(value)) return escapeHtml(readableMoment(value));
  return `<span class="text">${escapeHtml(String(value))}</span>`;
}

const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.6rem}section.item{border-top:1px solid #ccd;padding:.5rem 0}dt{font-weight:600;margin-top:.4rem}
dd{margin-left:1rem}.none{color:#667}.text{white-space:pre-wrap}ol{padding-left:1.4rem}
.wheel svg{max-width:40rem;width:100%;height:auto}table{border-collapse:collapse}th,td{padding:.2rem .6rem;text-align:left}
.meta{color:#566172}.rag{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.4rem}
ul.colours{list-style:none;padding-left:0}section.session{border-top:1px solid #ccd;padding:.3rem 0}`;

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}`;

export const renderKindHtmlStart = (kind: ExportKind, pmName: string, count: number) =>
  page(
    `${kindTitles[kind]} — ${pmName}`,
    `<p><a href="../README.html">← All of the export</a></p><h1>${escapeHtml(kindTitles[kind])}</h1>` +
      `<p>${escapeHtml(pmName)} · ${count} ${count === 1 ? 'item' : 'items'}</p>`,
  );

export const renderKindHtmlItem = (kind: ExportKind, item: unknown, n: number) =>
  `<section class="item"><h2>${escapeHtml(kindTitles[kind].split(' ')[0]!)} ${n}</h2>${renderValue(item)}</section>\n`;

export const renderKindHtmlEnd = () => '</body></html>\n';

/** README.html: what the export holds, with a link to each readable page. */
export function renderIndexHtml(manifest: ExportManifest, story = ''): string {
  const rows = Object.entries(manifest.counts)
    .map(
      ([kind, count]) =>
        `<li><a href="html/${escapeHtml(kind)}.html">${escapeHtml(kindTitles[kind as ExportKind] ?? kind)}</a>: ${count}</li>`,
    )
    .join('');
  return (
    page(
      `Wheelhouse export — ${manifest.pm.name}`,
      `<h1>Wheelhouse export: ${escapeHtml(manifest.pm.name)}</h1>` +
        `<p>Made on ${escapeHtml(readableMoment(manifest.generatedAt))} for ${escapeHtml(manifest.exportedBy.name)}, ` +
        `with everything they may see of ${escapeHtml(manifest.pm.name)} in Wheelhouse.</p>` +
        `<p>This file holds private words. Keep it somewhere safe and delete it when you no longer need it.</p>` +
        story +
        `<h2>Everything in this export</h2><ul>${rows}</ul>` +
        `<p>For programs: <code>manifest.json</code> (schema "${escapeHtml(manifest.schema)}", version ${manifest.version}) ` +
        `and one JSON array per kind in <code>data/</code>.</p>`,
    ) + renderKindHtmlEnd()
  );
}
