import { Page } from '../../../app/Page';
import { Link } from '../../../app/router';

/** Where an erasure lands: signed out, and the account is gone. */
export default function ErasedPage() {
  return (
    <Page
      title="Your account is gone"
      lead="Your account and your coaching data were erased. You are signed out."
    >
      <section className="card">
        <p>
          Nothing of it can be brought back. What you gave into the records of PMs you coached stays with
          them, under “a former coach”.
        </p>
        <p>
          <Link to="/">Go to the sign-in page</Link>
        </p>
      </section>
    </Page>
  );
}
