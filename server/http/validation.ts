import { z } from 'zod';
import { AppError } from './errors.js';

/** Short, human messages for the common zod failures ("name: is required"). */
export function useFriendlyValidationMessages() {
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
      if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
      if (issue.code === 'unrecognized_keys') return `has unknown field(s) ${issue.keys.join(', ')}`;
      return undefined;
    },
  });
}

/**
 * Refuses validated input holding a NUL character anywhere (a string or a key, at any depth):
 * PostgreSQL text cannot store one, so it would otherwise fail as a 500 at the database.
 */
export function refuseNulCharacters(data: unknown, path: string[] = []): void {
  const refuse = (at: string[]) => {
    throw new AppError(
      'validation_failed',
      `${at.length ? `${at.join('.')}: ` : ''}cannot contain a NUL character`,
    );
  };
  if (typeof data === 'string') {
    if (data.includes('\u0000')) refuse(path);
  } else if (Array.isArray(data)) {
    data.forEach((item, i) => refuseNulCharacters(item, [...path, String(i)]));
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key.includes('\u0000')) refuse(path);
      refuseNulCharacters(value, [...path, key]);
    }
  }
}
