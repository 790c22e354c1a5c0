import type { PitfallGuard } from '../../../../../common/coaching-sessions';

/** The seed's pitfalls, named gently where the pair decides what to do next. */
export function PitfallGuards({ guards }: { guards: PitfallGuard[] }) {
  if (!guards.length) return null;
  return (
    <div className="pitfall-guards" role="note" aria-label="Pitfalls to watch">
      {guards.map((g) => (
        <div key={g.kind} className="plan-note pitfall">
          <p>
            <strong>{g.title}.</strong> {g.message}
          </p>
        </div>
      ))}
    </div>
  );
}
