import type { FrameworkInput, FrameworkVersion } from '../../../../../common/wheel';

/**
 * The framework a coach is editing. Every area, statement and trait carries a local `id` (for
 * React keys and focus) beside its stable server `key`, which new items do not have yet.
 */
export interface DraftStatement {
  id: string;
  key?: string;
  text: string;
}
export interface DraftArea {
  id: string;
  key?: string;
  name: string;
  description: string;
  low: string;
  middle: string;
  high: string;
  statements: DraftStatement[];
}
export interface DraftTrait {
  id: string;
  key?: string;
  name: string;
  description: string;
}
export interface Draft {
  name: string;
  description: string;
  scale: { min: number; max: number };
  areas: DraftArea[];
  traits: DraftTrait[];
}

let counter = 0;
const localId = () => `d${++counter}`;

/** A draft of the framework version, ready to edit. */
export function toDraft(version: FrameworkVersion): Draft {
  return {
    name: version.name,
    description: version.description,
    scale: { ...version.scale },
    areas: version.areas.map((a) => ({
      ...a,
      id: localId(),
      statements: a.statements.map((s) => ({ ...s, id: localId() })),
    })),
    traits: version.traits.map((t) => ({ ...t, id: localId() })),
  };
}

/** What PUT /api/frameworks/{id} takes: the draft without local ids (keys kept, so history lines up). */
export function toInput(draft: Draft): FrameworkInput {
  return {
    name: draft.name,
    description: draft.description,
    scale: draft.scale,
    areas: draft.areas.map(({ id: _id, statements, ...area }) => ({
      ...area,
      statements: statements.map(({ id: _s, ...s }) => s),
    })),
    traits: draft.traits.map(({ id: _id, ...t }) => t),
  };
}

export const newArea = (): DraftArea => ({
  id: localId(),
  name: '',
  description: '',
  low: '',
  middle: '',
  high: '',
  statements: [newStatement()],
});
export const newStatement = (): DraftStatement => ({ id: localId(), text: '' });
export const newTrait = (): DraftTrait => ({ id: localId(), name: '', description: '' });

/** The list with item `index` moved by `delta` places (a no-op at either end). */
export function move<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The list with the item `id` replaced by `change(item)`. */
export function update<T extends { id: string }>(list: T[], id: string, change: (item: T) => T): T[] {
  return list.map((item) => (item.id === id ? change(item) : item));
}

/** Score scales a coach can choose from. */
export const scaleChoices = [
  { min: 1, max: 10, label: '1 to 10 (the PMwheel default)' },
  { min: 0, max: 10, label: '0 to 10' },
  { min: 1, max: 7, label: '1 to 7' },
  { min: 1, max: 5, label: '1 to 5' },
];
