import { useState } from 'react';
import type { SelfCheck } from '../../../../../common/self-checks';
import { api } from '../../../api';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { Section } from '../../../ui/Section';
import { TextArea } from '../../../ui/TextArea';
import { useAction } from '../../../ui/use-action';
import { dipLine } from './dip-words';

/** What the PM sees the moment they submit: the dips, and a private note about what is behind them. */
export function DipsAtSubmit({ pmId, selfCheck }: { pmId: string; selfCheck: SelfCheck }) {
  const [note, setNote] = useState(selfCheck.note ?? '');
  const [saved, setSaved] = useState(false);
  const save = useAction((text: string) =>
    api<SelfCheck>('PUT', `/api/pms/${pmId}/self-checks/${selfCheck.id}/note`, { note: text || null }),
  );
  if (selfCheck.dips.length === 0)
    return (
      <Section title="Self-check saved">
        <p role="status">
          Thank you. No clear drop since your recent self-scores. It stays private until you share it.
        </p>
      </Section>
    );
  return (
    <Section title="A dip to look at">
      <ul className="self-check-dips">
        {selfCheck.dips.map((d) => (
          <li key={d.statementKey ?? d.areaKey}>
            <strong>{dipLine(d)}</strong> — want to note what's behind it?
          </li>
        ))}
      </ul>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          if (await save.run(note.trim())) setSaved(true);
        }}
      >
        <TextArea
          label="Your private note"
          hint="Only you see it, even if you share this self-check with your coach."
          value={note}
          maxLength={2000}
          rows={3}
          onChange={(e) => {
            setNote(e.target.value);
            setSaved(false);
          }}
        />
        <FormError message={save.error} />
        <Button type="submit" className="tap" pending={save.pending}>
          Save note
        </Button>
        <p role="status" className="hint">
          {saved ? 'Note saved. Only you can see it.' : ''}
        </p>
      </form>
    </Section>
  );
}
