import { describe, expect, it } from 'vitest';
import { optionValue, parseOption } from './reflection-words';

describe('reflection attachment options', () => {
  it('round-trip a select value and ignore what is not an attachment', () => {
    const value = optionValue({ kind: 'coaching-session', id: 'abc' });
    expect(value).toBe('coaching-session:abc');
    expect(parseOption(value)).toEqual({ kind: 'coaching-session', id: 'abc' });
    expect(parseOption('area:team.1')).toEqual({ kind: 'area', id: 'team.1' });
    for (const bad of ['', 'round', 'round:', ':x', 'planet:x']) expect(parseOption(bad)).toBeNull();
  });
});
