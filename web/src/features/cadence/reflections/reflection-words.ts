import type { Attachment, AttachmentInput, AttachmentKind } from '../../../../../common/reflections';

export const attachmentKindWords: Record<AttachmentKind, string> = {
  area: 'Area',
  theme: 'Plan theme',
  round: 'Round',
  'coaching-session': 'Coaching session',
};

const kinds = Object.keys(attachmentKindWords) as AttachmentKind[];

/** "round:<id>": one select value for an attachment. */
export const optionValue = (a: Pick<Attachment, 'kind' | 'id'>) => `${a.kind}:${a.id}`;

/** The attachment a select value (or a `?about=` link) names, or null for none or nonsense. */
export function parseOption(value: string): AttachmentInput | null {
  const at = value.indexOf(':');
  if (at < 1) return null;
  const kind = value.slice(0, at) as AttachmentKind;
  const id = value.slice(at + 1);
  if (!kinds.includes(kind) || !id) return null;
  return { kind, id };
}
