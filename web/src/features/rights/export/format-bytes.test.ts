import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('the export progress in words', () => {
  it('counts bytes, then KB, then MB with one decimal', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(48 * 1024)).toBe('48 KB');
    expect(formatBytes(1.2 * 1024 * 1024)).toBe('1.2 MB');
  });
});
