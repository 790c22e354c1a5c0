import type { Framework, FrameworkVersion } from '../../../../../common/wheel';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { formatDate } from '../../../ui/format';
import { LoadError, Loading } from '../../../ui/Loading';
import { CopyFramework } from './CopyFramework';
import { FrameworkContent } from './FrameworkContent';
import { FrameworkVersions } from './FrameworkVersions';
import '../../../styles/wheel.css';

const kindLabel = {
  default: 'The workspace default',
  template: 'A workspace template',
  own: 'Your own copy',
} as const;

/** `/frameworks/{id}` (current version) and `/frameworks/{id}/versions/{n}` (an older one, as rounds saw it). */
export default function FrameworkPage({ frameworkId, version }: { frameworkId: string; version?: number }) {
  const id = encodeURIComponent(frameworkId);
  const framework = useResource<Framework>(`/api/frameworks/${id}`);
  const old = useResource<FrameworkVersion>(version ? `/api/frameworks/${id}/versions/${version}` : null);
  const error = framework.error ?? old.error;
  if (error && [400, 404].includes(error.status)) return <NotFoundPage />;
  if (error) return <LoadError error={error} retry={() => (framework.reload(), old.reload())} />;
  if (!framework.data || (version && !old.data)) return <Loading />;
  const f = framework.data;
  const shown = version ? old.data! : f.current;
  const kind = f.kind === 'own' && f.owner ? `${f.owner.name}'s copy` : kindLabel[f.kind];
  return (
    <Page
      title={version ? `${shown.name}, version ${shown.version}` : shown.name}
      lead={
        <>
          {kind} · Version {shown.version}
          {shown.isCurrent ? ' (current)' : ''} · saved {formatDate(shown.createdAt)} · scores from{' '}
          {shown.scale.min} to {shown.scale.max}
        </>
      }
    >
      {!shown.isCurrent && (
        <p className="notice">
          You're looking at an older version, as rounds made on it were assessed.{' '}
          <Link to={`/frameworks/${f.id}`}>See the current version {f.currentVersion}</Link>.
        </p>
      )}
      {shown.description && <p className="framework-description">{shown.description}</p>}
      <div className="toolbar">
        {f.canEdit && (
          <Link className="button button-primary" to={`/frameworks/${f.id}/edit`}>
            Edit
          </Link>
        )}
        <CopyFramework framework={f} primary={!f.canEdit} />
        <a className="button button-secondary" href={`/api/frameworks/${f.id}/export`} download>
          Export JSON
        </a>
        <Link className="toolbar-link" to="/frameworks">
          All frameworks
        </Link>
      </div>
      <FrameworkContent version={shown} />
      <FrameworkVersions framework={f} shownVersion={shown.version} />
    </Page>
  );
}
