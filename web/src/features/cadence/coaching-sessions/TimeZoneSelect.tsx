import { useMemo } from 'react';
import { Select } from '../../../ui/Select';

/** The device's time zone, the one preselected for a new coaching session. */
export const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every zone the browser knows (a list, not free text: a typo cannot schedule at the wrong hour). */
function zones(current: string) {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', current])].sort();
}

export function TimeZoneSelect({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const options = useMemo(() => zones(value), [value]);
  return (
    <Select label="Time zone" value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, ' ')}
        </option>
      ))}
    </Select>
  );
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NTH = ['first', 'second', 'third', 'fourth'];

/** "Every month on the second Tuesday" for a date, as the server's rule reads it. */
export function repeatWords(date: string, repeat: 'monthly' | 'weekly') {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return repeat === 'weekly' ? 'Every week' : 'Every month';
  const day = DAYS[d.getUTCDay()];
  if (repeat === 'weekly') return `Every week on ${day}`;
  const nth = d.getUTCDate() > 28 ? 'last' : NTH[Math.ceil(d.getUTCDate() / 7) - 1];
  return `Every month on the ${nth} ${day}`;
}
