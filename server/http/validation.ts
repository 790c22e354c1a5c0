import { z } from 'zod';

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
