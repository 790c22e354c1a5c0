import { useState, type FormEvent } from 'react';
import type {
  NotificationSettings,
  NotificationSettingsInput,
  OutsideChannel,
  TestSendResult,
} from '../../../../../common/deliveries';
import { api } from '../../../api';
import { useAnnounce } from '../../../app/announcer';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { formatDateTime } from '../../../ui/format';
import { FormError } from '../../../ui/FormError';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { Select } from '../../../ui/Select';
import { useAction } from '../../../ui/use-action';
import { deliveryKindInfo } from '../../../../../common/delivery-kinds';
import { ComingSection } from './ComingSection';
import { PushSection } from './PushSection';
import { kindNames, switchable } from './kinds';
import '../../../styles/deliveries.css';

/** The kinds a person can turn off: first what tells them it is their turn, then the later reminders. */
const kindGroups = [
  { legend: 'When it is your turn', kinds: switchable.filter((k) => deliveryKindInfo[k].yourTurn) },
  { legend: 'Reminders', kinds: switchable.filter((k) => !deliveryKindInfo[k].yourTurn) },
];

const channelNames: Record<OutsideChannel, string> = {
  email: 'Email',
  slack: 'Slack',
  teams: 'Teams',
  push: 'Push',
};
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const labels = {
  slackUrl: 'Slack webhook URL',
  teamsUrl: 'Teams webhook URL',
  timeZone: 'Time zone',
  'quietHours.from': 'Quiet from',
  'quietHours.to': 'Quiet until',
};

/** `/account/notifications`: where nudges and reminders reach the signed-in person, and when. */
export default function NotificationsPage() {
  // The device's time zone is the default until the person saves their own.
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const settings = useResource<NotificationSettings>(
    `/api/me/notifications?timeZone=${encodeURIComponent(device)}`,
  );
  return (
    <Page
      title="Notifications"
      lead={
        <>
          Everything lands in your <Link to="/inbox">inbox</Link>. Choose where else it reaches you, and when.
        </>
      }
    >
      <ComingSection />
      <Loaded resource={settings}>
        {(data) => <SettingsForm initial={data} reload={settings.reload} />}
      </Loaded>
    </Page>
  );
}

function zones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...known])];
}

function SettingsForm({ initial, reload }: { initial: NotificationSettings; reload: () => void }) {
  const announce = useAnnounce();
  const [saved, setSaved] = useState(initial);
  const [email, setEmail] = useState(initial.email.on);
  const [slackUrl, setSlackUrl] = useState('');
  const [teamsUrl, setTeamsUrl] = useState('');
  const [includeText, setIncludeText] = useState(initial.includeText);
  const [nudgeFrequency, setFrequency] = useState(initial.nudgeFrequency);
  const [quiet, setQuiet] = useState(initial.quietHours !== null);
  const [quietFrom, setQuietFrom] = useState(initial.quietHours?.from ?? '21:00');
  const [quietTo, setQuietTo] = useState(initial.quietHours?.to ?? '07:00');
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [kindsOff, setKindsOff] = useState(
    new Set<NotificationSettingsInput['kindsOff'][number]>(
      switchable.filter((k) => initial.kindsOff.includes(k)),
    ),
  );
  const [coachPromptDay, setDay] = useState(initial.coachPromptDay);

  const save = useAction(async (remove?: 'slack' | 'teams') => {
    const body: NotificationSettingsInput = {
      email,
      includeText,
      nudgeFrequency,
      quietHours: quiet ? { from: quietFrom, to: quietTo } : null,
      timeZone,
      kindsOff: [...kindsOff],
      coachPromptDay,
      ...(remove === 'slack' ? { slackUrl: null } : slackUrl.trim() ? { slackUrl: slackUrl.trim() } : {}),
      ...(remove === 'teams' ? { teamsUrl: null } : teamsUrl.trim() ? { teamsUrl: teamsUrl.trim() } : {}),
    };
    return api<NotificationSettings>('PUT', '/api/me/notifications', body);
  }, labels);

  const submit = async (e: FormEvent, remove?: 'slack' | 'teams') => {
    e.preventDefault();
    const next = await save.run(remove);
    if (!next) return;
    setSaved(next);
    setSlackUrl('');
    setTeamsUrl('');
    announce(remove ? `${channelNames[remove]} webhook removed.` : 'Notification settings saved.');
  };

  const toggleKind = (kind: (typeof switchable)[number], on: boolean) => {
    const next = new Set(kindsOff);
    if (on) next.delete(kind);
    else next.add(kind);
    setKindsOff(next);
  };

  return (
    <>
      <form className="form notifications-form" onSubmit={(e) => void submit(e)}>
        <Section title="Channels" intro="Besides your inbox, which is always on.">
          <label className="checkbox">
            <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            Email me at {saved.email.address}
          </label>
          {!saved.email.mailConfigured && (
            <p className="hint">Mail is not set up on this server yet, so nothing can go out by email.</p>
          )}
          <WebhookField
            label="Slack webhook URL"
            state={saved.slack}
            value={slackUrl}
            onChange={setSlackUrl}
            placeholder="https://hooks.slack.com/services/…"
            onRemove={(e) => void submit(e, 'slack')}
            pending={save.pending}
          />
          <WebhookField
            label="Teams webhook URL"
            state={saved.teams}
            value={teamsUrl}
            onChange={setTeamsUrl}
            placeholder="https://….logic.azure.com/workflows/…"
            onRemove={(e) => void submit(e, 'teams')}
            pending={save.pending}
          />
          <label className="checkbox">
            <input type="checkbox" checked={includeText} onChange={(e) => setIncludeText(e.target.checked)} />
            Include the text in email, Slack and Teams
          </label>
          <p className="hint warning-text" id="include-text-warning">
            {includeText
              ? 'The words of nudges and reminders will leave Wheelhouse: your mail provider, Slack or Microsoft store them.'
              : 'Off: outside channels get only a title, a short notice and a link back here. Turning it on sends the words out of Wheelhouse.'}
          </p>
        </Section>

        <Section title="When" intro="Outside channels wait while you are quiet; your inbox fills as usual.">
          <Select
            label="Nudges from your coach"
            value={nudgeFrequency}
            onChange={(e) => setFrequency(e.target.value as typeof nudgeFrequency)}
          >
            <option value="daily">Welcome daily</option>
            <option value="weekly">Welcome weekly</option>
            <option value="paused">Paused for now</option>
          </Select>
          <label className="checkbox">
            <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
            Quiet hours
          </label>
          {quiet && (
            <div className="quiet-hours">
              <Field
                label="Quiet from"
                type="time"
                required
                value={quietFrom}
                onChange={(e) => setQuietFrom(e.target.value)}
              />
              <Field
                label="Quiet until"
                type="time"
                required
                value={quietTo}
                onChange={(e) => setQuietTo(e.target.value)}
              />
            </div>
          )}
          <Select label="Time zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {zones(timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
                {z === browserZone ? ' (this device)' : ''}
              </option>
            ))}
          </Select>
          <Select
            label="Weekly nudge ideas arrive on (if you coach)"
            value={String(coachPromptDay)}
            onChange={(e) => setDay(Number(e.target.value))}
          >
            {days.map((d, i) => (
              <option key={d} value={i}>
                {d}
              </option>
            ))}
          </Select>
        </Section>

        <Section title="What reaches you">
          {kindGroups.map((group) => (
            <fieldset key={group.legend} className="kinds">
              <legend>{group.legend}</legend>
              {group.kinds.map((kind) => (
                <label key={kind} className="checkbox">
                  <input
                    type="checkbox"
                    checked={!kindsOff.has(kind)}
                    onChange={(e) => toggleKind(kind, e.target.checked)}
                  />
                  {kindNames[kind]}
                </label>
              ))}
            </fieldset>
          ))}
        </Section>
        <FormError message={save.error} />
        <Button type="submit" pending={save.pending}>
          Save notification settings
        </Button>
      </form>
      <PushSection />
      <TestSection saved={saved} />
      <FailedSection saved={saved} reload={reload} />
    </>
  );
}

function WebhookField(props: {
  label: string;
  state: NotificationSettings['slack'];
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  onRemove: (e: FormEvent) => void;
  pending: boolean;
}) {
  const { label, state, value, onChange, placeholder, onRemove, pending } = props;
  return (
    <div className="webhook-field">
      <Field
        label={label}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        hint={
          state.configured
            ? `Saved: ${state.masked}. Leave empty to keep it; paste a new one to replace it.`
            : 'An incoming webhook (https). Treat it like a password: Wheelhouse never shows it back in full.'
        }
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {state.configured && (
        <Button variant="secondary" disabled={pending} onClick={onRemove}>
          Remove {label.split(' ')[0]} webhook
        </Button>
      )}
    </div>
  );
}

function TestSection({ saved }: { saved: NotificationSettings }) {
  const channels = ['email', 'slack', 'teams'] as const;
  return (
    <Section
      title="Send a test"
      intro="Sends a short test now with your saved settings, and tells you how it went."
    >
      <ul className="test-list">
        {channels.map((c) => (
          <TestButton
            key={c}
            channel={c}
            ready={c === 'email' ? saved.email.mailConfigured : saved[c].configured}
          />
        ))}
      </ul>
    </Section>
  );
}

function TestButton({ channel, ready }: { channel: OutsideChannel; ready: boolean }) {
  const announce = useAnnounce();
  const [outcome, setOutcome] = useState<TestSendResult | null>(null);
  const test = useAction(() => api<TestSendResult>('POST', '/api/me/notifications/test', { channel }));
  const name = channelNames[channel];
  return (
    <li className="test-item">
      <Button
        variant="secondary"
        pending={test.pending}
        pendingLabel={`Sending to ${name}…`}
        disabled={!ready}
        onClick={async () => {
          setOutcome(null);
          const r = await test.run();
          if (!r) return;
          setOutcome(r);
          announce(`${name}: ${r.message}`);
        }}
      >
        Send a test {channel === 'email' ? 'email' : `to ${name}`}
      </Button>
      {!ready && (
        <span className="hint">
          {channel === 'email' ? 'Mail is not set up on this server.' : `Save a ${name} webhook first.`}
        </span>
      )}
      {outcome && (
        <p className={outcome.ok ? 'test-ok' : 'form-error'}>
          {name}: {outcome.message}
        </p>
      )}
      <FormError message={test.error} />
    </li>
  );
}

function FailedSection({ saved }: { saved: NotificationSettings; reload: () => void }) {
  if (saved.failed.length === 0) return null;
  return (
    <Section
      title="Not delivered"
      intro="These gave up after trying several times; they are still in your inbox."
    >
      <ul className="failed-list">
        {saved.failed.map((f) => (
          <li key={f.id}>
            <strong>{channelNames[f.channel]}</strong>: “{f.title}” failed {f.attempts}{' '}
            {f.attempts === 1 ? 'time' : 'times'} — {f.reason}.{' '}
            <span className="hint">{formatDateTime(f.at)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
