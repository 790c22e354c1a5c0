import { useState } from 'react';
import type { Vision } from '../../../../../common/visions';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { Page } from '../../../app/Page';
import { useResource } from '../../../app/use-resource';
import { LoadError, Loading } from '../../../ui/Loading';
import { usePm } from '../../people/pairs/use-pm';
import { AgreedVision } from './AgreedVision';
import { OpenProposal } from './OpenProposal';
import { VisionHistory } from './VisionHistory';
import '../../../styles/wheel.css';
import '../../../styles/plans.css';

/** `/pms/{id}/vision`: the Next Bigger Challenge and career direction a PM and their coach agree on. */
export default function VisionPage({ pmId }: { pmId: string }) {
  const pm = usePm(pmId);
  const res = useResource<Vision>(`/api/pms/${encodeURIComponent(pmId)}/vision`);
  const [changed, setChanged] = useState<Vision | null>(null);
  if (res.error && [400, 403, 404].includes(res.error.status)) return <NotFoundPage />;
  if (res.error) return <LoadError error={res.error} retry={res.reload} />;
  if (!res.data) return <Loading />;
  const vision = changed ?? res.data;
  return (
    <Page
      title={pm.isMe ? 'Your shared vision' : `${pm.name}'s shared vision`}
      lead={`${pm.isMe ? 'You and your coach agree' : `You and ${pm.first} agree`} on the Next Bigger Challenge and the longer-term career direction. One proposes, the other accepts or proposes a change. Revisit it every quarter.`}
    >
      <AgreedVision vision={vision} pm={pm} />
      <OpenProposal vision={vision} pm={pm} onChange={setChanged} />
      <VisionHistory vision={vision} />
    </Page>
  );
}
