import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { textVersion } from '../../../../common/text-version';
import { createAutosaver, type SaveOutcome } from './autosaver';
import { draftKey, readDraft, type DraftStore } from './drafts';

/** A Map as localStorage. */
const memoryStore = (): DraftStore & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
};

/** A server holding one field's text, with the version check. */
function fakeServer(initial: string) {
  const server = {
    text: initial,
    calls: [] as { text: string; version: string }[],
    offline: false,
    async save(text: string, version: string): Promise<SaveOutcome> {
      server.calls.push({ text, version });
      if (server.offline) return { kind: 'failed', message: 'No connection.' };
      if (version !== textVersion(server.text)) return { kind: 'conflict', theirs: server.text };
      server.text = text.trim();
      return { kind: 'saved', stored: server.text };
    },
  };
  return server;
}

const key = draftKey('person-1', 'plan-theme:t1:why');

function setup(initial = 'Before.', store = memoryStore()) {
  const server = fakeServer(initial);
  const saver = createAutosaver({
    value: initial,
    save: server.save,
    store,
    draftKey: key,
    onChange: () => undefined,
  });
  return { server, saver, store };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('saving while typing', () => {
  it('sends one save a second after typing stops, not one per keystroke', async () => {
    const { server, saver } = setup();
    for (const text of ['B', 'Be', 'Bet', 'Bett', 'Better']) {
      saver.type(text);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls.map((c) => c.text)).toEqual(['Better']);
    expect(saver.state.status).toBe('saved');
    expect(server.text).toBe('Better');
  });

  it('typing on without a pause still saves every ten seconds', async () => {
    const { server, saver } = setup();
    let text = '';
    for (let i = 0; i < 125; i++) {
      text += 'x';
      saver.type(text);
      await vi.advanceTimersByTimeAsync(200);
    }
    // 25 s of typing, never a second's pause: two saves on the way, not one per keystroke.
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(3);
    expect(server.text).toBe(text);
  });

  it('keeps a draft, keyed by the person, until the server has the words', async () => {
    const { saver, store } = setup();
    saver.type('Half a thought');
    expect(readDraft(store, key)).toEqual({ text: 'Half a thought', base: 'Before.' });
    expect(readDraft(store, draftKey('person-2', 'plan-theme:t1:why'))).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(readDraft(store, key)).toBeNull();
  });

  it('after a reload, shows the draft and sends it', async () => {
    const store = memoryStore();
    setup('Before.', store).saver.type('Typed, then reloaded');
    const { server, saver } = setup('Before.', store);
    expect(saver.state.text).toBe('Typed, then reloaded');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.text).toBe('Typed, then reloaded');
    expect(readDraft(store, key)).toBeNull();
  });

  it('offline: "failed", the draft kept; back online, a retry saves it', async () => {
    const { server, saver, store } = setup();
    server.offline = true;
    saver.type('Written on a train');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.state.status).toBe('failed');
    expect(readDraft(store, key)?.text).toBe('Written on a train');
    server.offline = false;
    await saver.flush();
    expect(saver.state.status).toBe('saved');
    expect(server.text).toBe('Written on a train');
  });

  it('a stale version becomes a conflict holding both texts; keeping mine saves over theirs', async () => {
    const { server, saver } = setup();
    server.text = 'From the other tab.';
    saver.type('Mine.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.state).toMatchObject({ status: 'conflict', text: 'Mine.', theirs: 'From the other tab.' });
    saver.type('Mine, still typing.');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.text).toBe('From the other tab.');
    saver.keepMine();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.text).toBe('Mine, still typing.');
  });

  it('choosing theirs drops my words and the draft', async () => {
    const { server, saver, store } = setup();
    server.text = 'From the other tab.';
    saver.type('Mine.');
    await vi.advanceTimersByTimeAsync(1000);
    saver.useTheirs();
    expect(saver.state.text).toBe('From the other tab.');
    expect(readDraft(store, key)).toBeNull();
    expect(saver.dirty).toBe(false);
  });

  it('the server trimming the words is no conflict on the next save', async () => {
    const { server, saver } = setup();
    saver.type('Ends with a space ');
    await vi.advanceTimersByTimeAsync(1000);
    saver.type('Ends with a space and more');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.state.status).toBe('saved');
    expect(server.text).toBe('Ends with a space and more');
  });
});
