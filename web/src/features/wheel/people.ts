import { useMe } from '../../app/session';
import { useMyPairs } from '../pairs/my-pairs';

/** Who a PM is to the viewer: their name, and whether the viewer is that PM. */
export function usePm(pmId: string): { name: string; first: string; isMe: boolean } {
  const me = useMe();
  const { pairs } = useMyPairs();
  const isMe = me.id === pmId;
  const name = isMe ? me.name : (pairs?.find((p) => p.pm.id === pmId)?.pm.name ?? 'this PM');
  return { name, first: firstName(name), isMe };
}

/** "Pat" from "Pat Park" (page text speaks of people by first name). */
export const firstName = (name: string) => name.split(' ')[0] || name;

/** A score as the wheel shows it: one decimal. */
export const score = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toFixed(1);

/** A change as the wheel shows it: "+0.5", "−1.2", "±0". */
export function signed(value: number | null | undefined) {
  if (value === null || value === undefined) return '–';
  if (Math.abs(value) < 0.05) return '±0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}
