import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldCryptoError, keyIdOf, newKey, openValue, sealValue, type Keyring } from './field-crypto.js';

const ring = (current: string, ...others: string[]): Keyring => ({
  current,
  keys: new Map([current, ...others].map((id) => [id, newKey()])),
});

describe('field encryption', () => {
  const keys = ring('k1');

  it('opens what it sealed, for any text (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (clear) => {
        const sealed = sealValue(keys, 'reflections.body', clear);
        expect(openValue(keys, 'reflections.body', sealed)).toBe(clear);
      }),
    );
  });

  it('never shows the text, and seals the same text differently each time (random IV)', () => {
    const a = sealValue(keys, 'check_ins.why', 'Tired of the roadmap fight');
    const b = sealValue(keys, 'check_ins.why', 'Tired of the roadmap fight');
    expect(a).not.toContain('roadmap');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^wh1:k1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(keyIdOf(a)).toBe('k1');
  });

  it('refuses a value changed anywhere after the key id (fast-check)', () => {
    const sealed = sealValue(keys, 'plan_comments.body', 'A private note about the launch');
    const start = 'wh1:k1:'.length;
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: sealed.length - 1 }),
        fc.constantFrom('A', 'b', '0', '_'),
        (at, ch) => {
          fc.pre(sealed[at] !== ch && sealed[at] !== ':');
          const tampered = sealed.slice(0, at) + ch + sealed.slice(at + 1);
          expect(() => openValue(keys, 'plan_comments.body', tampered)).toThrow(FieldCryptoError);
        },
      ),
    );
  });

  it('refuses a truncated authentication tag', () => {
    const [p, k, iv, tag, body] = sealValue(keys, 'nudges.text', 'Call me').split(':');
    const short = [p, k, iv, tag!.slice(0, 6), body].join(':');
    expect(() => openValue(keys, 'nudges.text', short)).toThrow(/integrity check/);
  });

  it('refuses a value moved to another table or column (associated data)', () => {
    const privateNote = sealValue(keys, 'session_private_notes.body', 'Coach only: worried about burnout');
    expect(() => openValue(keys, 'coaching_sessions.shared_notes', privateNote)).toThrow(
      /coaching_sessions\.shared_notes failed its integrity check/,
    );
  });

  it('names the key it lacks', () => {
    const sealed = sealValue(ring('old'), 'check_ins.why', 'x');
    expect(() => openValue(keys, 'check_ins.why', sealed)).toThrow(
      /sealed under key "old", which this server does not have/,
    );
  });

  it('opens values under an older key it still holds, and reads older clear text as it is', () => {
    const older = ring('k0');
    const both: Keyring = { current: 'k1', keys: new Map([...keys.keys, ...older.keys]) };
    expect(openValue(both, 'nudges.text', sealValue(older, 'nudges.text', 'from before'))).toBe(
      'from before',
    );
    expect(openValue(both, 'nudges.text', 'written before encryption')).toBe('written before encryption');
  });
});
