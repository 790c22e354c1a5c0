import { useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import type { LiveConnection } from './live-connection';

/**
 * The shared notes: a plain textarea bound to the session's Y.Text. What is typed becomes the
 * smallest change at one place (so both people's words merge); what the other person types
 * arrives in place, the cursor moved along with the text before it.
 */
export default function LiveNotes({
  connection,
  hint,
  disabled,
}: {
  connection: LiveConnection;
  hint: string;
  disabled: boolean;
}) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);

  // The field is kept in step with the document synchronously (not through React state): what
  // the field shows before each keystroke is exactly the document, so the keystroke's change is
  // the difference, and another person's words arriving meanwhile are never overwritten.
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    const text = connection.text;
    field.value = text.toString();
    const observe = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL) return;
      const focused = document.activeElement === field;
      const start = moved(field.selectionStart, event.delta);
      const end = moved(field.selectionEnd, event.delta);
      field.value = text.toString();
      if (focused) field.setSelectionRange(start, end);
    };
    text.observe(observe);
    return () => text.unobserve(observe);
  }, [connection]);

  return (
    <div className="field">
      <label htmlFor={id}>Shared notes</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        id={id}
        ref={ref}
        rows={6}
        maxLength={20000}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onInput={(e) => {
          const next = e.currentTarget.value;
          connection.doc.transact(() => replaceText(connection.text, next), LOCAL);
        }}
      />
    </div>
  );
}

const LOCAL = 'typed here';

/**
 * Where an index of the text lands after a change elsewhere (a Yjs delta walks the old text:
 * retain, insert, delete). An insert right at the cursor stays after it.
 */
function moved(index: number, delta: Y.YTextEvent['delta']): number {
  let old = 0;
  let result = index;
  for (const op of delta) {
    if (old >= index) break;
    if (op.retain) old += op.retain;
    else if (typeof op.insert === 'string') result += op.insert.length;
    else if (op.delete) {
      result -= Math.min(op.delete, index - old);
      old += op.delete;
    }
  }
  return Math.max(0, result);
}

/** The smallest change turning the text into `next`: common start and end kept. */
function replaceText(text: Y.Text, next: string) {
  const current = text.toString();
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < next.length - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  )
    end++;
  if (current.length - start - end > 0) text.delete(start, current.length - start - end);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
}
