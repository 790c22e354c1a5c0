import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyParts, type HistoryPart } from '../../../../common/history-grants.js';
import { may } from '../../../privacy/authorize.js';
import { historyVisibleFrom, type RoundFacts, type Viewer } from '../../../privacy/rules.js';

/** The one rule of decision 038, "from this pairing or shared by the PM", at its edges. */
const since = '2026-06-01T00:00:00.000Z';
const pm: Viewer = { actorId: 'pia', pmId: 'pia', side: 'pm', coachSince: null };
const cole = (shared: HistoryPart[] = []): Viewer => ({
  actorId: 'cole',
  pmId: 'pia',
  side: 'coach',
  coachSince: since,
  historyShared: shared,
});
const instant = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const part = fc.constantFrom(...historyParts);
const made = (v: Viewer, p: HistoryPart, at: string) =>
  may(v, 'plan-suggestion:see', { history: { part: p, at } });

describe('what a coach sees from before their pairing', () => {
  it('the PM sees all of their history; a coach what was made from the pairing on', () => {
    fc.assert(
      fc.property(part, instant, (p, at) => {
        expect(made(pm, p, at)).toBe(true);
        expect(made(cole(), p, at)).toBe(at >= since);
      }),
    );
    expect(made(cole(), 'comments', since)).toBe(true);
    expect(made(cole(), 'comments', '2026-05-31T23:59:59.999Z')).toBe(false);
  });

  it('a shared part shows all of it, and only that part', () => {
    fc.assert(
      fc.property(part, part, instant, (shared, asked, at) => {
        const v = cole([shared]);
        expect(historyVisibleFrom(v, asked)).toBe(asked === shared ? null : since);
        expect(made(v, asked, at)).toBe(asked === shared || at >= since);
      }),
    );
  });

  it('rounds: earlier ones only with the wheel shared; a closed round never to a coach', () => {
    const round = (over: Partial<RoundFacts>): RoundFacts => ({
      pm_id: 'pia',
      coach_id: 'cleo',
      created_at: '2026-01-01T00:00:00.000Z',
      revealed_at: '2026-01-02T00:00:00.000Z',
      peers_shared: 0,
      closed_at: null,
      ...over,
    });
    const sees = (v: Viewer, r: RoundFacts) => may(v, 'round:read', { round: r });
    expect(sees(cole(), round({}))).toBe(false);
    expect(sees(cole(['comments']), round({}))).toBe(false);
    expect(sees(cole(['wheel']), round({}))).toBe(true);
    expect(sees(cole(), round({ coach_id: 'cole' }))).toBe(true);
    const closed = round({ revealed_at: null, closed_at: '2026-07-01T00:00:00.000Z', coach_id: 'cole' });
    expect(sees(cole(['wheel']), closed)).toBe(false);
    expect(sees(pm, closed)).toBe(true);
  });

  it('plan versions: the living plan always; one replaced before the pairing only when shared', () => {
    const opens = (v: Viewer, replaced_at: string | null) =>
      may(v, 'plan-version:read', { planVersion: { replaced_at } });
    expect(opens(cole(), null)).toBe(true);
    expect(opens(cole(), '2026-05-01T00:00:00.000Z')).toBe(false);
    expect(opens(cole(), '2026-07-01T00:00:00.000Z')).toBe(true);
    expect(opens(cole(['plan-history']), '2026-05-01T00:00:00.000Z')).toBe(true);
  });

  it('sessions: another coach’s session from before the pairing only when shared, never a later one', () => {
    const session = (created_at: string) => ({ pm_id: 'pia', coach_id: 'cleo', created_at });
    const opens = (v: Viewer, at: string) =>
      may(v, 'coaching-session:read', { coachingSession: session(at) });
    expect(opens(cole(), '2026-05-01T00:00:00.000Z')).toBe(false);
    expect(opens(cole(['sessions']), '2026-05-01T00:00:00.000Z')).toBe(true);
    expect(opens(cole(['sessions']), '2026-07-01T00:00:00.000Z')).toBe(false);
    expect(opens(pm, '2026-07-01T00:00:00.000Z')).toBe(true);
  });
});
