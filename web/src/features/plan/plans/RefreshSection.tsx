import { useEffect, useRef, useState } from 'react';
import type { PlanVersionInfo } from '../../../../../common/plans';
import { useAnnounce } from '../../../app/announcer';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { formatDate, fromNow } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { TextArea } from '../../../ui/TextArea';
import { FormDialog } from '../../../ui/FormDialog';
import { usePlan, usePlanChange } from './plan-context';

const labels = { headline: 'New headline', focus: 'Focus', periodEnd: 'Plan runs until' };

/** The quarterly refresh: when it is due, starting a new version, and the earlier versions to read. */
export function RefreshSection() {
  const { plan, pmId, pm } = usePlan();
  const announce = useAnnounce();
  const refresh = usePlanChange(labels);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ headline: '', focus: '' });
  const versions = useResource<PlanVersionInfo[]>(`/api/pms/${encodeURIComponent(pmId)}/plan/versions`);
  // After a refresh the version just replaced joins the list.
  const shown = useRef(plan.version);
  const reloadVersions = versions.reload;
  useEffect(() => {
    if (shown.current === plan.version) return;
    shown.current = plan.version;
    reloadVersions();
  }, [plan.version, reloadVersions]);
  const start = async () => {
    const next = await refresh.run('POST', '/refresh', {
      headline: form.headline.trim(),
      focus: form.focus.trim(),
    });
    if (!next) return;
    setOpen(false);
    setForm({ headline: '', focus: '' });
    announce(
      `Version ${next.version} started as a copy of version ${plan.version}. Version ${plan.version} stays readable under “Earlier versions”.`,
    );
  };
  const due = plan.refreshDue;
  return (
    <Section
      title="Quarterly refresh"
      intro="Every quarter the plan gets a new headline or focus. The new version starts as a copy; the old one stays readable."
    >
      <p className={due ? 'plan-note refresh-due' : ''}>
        {due
          ? `A refresh is due: this version started ${formatDate(plan.startedAt)}, a quarter ago.`
          : `Version ${plan.version}, started ${formatDate(plan.startedAt)}. Next refresh ${fromNow(plan.refreshDueAt)} (${formatDate(plan.refreshDueAt)}).`}
      </p>
      {plan.viewer.canEdit && (
        <Button variant={due ? 'primary' : 'secondary'} onClick={() => setOpen(true)}>
          Start a new quarter
        </Button>
      )}
      <h3 className="small-heading">Earlier versions</h3>
      <Loaded resource={versions}>
        {(list) => {
          const earlier = list.filter((v) => !v.isCurrent);
          if (earlier.length === 0)
            return (
              <EmptyState>
                <p>
                  No earlier versions yet. When {pm.isMe ? 'you start' : `${pm.first} starts`} a new quarter,
                  this version stays readable here.
                </p>
              </EmptyState>
            );
          return (
            <ul className="list">
              {earlier.map((v) => (
                <li key={v.version} className="list-item">
                  <div className="item-main">
                    <p className="item-title">
                      <Link to={`/pms/${pmId}/plan/versions/${v.version}`}>
                        Version {v.version}: {v.headline}
                      </Link>
                    </p>
                    <p className="item-meta">
                      {formatDate(v.startedAt)} – {v.replacedAt ? formatDate(v.replacedAt) : 'now'}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      <FormDialog
        open={open}
        title="Start a new quarter"
        submitLabel="Start version"
        pendingLabel="Starting…"
        pending={refresh.pending}
        error={refresh.error}
        onSubmit={start}
        onCancel={() => setOpen(false)}
      >
        <p>
          Version {plan.version + 1} starts as a copy of this one: themes, actions and their status. Version{' '}
          {plan.version} stays readable.
        </p>
        <Field
          label="New headline"
          hint="What is this quarter about?"
          value={form.headline}
          maxLength={200}
          required
          autoFocus
          onChange={(e) => setForm({ ...form, headline: e.target.value })}
        />
        <TextArea
          label="Focus"
          hint="Optional: what you will pay most attention to."
          value={form.focus}
          maxLength={1000}
          onChange={(e) => setForm({ ...form, focus: e.target.value })}
        />
      </FormDialog>
    </Section>
  );
}
