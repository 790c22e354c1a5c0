import type { FrameworkVersion } from '../../../../../common/wheel';

/** A framework version as a coach or PM reads it: areas with statements and what low/middle/high look like, then traits. */
export function FrameworkContent({ version }: { version: FrameworkVersion }) {
  return (
    <>
      {version.areas.map((area, i) => (
        <section key={area.key} className="card area-card" aria-labelledby={`area-${area.key}`}>
          <h2 id={`area-${area.key}`}>
            <span className="area-number">{i + 1}.</span> {area.name}
          </h2>
          {area.description && <p>{area.description}</p>}
          <h3 className="small-heading">Statements to score</h3>
          <ul className="statements">
            {area.statements.map((s) => (
              <li key={s.key}>{s.text}</li>
            ))}
          </ul>
          {(area.low || area.middle || area.high) && (
            <dl className="levels">
              {area.low && <Level term={`Low (around ${version.scale.min})`} text={area.low} />}
              {area.middle && <Level term="Middle" text={area.middle} />}
              {area.high && <Level term={`High (around ${version.scale.max})`} text={area.high} />}
            </dl>
          )}
        </section>
      ))}
      <section className="card" aria-labelledby="traits-heading">
        <h2 id="traits-heading">Personality traits</h2>
        <p className="section-intro">
          Described in words, never scored: they sit beside the skills when you plan what to grow.
        </p>
        {version.traits.length === 0 ? (
          <p className="empty-state">
            This framework names no traits yet. A coach can add some when adapting it.
          </p>
        ) : (
          <dl className="traits">
            {version.traits.map((t) => (
              <div key={t.key}>
                <dt>{t.name}</dt>
                <dd>{t.description}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}

function Level({ term, text }: { term: string; text: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{text}</dd>
    </div>
  );
}
