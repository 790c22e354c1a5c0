/**
 * Turns the server's field paths into words a coach recognises:
 * "areas.2.statements.0.text: is required" → "Area 3 (Planning), statement 1: is required".
 */
export function frameworkMessage(message: string, areaNames: string[] = []): string {
  return message.replace(
    /(^|; )([\w.]+): /g,
    (_whole, sep: string, path: string) => `${sep}${describePath(path, areaNames)}: `,
  );
}

const fieldNames: Record<string, string> = {
  name: 'name',
  description: 'description',
  low: 'what low looks like',
  middle: 'what middle looks like',
  high: 'what high looks like',
  text: 'text',
  key: 'key',
  statements: 'statements',
  min: 'lowest score',
  max: 'highest score',
};

function describePath(path: string, areaNames: string[]): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const index = Number(parts[i + 1]);
    const indexed = Number.isInteger(index) && parts[i + 1] !== undefined;
    if (part === 'areas' && indexed) {
      const name = areaNames[index]?.trim();
      words.push(`Area ${index + 1}${name ? ` (${name})` : ''}`);
      i++;
    } else if (part === 'statements' && indexed) {
      words.push(`statement ${index + 1}`);
      i++;
    } else if (part === 'traits' && indexed) {
      words.push(`Trait ${index + 1}`);
      i++;
    } else if (part === 'scale') {
      words.push('Scale');
    } else if (
      i === 0 &&
      ['name', 'description', 'format', 'formatVersion', 'areas', 'traits'].includes(part)
    ) {
      words.push(part === 'name' ? 'Framework name' : part === 'formatVersion' ? 'formatVersion' : part);
    } else {
      words.push(fieldNames[part] ?? part);
    }
  }
  return words.join(', ');
}
