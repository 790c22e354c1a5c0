import { useId, useState } from 'react';
import type { ColourHistory } from '../../../../../common/coaching-sessions';
import { monthName, ragWords } from './colour-words';
import '../../../styles/coaching-sessions.css';

const MONTHS_SHOWN = 12;

/**
 * Themes × months, one cell per month with the PM's colour: a letter and a shape as well as the
 * colour, so it reads without colour. "Show as a list" gives the same as plain rows with the why.
 */
export function ColourHistoryGrid({ history, caption }: { history: ColourHistory; caption: string }) {
  const [asList, setAsList] = useState(false);
  const [allMonths, setAllMonths] = useState(false);
  const id = useId();
  // The newest months matter most: the grid shows the last year (it fits beside the theme names
  // on a 1280 px screen instead of being cut mid-month); the rest is one button away.
  const from = allMonths ? 0 : Math.max(0, history.months.length - MONTHS_SHOWN);
  const months = history.months.slice(from);
  if (!history.months.length)
    return (
      <p className="item-meta">
        No colours yet. In each coaching session the PM gives every theme of their plan a red, amber or green;
        the months build up here.
      </p>
    );
  return (
    <div className="colour-history">
      <p className="colour-legend" id={`${id}-legend`}>
        {Object.values(ragWords).map((w) => (
          <span key={w.letter} className={`rag rag-${w.word.toLowerCase()}`}>
            <span aria-hidden="true">{w.shape}</span> {w.letter} = {w.word}
          </span>
        ))}
      </p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => setAsList((v) => !v)}
        aria-pressed={asList}
      >
        {asList ? 'Show as a grid' : 'Show as a list'}
      </button>
      {!asList && history.months.length > MONTHS_SHOWN && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setAllMonths((v) => !v)}
          aria-pressed={allMonths}
        >
          {allMonths ? `Show the last ${MONTHS_SHOWN} months` : `Show all ${history.months.length} months`}
        </button>
      )}
      {asList ? (
        <table className="table">
          <caption>{caption} (list)</caption>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Month</th>
              <th scope="col">Colour</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {history.themes.flatMap((t) =>
              t.cells
                .filter((c) => c.colour)
                .map((c) => (
                  <tr key={`${t.lineageId}-${c.month}`}>
                    <th scope="row">{t.title}</th>
                    <td>{monthName(c.month)}</td>
                    <td>{ragWords[c.colour!].word}</td>
                    <td>{c.why || '—'}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      ) : (
        <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table className="colour-grid" aria-describedby={`${id}-legend`}>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Theme</th>
                {months.map((m) => (
                  <th scope="col" key={m} className="month">
                    {/* "Nov" over "2026": narrow columns, so a year of months fits beside the themes. */}
                    {monthName(m)
                      .split(' ')
                      .map((part, i) => (
                        <span key={i}>{i ? ` ${part}` : part}</span>
                      ))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.themes.map((t) => (
                <tr key={t.lineageId}>
                  <th scope="row">
                    {t.title}
                    {!t.current && <span className="item-meta"> (no longer in the plan)</span>}
                  </th>
                  {t.cells.slice(from).map((c) =>
                    c.colour ? (
                      <td key={c.month} className={`rag-cell rag-${c.colour}`} title={c.why || undefined}>
                        <span aria-hidden="true">{ragWords[c.colour].shape} </span>
                        {ragWords[c.colour].letter}
                        <span className="visually-hidden">
                          {' '}
                          ({ragWords[c.colour].word}
                          {c.why ? `: ${c.why}` : ''})
                        </span>
                      </td>
                    ) : (
                      <td key={c.month} className="rag-cell rag-none">
                        <span aria-hidden="true">·</span>
                        <span className="visually-hidden">no colour</span>
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
