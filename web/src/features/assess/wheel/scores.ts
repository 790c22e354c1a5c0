/** A score as the wheel shows it: one decimal. */
export const score = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toFixed(1);

/** A change as the wheel shows it: "+0.5", "−1.2", "±0". */
export function signed(value: number | null | undefined) {
  if (value === null || value === undefined) return '–';
  if (Math.abs(value) < 0.05) return '±0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}
