import { useState } from 'react';
import { FormError } from '../../../ui/FormError';
import { Section } from '../../../ui/Section';
import { formatBytes } from './format-bytes';

const fileNameOf = (res: Response) =>
  /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'wheelhouse-export.zip';

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Export everything" on a PM's overview: downloads the zip the server streams (decision 042),
 * counting the bytes as they arrive, then saves it from memory in the browser.
 */
export function ExportSection({ pmId, pmName, isPm }: { pmId: string; pmName: string; isPm: boolean }) {
  const [received, setReceived] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    setDone(null);
    setReceived(0);
    try {
      const res = await fetch(`/api/pms/${encodeURIComponent(pmId)}/export`, { credentials: 'same-origin' });
      if (!res.ok || !res.body) {
        const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(data?.error?.message ?? 'The export could not be prepared. Please try again.');
      }
      const reader = res.body.getReader();
      const parts: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        parts.push(value);
        total += value.byteLength;
        setReceived(total);
      }
      const fileName = fileNameOf(res);
      save(new Blob(parts as BlobPart[], { type: 'application/zip' }), fileName);
      setDone(`Saved ${fileName} (${formatBytes(total)}).`);
    } catch (e) {
      setError(
        e instanceof TypeError
          ? 'Could not reach Wheelhouse. Check your connection and try again.'
          : e instanceof Error
            ? e.message
            : 'The export could not be prepared. Please try again.',
      );
    } finally {
      setReceived(null);
    }
  }

  const busy = received !== null;
  return (
    <Section
      title="Export everything"
      intro={
        isPm
          ? 'One zip file with everything you have in Wheelhouse: your account, rounds and traits, self-checks, reflections, plan versions with comments and suggestions, the vision’s history, coaching sessions, check-ins, pulses, nudges and your access log. It holds a readable copy (open README.html) and the same data as JSON for other programs.'
          : `One zip file with everything you may see of ${pmName} and what you wrote: shared rounds, self-checks and reflections, plan versions, the vision, your coaching sessions with your own private notes, shared check-ins, pulses and your nudges. It holds a readable copy (open README.html) and the same data as JSON. Your download is recorded in ${pmName}’s access log.`
      }
    >
      <p className="hint">
        The file holds private words. Keep it somewhere safe, and delete it when you no longer need it.
      </p>
      <p className="toolbar">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void download()}
          disabled={busy}
        >
          {isPm ? 'Export everything' : `Export everything about ${pmName}`}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {busy && <p className="loading">Preparing… {formatBytes(received)}</p>}
        {done && <p>{done}</p>}
      </div>
      <FormError message={error ?? ''} />
    </Section>
  );
}
