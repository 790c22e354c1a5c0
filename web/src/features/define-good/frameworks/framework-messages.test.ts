import { describe, expect, test } from 'vitest';
import { frameworkMessage } from './framework-messages';

describe('frameworkMessage', () => {
  test('names areas and statements the way the editor shows them', () => {
    expect(frameworkMessage('areas.2.statements.0.text: is required', ['A', 'B', 'Planning'])).toBe(
      'Area 3 (Planning), statement 1, text: is required',
    );
    expect(
      frameworkMessage('areas.0.name: is required; areas.0.statements: needs at least one statement'),
    ).toBe('Area 1, name: is required; Area 1, statements: needs at least one statement');
  });
  test('keeps file-level fields by their JSON name, so a bad import file can be fixed', () => {
    expect(frameworkMessage('format: must be "wheelhouse-framework"')).toBe(
      'format: must be "wheelhouse-framework"',
    );
    expect(frameworkMessage('scale.max: must span at least three points')).toBe(
      'Scale, highest score: must span at least three points',
    );
    expect(frameworkMessage('Only a workspace admin can do that.')).toBe(
      'Only a workspace admin can do that.',
    );
  });
});
