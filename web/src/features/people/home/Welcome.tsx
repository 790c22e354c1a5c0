import type { Me } from '../../../../../common/schemas';
import { Link } from '../../../app/router';

/** What a brand-new person sees first: what Wheelhouse is for, and the first step. */
export function Welcome({ me }: { me: Me }) {
  return (
    <section className="card welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to {me.workspace.name}</h2>
      <p>
        Wheelhouse pairs each PM with a coach. Everything a PM writes stays between them and their current
        coaches.
      </p>
      <ol className="steps">
        <li>
          <strong>Invite a PM you coach</strong> below. You'll get a link to send them (we email it too when
          email is set up).
        </li>
        <li>When they sign up, they appear under "Your PMs", and you're paired.</li>
        {me.isAdmin && (
          <li>
            Others coach too? Invite them as members from <Link to="/admin">Admin</Link>, then pair them with
            their PMs.
          </li>
        )}
      </ol>
    </section>
  );
}
