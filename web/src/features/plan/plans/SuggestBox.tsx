import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { SuggestionInput } from '../../../../../common/plans';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { TextArea } from '../../../ui/TextArea';
import { usePlan, usePlanChange } from './plan-context';

const labels = {
  title: 'Title',
  why: 'Why it matters',
  text: 'Action',
  dueOn: 'Due date',
  message: 'Note to the PM',
  areas: 'Skills',
  traits: 'Traits',
};

interface SuggestBoxProps {
  /** The disclosure's words: "Suggest an action", with hidden words saying for what. */
  summary: string;
  what: string;
  /** The suggestion to send, from the fields' current values (the message is added here). */
  suggestion: () => SuggestionInput;
  onSent: () => void;
  children: ReactNode;
}

/** A coach's suggestion form behind a disclosure: the PM accepts or declines it with one click. */
export function SuggestBox({ summary, what, suggestion, onSent, children }: SuggestBoxProps) {
  const { pm } = usePlan();
  const announce = useAnnounce();
  const send = usePlanChange(labels);
  const [message, setMessage] = useState('');
  const details = useRef<HTMLDetailsElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await send.run('POST', '/suggestions', { ...suggestion(), message: message.trim() }))) return;
    setMessage('');
    onSent();
    if (details.current) details.current.open = false;
    details.current?.querySelector('summary')?.focus();
    announce(`Suggestion sent. ${pm.first} can accept or decline it.`);
  };
  return (
    <details className="suggest no-print" ref={details}>
      <summary>
        {summary}
        <span className="visually-hidden"> {what}</span>
      </summary>
      <form className="form" onSubmit={submit}>
        {children}
        <TextArea
          label={`Note to ${pm.first}`}
          hint="Optional: why you suggest it."
          value={message}
          maxLength={1000}
          onChange={(e) => setMessage(e.target.value)}
        />
        <FormError message={send.error} />
        <Button type="submit" variant="secondary" pending={send.pending} pendingLabel="Sending…">
          Send suggestion
        </Button>
      </form>
    </details>
  );
}
