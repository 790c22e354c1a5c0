import { useState } from 'react';
import type { PeerReview } from '../../../../../common/wheel-peers';
import { Page } from '../../../app/Page';
import { useResource } from '../../../app/use-resource';
import { LoadError, Loading } from '../../../ui/Loading';
import { firstName } from '../../../ui/format';
import { PeerReviewForm } from './PeerReviewForm';
import '../../../styles/wheel.css';

/** `/peer/{token}`: a peer scores a PM once, without an account. */
export default function PeerReviewPage({ token }: { token: string }) {
  const review = useResource<PeerReview>(`/api/peer-reviews/${encodeURIComponent(token)}`);
  const [answered, setAnswered] = useState<PeerReview | null>(null);
  if (review.error && [400, 404, 410].includes(review.error.status)) {
    return (
      <Page title="This link doesn't work" lead={review.error.message}>
        <p>Ask the person who sent it for a new one.</p>
      </Page>
    );
  }
  if (review.error) return <LoadError error={review.error} retry={review.reload} />;
  if (!review.data) return <Loading />;
  const data = answered ?? review.data;
  const pm = firstName(data.pmName);
  if (data.status === 'submitted') {
    return (
      <Page
        title="Thank you"
        lead={`Your scores went to ${data.pmName}. They see the average of their peers' scores, not who gave which.`}
      >
        <p>You can close this page. The link works only once, so nothing more can be changed.</p>
      </Page>
    );
  }
  return (
    <Page
      title={`Score ${data.pmName}`}
      lead={`${data.pmName} asked you to score them on ${data.framework.name} (${data.roundTitle}). It takes about ten minutes. Your answers go to ${pm}, and to their coach only if ${pm} shares them. No account needed.`}
    >
      <PeerReviewForm token={token} review={data} onAnswered={setAnswered} />
    </Page>
  );
}
