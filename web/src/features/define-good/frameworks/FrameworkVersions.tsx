import type { Framework, FrameworkVersionInfo } from '../../../../../common/wheel';
import { Link } from '../../../app/router';
import { useResource } from '../../../app/use-resource';
import { formatDateTime } from '../../../ui/format';
import { Loaded } from '../../../ui/Loaded';
import { Section } from '../../../ui/Section';

/** Every saved version, newest first: rounds keep pointing at the version they were made on. */
export function FrameworkVersions({
  framework,
  shownVersion,
}: {
  framework: Framework;
  shownVersion: number;
}) {
  const versions = useResource<FrameworkVersionInfo[]>(`/api/frameworks/${framework.id}/versions`);
  return (
    <Section
      title="Versions"
      intro="Each save makes a new version. Rounds keep the version they were assessed on, so old wheels still read correctly."
    >
      <Loaded resource={versions}>
        {(list) => (
          <ol className="list" reversed>
            {list.map((v) => (
              <li key={v.version} className="list-item">
                <div className="item-main">
                  <p className="item-title">
                    {v.version === shownVersion ? (
                      <span aria-current="page">Version {v.version} (shown)</span>
                    ) : (
                      <Link
                        to={
                          v.version === framework.currentVersion
                            ? `/frameworks/${framework.id}`
                            : `/frameworks/${framework.id}/versions/${v.version}`
                        }
                      >
                        Version {v.version}
                      </Link>
                    )}
                    {v.version === framework.currentVersion && (
                      <span className="badge badge-accepted">Current</span>
                    )}
                  </p>
                  <p className="item-meta">
                    {v.name} · {formatDateTime(v.createdAt)}
                    {v.createdBy ? ` · by ${v.createdBy.name}` : ' · the Wheelhouse default'}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </Section>
  );
}
