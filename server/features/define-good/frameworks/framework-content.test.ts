import { describe, expect, it } from 'vitest';
import { FrameworkInput } from '../../../../common/wheel.js';
import { AppError } from '../../../http/errors.js';
import { assignKeys, slug } from './framework-content.js';
import { pmwheel } from './pmwheel.js';

const input = (raw: unknown) => FrameworkInput.parse(raw);

describe('assignKeys', () => {
  it('keeps the keys sent and gives new areas, statements and traits their own', () => {
    const content = assignKeys(
      input({
        name: 'Compass',
        areas: [
          {
            key: 'team',
            name: 'Team and stakeholders',
            statements: [{ key: 'team.1', text: 'A' }, { text: 'B' }],
          },
          { name: 'Data fluency', statements: [{ text: 'C' }] },
          { name: 'Team', statements: [{ text: 'D' }] },
        ],
        traits: [{ name: 'Curiosity' }],
      }),
    );
    expect(content.areas.map((a) => a.key)).toEqual(['team', 'data-fluency', 'team-2']);
    expect(content.areas[0]!.statements.map((s) => s.key)).toEqual(['team.1', 'team.2']);
    expect(content.areas[2]!.statements[0]!.key).toBe('team-2.1');
    expect(content.traits[0]!.key).toBe('curiosity');
    expect(content.scale).toEqual({ min: 1, max: 10 });
  });

  it('refuses a key used twice, naming where', () => {
    const twice = input({
      name: 'X',
      areas: [
        { name: 'A', statements: [{ key: 'a.1', text: 'x' }] },
        { name: 'B', statements: [{ key: 'a.1', text: 'y' }] },
      ],
    });
    expect(() => assignKeys(twice)).toThrowError(
      new AppError('validation_failed', 'areas.1.statements.0.key: is used twice in this framework'),
    );
  });

  it('leaves the default PMwheel unchanged (its keys are all set)', () => {
    expect(assignKeys(input(pmwheel))).toEqual(pmwheel);
  });
});

it('slugs names into keys', () => {
  expect(slug('Get it done!')).toBe('get-it-done');
  expect(slug('Écoute & apprentissage')).toBe('ecoute-apprentissage');
  expect(slug('???')).toBe('area');
});
