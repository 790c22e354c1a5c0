import type { Dip, Round } from '../../../../../common/wheel-rounds';
import { Link } from '../../../app/router';
import type { Resource } from '../../../app/use-resource';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { DipsList } from './DipsList';

/**
 * The PM's home: their round under way (or how to start one), dips to talk about (from the home
 * summary), and the way to their wheel.
 */
export function PmWheelSection({
  meId,
  rounds,
  dips,
}: {
  meId: string;
  /** The PM's rounds, read by home with its other data (see HomePage). */
  rounds: Resource<Round[]>;
  dips: Resource<Dip[]>;
}) {
  return (
    <Section title="Your wheel">
      <Loaded resource={rounds}>
        {(list) => {
          const open = list.find((r) => r.status === 'open');
          const mineDone = open?.self.submitted;
          return (
            <>
              {open ? (
                <p>
                  {open.title}:{' '}
                  {mineDone ? (
                    <>you've submitted; waiting for {open.coach.name}. </>
                  ) : (
                    <>
                      <Link to={`/rounds/${open.id}`}>fill in your self-assessment</Link>.{' '}
                    </>
                  )}
                </p>
              ) : (
                <p>
                  {list.length === 0
                    ? 'No rounds yet. Start one to put a pin on the map: you and your coach each score you, then compare.'
                    : 'No round in progress.'}
                </p>
              )}
              {list.some((r) => r.status === 'revealed') && (
                <>
                  <h3 className="small-heading">Dips to talk about</h3>
                  <Loaded resource={dips}>
                    {(mine) => <DipsList lists={[{ pm: { id: meId, name: null }, dips: mine }]} />}
                  </Loaded>
                </>
              )}
              <p className="section-link">
                <Link to={`/pms/${meId}/wheel`}>
                  {open || list.length ? 'Open your wheel' : 'Start a round'}
                </Link>
              </p>
            </>
          );
        }}
      </Loaded>
    </Section>
  );
}
