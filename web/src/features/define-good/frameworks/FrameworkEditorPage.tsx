import type { Framework } from '../../../../../common/wheel';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { LoadError, Loading } from '../../../ui/Loading';
import { CopyFramework } from './CopyFramework';
import { FrameworkEditor } from './FrameworkEditor';
import '../../../styles/wheel.css';

/** `/frameworks/{id}/edit`: adapt a framework; saving makes a new version. */
export default function FrameworkEditorPage({ frameworkId }: { frameworkId: string }) {
  const framework = useResource<Framework>(`/api/frameworks/${encodeURIComponent(frameworkId)}`);
  if (framework.error && [400, 404].includes(framework.error.status)) return <NotFoundPage />;
  if (framework.error) return <LoadError error={framework.error} retry={framework.reload} />;
  if (!framework.data) return <Loading />;
  const f = framework.data;
  if (!f.canEdit) {
    return (
      <Page
        title={`Adapt ${f.name}`}
        lead="Only its owner (or, for workspace templates, an admin) edits this framework. Make your own copy to adapt it."
      >
        <div className="toolbar">
          <CopyFramework framework={f} primary />
          <Link className="toolbar-link" to={`/frameworks/${f.id}`}>
            Back to {f.name}
          </Link>
        </div>
      </Page>
    );
  }
  return (
    <Page
      title={`Edit ${f.name}`}
      lead={`Version ${f.currentVersion}. Rename, reorder, add or remove areas and statements, then save: it becomes version ${f.currentVersion + 1}, and rounds already made keep theirs.`}
    >
      <FrameworkEditor framework={f} />
    </Page>
  );
}
