import { Fragment } from 'react';
import { Link } from '../../../app/router';

const linkPattern = /\[([^\]\n]+)\]\((\/[^)\s]*)\)/g;

/** A delivery's text with its in-app links, `[words](/path)`, shown as links (never raw paths). */
export function InboxText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <Link key={match.index} to={match[2]!}>
        {match[1]}
      </Link>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return (
    <p className="inbox-text">
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </p>
  );
}
