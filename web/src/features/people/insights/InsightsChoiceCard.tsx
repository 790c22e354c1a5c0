import { useEffect, useState } from 'react';
import type { InsightsChoice } from '../../../../../common/insights';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useResource } from '../../../app/use-resource';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

/** The account page's switch: whether your latest scores count in the workspace insights (default yes). */
export function InsightsChoiceCard() {
  const choice = useResource<InsightsChoice>('/api/insights/my-choice');
  const announce = useAnnounce();
  const [counted, setCounted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (choice.data) setCounted(choice.data.counted);
  }, [choice.data]);
  const save = useAction((next: boolean) =>
    api<InsightsChoice>('PUT', '/api/insights/my-choice', { counted: next }),
  );

  const change = async (next: boolean) => {
    setCounted(next);
    const saved = await save.run(next);
    if (!saved) return setCounted(!next);
    announce(
      saved.counted
        ? 'Your latest scores count in the workspace insights again.'
        : 'Your scores are kept out of the workspace insights.',
    );
  };

  return (
    <section className="card" aria-labelledby="insights-choice-heading">
      <h2 id="insights-choice-heading">Workspace insights</h2>
      <p>
        Admins and coaches see how the workspace scores per area over groups of at least 5 PMs, never anyone’s
        own scores. You can keep yours out.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={counted ?? true}
          disabled={counted === undefined || save.pending}
          onChange={(e) => void change(e.currentTarget.checked)}
        />
        Let my latest scores count in the anonymous area figures
      </label>
      <FormError
        message={save.error || (choice.error ? 'Your choice could not be loaded. Reload the page.' : '')}
      />
    </section>
  );
}
