import { isUniqueViolation } from './unique.js';

/**
 * What a caller should hear when parallel requests collide in the database and no feature
 * turned it into its own message (decision 048): never a 500. A unique index that refused a
 * second "only one" is a 409; a row that went (or whose person was erased) while the request
 * was in flight is a 404, as if the request had come a moment later; a PostgreSQL deadlock or
 * serialisation failure is a 409 to try again.
 */
export function collisionOf(error: unknown): { code: 'conflict' | 'not_found'; message: string } | null {
  if (isUniqueViolation(error))
    return { code: 'conflict', message: 'This was just done by another request. Reload the page.' };
  if (isErasedPersonWrite(error) || isForeignKeyViolation(error))
    return { code: 'not_found', message: 'That was not found. It may have just been deleted.' };
  const code = codeOf(error);
  if (code === '40P01' || code === '40001')
    return { code: 'conflict', message: 'This collided with another change. Try again.' };
  return null;
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** The erased-person triggers' refusal (migration 019). */
export function isErasedPersonWrite(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === 'WH001' ||
    (code === 'SQLITE_CONSTRAINT_TRIGGER' &&
      /a person in this row was erased/.test(String((error as Error).message)))
  );
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
