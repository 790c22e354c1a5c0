/** Field names in server messages ("password: must be …") as a person reads them. */
export type FieldLabels = Record<string, string>;

/** Turns "newPassword: must be at least 10 characters" into "New password must be at least 10 characters". */
export function humanMessage(message: string, labels: FieldLabels = {}): string {
  return message.replace(/(^|; )(\w+): /g, (whole, sep: string, field: string) => {
    const label = labels[field];
    return label ? `${sep}${label} ` : whole;
  });
}
