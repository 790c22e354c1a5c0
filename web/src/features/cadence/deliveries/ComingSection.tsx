import type { Coming } from '../../../../../common/coming';
import { Link } from '../../../app/router';
import { useResource, type Resource } from '../../../app/use-resource';
import { Section } from '../../../ui/Section';

/**
 * "What is coming": the person's next sessions and due actions, each with when its reminder
 * comes (worked out on the server by the same rules that send them). Nothing when nothing is due.
 */
export function ComingSection({ loaded }: { loaded?: Resource<Coming> }) {
  // Home reads it with its other data (so the section does not push the page down when it comes).
  const own = useResource<Coming>(loaded ? null : '/api/me/coming');
  const coming = loaded ?? own;
  const items = coming.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Section title="What is coming" intro={`The next two weeks (times in ${coming.data!.timeZone}).`}>
      <ul className="coming-list">
        {items.map((item) => (
          <li key={`${item.kind}:${item.at}:${item.link}`}>
            <Link to={item.link}>{item.words}</Link>
            {item.reminder && <span className="hint">; {item.reminder}</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}
