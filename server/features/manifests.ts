import { manifest as accessLog } from './access-log/manifest.js';
import { manifest as auth } from './auth/manifest.js';
import { manifest as calendarFeed } from './calendar-feed/manifest.js';
import { manifest as checkIns } from './check-ins/manifest.js';
import { manifest as coachingSessions } from './coaching-sessions/manifest.js';
import { manifest as deliveries } from './deliveries/manifest.js';
import { manifest as erasure } from './erasure/manifest.js';
import { manifest as frameworks } from './frameworks/manifest.js';
import { manifest as historyGrants } from './history-grants/manifest.js';
import { manifest as insights } from './insights/manifest.js';
import { manifest as invitations } from './invitations/manifest.js';
import { manifest as nudges } from './nudges/manifest.js';
import { manifest as pairs } from './pairs/manifest.js';
import { manifest as peers } from './peers/manifest.js';
import { manifest as plans } from './plans/manifest.js';
import { manifest as questions } from './questions/manifest.js';
import { manifest as reflections } from './reflections/manifest.js';
import { manifest as rounds } from './rounds/manifest.js';
import { manifest as selfChecks } from './self-checks/manifest.js';
import { manifest as setup } from './setup/manifest.js';
import { manifest as visions } from './visions/manifest.js';

/**
 * The one hub (decision 049): every feature's manifest, by feature folder. The sealed columns,
 * and the completeness tests, are built from this list; a feature that owns tables adds its
 * manifest here and nowhere else.
 */
export const manifests = {
  'access-log': accessLog,
  auth,
  'calendar-feed': calendarFeed,
  'check-ins': checkIns,
  'coaching-sessions': coachingSessions,
  deliveries,
  erasure,
  frameworks,
  'history-grants': historyGrants,
  insights,
  invitations,
  nudges,
  pairs,
  peers,
  plans,
  questions,
  reflections,
  rounds,
  'self-checks': selfChecks,
  setup,
  visions,
} as const;

/** Every table's declaration, by table name (a table declared twice is a test failure). */
export const tableManifests = Object.assign({}, ...Object.values(manifests)) as AllTables;

type Manifests = typeof manifests;
type Union = Manifests[keyof Manifests];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type AllTables = UnionToIntersection<Union>;
