import { Page } from './Page';
import { Link } from './router';

/** Shown for unknown paths and for anything the person may not see (it never says which). */
export function NotFoundPage() {
  return (
    <Page title="Page not found" lead="This page doesn't exist, or you don't have access to it.">
      <p>
        Check the address, or go back to <Link to="/">your home page</Link>.
      </p>
    </Page>
  );
}
