import { useMe } from '../../../app/session';
import { firstName } from '../../../ui/format';
import { useMyPairs } from './my-pairs';

/** Who a PM is to the viewer: their name, and whether the viewer is that PM. */
export function usePm(pmId: string): { name: string; first: string; isMe: boolean } {
  const me = useMe();
  const { pairs } = useMyPairs();
  const isMe = me.id === pmId;
  const name = isMe ? me.name : (pairs?.find((p) => p.pm.id === pmId)?.pm.name ?? 'this PM');
  return { name, first: firstName(name), isMe };
}
