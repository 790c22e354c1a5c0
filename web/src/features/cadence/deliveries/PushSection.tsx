import { useEffect, useState } from 'react';
import type { PushKey, PushState } from '../../../../../common/push';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { Section } from '../../../ui/Section';
import { useAction } from '../../../ui/use-action';

/** What this browser can do about push, in words (decision 061). */
type View = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on';

const words: Record<Exclude<View, 'checking'>, string> = {
  on: 'On for this browser.',
  off: 'Off for this browser.',
  blocked: 'Blocked by the browser: change it in site settings.',
  unsupported: 'This browser cannot show notifications from Wheelhouse.',
};

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The app's service worker registration, or null (not supported, blocked, not built). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!supported()) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

const asJson = (s: PushSubscription) =>
  s.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };

/** "Push on this device": asks permission, subscribes this browser, and says the state in words. */
export function PushSection() {
  const announce = useAnnounce();
  const [view, setView] = useState<View>('checking');
  const [showText, setShowText] = useState(false);
  const [problem, setProblem] = useState('');

  // On load: what the browser says, and the stored choice for a browser already subscribed.
  useEffect(() => {
    void (async () => {
      const reg = await registration().catch(() => null);
      if (!reg) return setView('unsupported');
      if (Notification.permission === 'denied') return setView('blocked');
      const sub = await reg.pushManager.getSubscription().catch(() => null);
      if (!sub || Notification.permission !== 'granted') return setView('off');
      const state = await api<PushState>('PUT', '/api/me/push/subscription', asJson(sub)).catch(() => null);
      setShowText(state?.showText ?? false);
      setView(state?.on ? 'on' : 'off');
    })();
  }, []);

  const turnOn = useAction(async () => {
    setProblem('');
    const reg = await registration();
    if (!reg) return setView('unsupported');
    const permission = await Notification.requestPermission();
    if (permission === 'denied') return setView('blocked');
    if (permission !== 'granted') return setProblem('Push stays off: the browser did not get a yes.');
    const { publicKey } = await api<PushKey>('GET', '/api/me/push/key');
    let sub: PushSubscription;
    try {
      sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
    } catch {
      return setProblem('This browser could not reach its push service. Try again later.');
    }
    const state = await api<PushState>('PUT', '/api/me/push/subscription', { ...asJson(sub), showText });
    setView(state.on ? 'on' : 'off');
    announce('Push is on for this browser.');
  });

  const turnOff = useAction(async () => {
    const sub = await (await registration())?.pushManager.getSubscription();
    if (sub) {
      await api<PushState>('POST', '/api/me/push/unsubscribe', { endpoint: sub.endpoint });
      await sub.unsubscribe().catch(() => false);
    }
    setView('off');
    announce('Push is off for this browser.');
  });

  const chooseText = useAction(async (next: boolean) => {
    const sub = await (await registration())?.pushManager.getSubscription();
    if (!sub) return setView('off');
    const state = await api<PushState>('PUT', '/api/me/push/subscription', {
      ...asJson(sub),
      showText: next,
    });
    setShowText(state.showText);
  });

  return (
    <Section
      title="Push on this device"
      intro="A notification on this browser’s screen, even when Wheelhouse is closed."
    >
      <p className="push-state" role="status">
        {view === 'checking' ? 'Checking this browser…' : words[view]}
      </p>
      {view === 'off' && (
        <Button pending={turnOn.pending} pendingLabel="Turning push on…" onClick={() => void turnOn.run()}>
          Turn on push for this browser
        </Button>
      )}
      {view === 'on' && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showText}
              disabled={chooseText.pending}
              onChange={(e) => void chooseText.run(e.target.checked)}
            />
            Show the text in notifications
          </label>
          <p className="hint">
            {showText
              ? 'The words of nudges and reminders show on this screen, also when it is locked.'
              : 'Off: a title and a link only. The words stay in Wheelhouse.'}
          </p>
          <Button variant="secondary" pending={turnOff.pending} onClick={() => void turnOff.run()}>
            Turn off push for this browser
          </Button>
        </>
      )}
      {problem && <p className="form-error">{problem}</p>}
      <FormError message={turnOn.error || turnOff.error || chooseText.error} />
    </Section>
  );
}
