import type { RoundTraits } from '../../../../../common/round-traits';
import { Section } from '../../../ui/Section';

/** "Traits in words" beside the compared wheel: each side's line per trait, never a score. */
export function TraitsPanel({
  traits,
  pmFirst,
  coachFirst,
  viewerIsPm,
}: {
  traits: RoundTraits;
  pmFirst: string;
  coachFirst: string;
  viewerIsPm: boolean;
}) {
  const written = traits.traits.filter((t) => t.self || t.coach);
  const selfLabel = viewerIsPm ? 'You' : pmFirst;
  const coachLabel = viewerIsPm ? coachFirst : 'You';
  return (
    <Section title="Traits in words" intro="How each side sees the traits, in words rather than scores.">
      {written.length === 0 ? (
        <p className="hint">Neither side wrote about the traits in this round.</p>
      ) : (
        <ul className="traits-list">
          {written.map((t) => (
            <li key={t.key}>
              <h3>{t.name}</h3>
              <dl>
                <dt>{selfLabel}</dt>
                <dd>{t.self ?? <span className="hint">Nothing written</span>}</dd>
                <dt>{coachLabel}</dt>
                <dd>{t.coach ?? <span className="hint">Nothing written</span>}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
