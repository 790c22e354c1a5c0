import type { Person } from '../../../../../common/schemas';
import { firstName } from '../../../ui/format';

/** Who the viewer is to this vision, and the PM's names, as the vision pages speak of them. */
export interface VisionReader {
  name: string;
  first: string;
  isMe: boolean;
}

/** "you" for the signed-in person, else their first name. */
export const who = (person: Person | null, meId: string) =>
  !person ? 'someone' : person.id === meId ? 'you' : firstName(person.name);

/** "You" / "Cora" at the start of a sentence. */
export const Who = (person: Person | null, meId: string) => {
  const w = who(person, meId);
  return w.charAt(0).toUpperCase() + w.slice(1);
};
