import { useId, useState } from 'react';
import type { CoachHistoryGrant, HistoryGrants } from '../../../../../common/history-grants';
import { historyPartWords, historyParts, type HistoryPart } from '../../../../../common/history-parts';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { formatDate } from '../../../ui/format';
import { useAction } from '../../../ui/use-action';

/**
 * The PM's history from before each pairing (decision 038). The PM chooses, per current coach,
 * what that coach may see of it; a coach reads a gentle note of what is shared with them.
 */
export function HistoryGrantSection({ pmId }: { pmId: string }) {
  const grants = useResource<HistoryGrants>(`/api/pms/${encodeURIComponent(pmId)}/history-grants`);
  return (
    <Loaded resource={grants}>
      {(data) =>
        data.viewerSide === 'pm' ? (
          <Section
            title="Your history"
            intro="A new coach sees only what happens from your pairing on. Your earlier rounds, plan versions, comments, sessions and check-ins stay private unless you share them here. You can change or stop this at any time; each change is in your access log."
          >
            {data.coaches.length === 0 ? (
              <EmptyState>
                <p>
                  No one coaches you right now. When a coach pairs with you, you can choose here what they
                  see.
                </p>
              </EmptyState>
            ) : (
              data.coaches.map((c) => (
                <CoachGrant key={c.coach.id} pmId={pmId} grant={c} onSaved={grants.reload} />
              ))
            )}
          </Section>
        ) : (
          <CoachNote pmName={data.pmName} grant={data.coaches[0]} />
        )
      }
    </Loaded>
  );
}

/** The coach's gentle note: what of the PM's earlier history is theirs to see. */
function CoachNote({ pmName, grant }: { pmName: string; grant: CoachHistoryGrant | undefined }) {
  if (!grant || grant.parts.length === 0)
    return (
      <p className="card history-note">
        {pmName}’s history before your pairing is private unless they share it.
      </p>
    );
  return (
    <p className="card history-note">
      {grant.all
        ? `${pmName} shares all of their history from before your pairing with you.`
        : `${pmName} shares with you from before your pairing: ${grant.parts
            .map((p) => historyPartWords[p].name.toLowerCase())
            .join(', ')}. The rest stays private.`}
    </p>
  );
}

/** One coach: a checkbox per part, each with what the coach will see. */
function CoachGrant({
  pmId,
  grant,
  onSaved,
}: {
  pmId: string;
  grant: CoachHistoryGrant;
  onSaved: () => void;
}) {
  const announce = useAnnounce();
  const baseId = useId();
  const [parts, setParts] = useState<HistoryPart[]>(grant.parts);
  const path = `/api/pms/${encodeURIComponent(pmId)}/history-grants/${encodeURIComponent(grant.coach.id)}`;
  const save = useAction(() => api<HistoryGrants>('PUT', path, { parts }));
  const stop = useAction(() => api<HistoryGrants>('DELETE', path));
  const name = grant.coach.name;
  const toggle = (part: HistoryPart, on: boolean) =>
    setParts((now) => historyParts.filter((p) => (p === part ? on : now.includes(p))));

  const saveGrant = async () => {
    if (!(await save.run())) return;
    onSaved();
    announce(
      parts.length
        ? `Saved. ${name} now sees the parts you chose from before your pairing.`
        : `Saved. ${name} sees nothing from before your pairing.`,
    );
  };
  const stopSharing = async () => {
    if (!(await stop.run())) return;
    setParts([]);
    onSaved();
    announce(`Stopped sharing. ${name} sees nothing from before your pairing.`);
  };

  return (
    <fieldset className="choice history-grant">
      <legend>
        What {name} may see from before {formatDate(grant.pairedSince)}
      </legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={parts.length === historyParts.length}
          onChange={(e) => setParts(e.currentTarget.checked ? [...historyParts] : [])}
        />
        All of it
      </label>
      {historyParts.map((part) => (
        <div key={part}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={parts.includes(part)}
              aria-describedby={`${baseId}-${part}`}
              onChange={(e) => toggle(part, e.currentTarget.checked)}
            />
            {historyPartWords[part].name}
          </label>
          <p className="hint" id={`${baseId}-${part}`}>
            {historyPartWords[part].sees}
          </p>
        </div>
      ))}
      <FormError message={save.error || stop.error} />
      <div className="actions">
        {grant.parts.length > 0 && (
          <Button variant="secondary" onClick={() => void stopSharing()} pending={stop.pending}>
            Stop sharing with {name}
          </Button>
        )}
        <Button onClick={() => void saveGrant()} pending={save.pending}>
          Save what {name} sees
        </Button>
      </div>
    </fieldset>
  );
}
