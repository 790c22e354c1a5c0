import type { FrameworkSummary } from '../../../../../common/wheel';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';
import { ImportFramework } from './ImportFramework';
import '../../../styles/wheel.css';

const kindBadge = { default: 'Default', template: 'Template', own: 'Own copy' } as const;

/** `/frameworks`: the compass. The default PMwheel, workspace templates and coaches' own copies; import a file. */
export default function FrameworksPage() {
  const frameworks = useResource<FrameworkSummary[]>('/api/frameworks');
  return (
    <Page
      title="Frameworks"
      lead="What good looks like for a PM here: skill areas with concrete statements to score, and traits described in words. Start with the PMwheel; copy and adapt it in minutes."
    >
      <Section title="Your workspace's frameworks">
        <Loaded resource={frameworks}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>
                <p>No frameworks yet. Import one below.</p>
              </EmptyState>
            ) : (
              <ul className="list">
                {list.map((f) => (
                  <li key={f.id} className="list-item">
                    <div className="item-main">
                      <p className="item-title">
                        <Link to={`/frameworks/${f.id}`}>{f.name}</Link>{' '}
                        <span className="badge">{kindBadge[f.kind]}</span>
                      </p>
                      <p className="item-meta">
                        Version {f.currentVersion} · updated {formatDate(f.updatedAt)}
                        {f.owner ? ` · ${f.owner.name}` : ''}
                        {f.canEdit ? ' · you can edit it' : ''}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </Section>
      <Section
        title="Import a framework"
        intro="A JSON file exported from Wheelhouse (another workspace, or a backup). It becomes your own copy."
      >
        <ImportFramework />
      </Section>
    </Page>
  );
}
