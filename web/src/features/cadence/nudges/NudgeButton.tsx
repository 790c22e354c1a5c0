import { useState } from 'react';
import { NUDGE_MAX } from '../../../../../common/nudge-limits';
import type { Nudge, NudgeAboutInput, NudgeThread, NudgeWelcome } from '../../../../../common/nudges';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { firstName } from '../../../ui/format';
import { FormDialog } from '../../../ui/FormDialog';
import { TextArea } from '../../../ui/TextArea';
import { useAction } from '../../../ui/use-action';
import { WelcomeLine } from './WelcomeLine';
import '../../../styles/nudges.css';

interface NudgeButtonProps {
  pmId: string;
  pmName: string;
  /** A plan theme or action the nudge is about (free by default). */
  about?: NudgeAboutInput;
  aboutTitle?: string | null;
  /** A prefilled text (from a nudge idea), editable before sending. */
  text?: string;
  label?: string;
  /** The button's accessible name when several "Nudge" buttons share a page. */
  accessibleName?: string;
  variant?: 'primary' | 'secondary';
  /** How the PM welcomes nudges, when the page already has it (otherwise loaded on opening). */
  welcome?: NudgeWelcome;
  onSent?: (nudge: Nudge) => void;
  /** Renders nothing (for the PM, who does not send nudges). */
  hidden?: boolean;
}

/** A "Nudge" button opening the compose form: a sentence or two to the PM, with their preference shown first. */
export function NudgeButton({
  pmId,
  pmName,
  about = { kind: 'free' },
  aboutTitle = null,
  text: prefilled = '',
  label = 'Nudge',
  accessibleName,
  variant = 'secondary',
  welcome,
  onSent,
  hidden = false,
}: NudgeButtonProps) {
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(prefilled);
  const base = `/api/pms/${encodeURIComponent(pmId)}/nudges`;
  const thread = useResource<NudgeThread>(open && !welcome ? base : null);
  const shown = welcome ?? thread.data?.welcome ?? undefined;
  const send = useAction((body: unknown) => api<Nudge>('POST', base, body), { text: 'Your nudge' });
  if (hidden) return null;
  const first = firstName(pmName);
  const submit = async () => {
    const sent = await send.run({ text: text.trim(), about });
    if (!sent) return;
    setOpen(false);
    setText(prefilled);
    announce(`Nudge sent to ${first}.`);
    onSent?.(sent);
  };
  return (
    <>
      <Button
        variant={variant}
        aria-label={accessibleName}
        onClick={() => {
          setText(prefilled);
          send.clearError();
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <FormDialog
        open={open}
        title={`Nudge ${first}`}
        submitLabel="Send nudge"
        pendingLabel="Sending…"
        pending={send.pending}
        error={send.error}
        onSubmit={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        {shown ? (
          <WelcomeLine welcome={shown} />
        ) : (
          <p className="hint">{thread.error ? 'Could not load how often nudges are welcome.' : 'Loading…'}</p>
        )}
        {aboutTitle && <p className="nudge-about">About: {aboutTitle}</p>}
        <TextArea
          label="Your nudge"
          hint={`A sentence or two, up to ${NUDGE_MAX} characters (${NUDGE_MAX - text.length} left). It reaches ${first} in Wheelhouse and on the channels they chose.`}
          value={text}
          maxLength={NUDGE_MAX}
          required
          autoFocus
          onChange={(e) => setText(e.target.value)}
        />
      </FormDialog>
    </>
  );
}
