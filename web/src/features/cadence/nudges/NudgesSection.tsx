import type { NudgeIdeas } from '../../../../../common/nudges';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { firstName } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { NudgeButton } from './NudgeButton';
import { WelcomeLine } from './WelcomeLine';

/** The PM's page: for a coach, how the PM welcomes nudges, nudge ideas and a free nudge; for the PM, their nudges. */
export function NudgesSection({ pmId, pmName, isPm }: { pmId: string; pmName: string; isPm: boolean }) {
  const thread = `/pms/${pmId}/nudges`;
  if (isPm)
    return (
      <Section
        title="Nudges"
        intro="Short notes from your coach between sessions. React or answer in a line."
      >
        <p>
          <Link className="button button-secondary" to={thread}>
            Open your nudges
          </Link>
        </p>
      </Section>
    );
  return <CoachNudges pmId={pmId} pmName={pmName} thread={thread} />;
}

function CoachNudges({ pmId, pmName, thread }: { pmId: string; pmName: string; thread: string }) {
  const ideas = useResource<NudgeIdeas>(`/api/pms/${encodeURIComponent(pmId)}/nudge-ideas`);
  const first = firstName(pmName);
  return (
    <div id="nudge-ideas">
      <Section
        title="Nudges"
        intro={`A sentence or two between sessions keeps ${first}’s plan top of mind. Start from an idea and make it yours.`}
      >
        <Loaded resource={ideas}>
          {({ ideas: list, welcome }) => (
            <>
              <WelcomeLine welcome={welcome} />
              <h3 className="small-heading">Nudge ideas</h3>
              {list.length === 0 ? (
                <EmptyState>
                  <p>
                    No ideas right now: nothing due this week, no amber or red theme, and you nudged {first}{' '}
                    recently. You can still write one.
                  </p>
                </EmptyState>
              ) : (
                <ul className="list nudge-ideas">
                  {list.map((idea) => (
                    <li key={idea.key} className="list-item">
                      <div className="item-main">
                        <p className="item-title">{idea.why}</p>
                        <p className="item-meta">{idea.text}</p>
                      </div>
                      <NudgeButton
                        pmId={pmId}
                        pmName={pmName}
                        about={idea.about}
                        aboutTitle={idea.aboutTitle}
                        text={idea.text}
                        accessibleName={`Nudge: ${idea.why}`}
                        welcome={welcome}
                        onSent={ideas.reload}
                      />
                    </li>
                  ))}
                </ul>
              )}
              <p className="toolbar">
                <NudgeButton
                  pmId={pmId}
                  pmName={pmName}
                  label="Write a nudge"
                  variant="primary"
                  welcome={welcome}
                  onSent={ideas.reload}
                />
                <Link className="button button-secondary" to={thread}>
                  Nudges and answers
                </Link>
              </p>
            </>
          )}
        </Loaded>
      </Section>
    </div>
  );
}
