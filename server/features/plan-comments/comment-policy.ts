import { AppError, notFound } from '../../http/errors.js';

/**
 * Comments on a plan, beyond the privacy table: a private note is visible to its author only
 * (anyone else gets "not found", as if it did not exist); a shared comment is visible to the PM
 * and their coaches, and only its author removes it.
 */
export interface CommentAccess {
  author_id: string;
  is_private: number;
}

export const canSeeComment = (c: CommentAccess, viewerId: string) =>
  c.is_private === 0 || c.author_id === viewerId;

/** Refuses removing a comment the viewer cannot see (404) or did not write (403). */
export function assertCanRemoveComment(c: CommentAccess, viewerId: string) {
  if (!canSeeComment(c, viewerId)) throw notFound('That comment');
  if (c.author_id !== viewerId) throw new AppError('forbidden', 'You can remove your own comments only.');
}
