import { manifest as accessLog } from './rights/access-log/manifest.js';
import { manifest as auth } from './people/auth/manifest.js';
import { manifest as calendarFeed } from './cadence/calendar-feed/manifest.js';
import { manifest as checkIns } from './cadence/check-ins/manifest.js';
import { manifest as coachingSessions } from './cadence/coaching-sessions/manifest.js';
import { manifest as deliveries } from './cadence/deliveries/manifest.js';
import { manifest as erasure } from './rights/erasure/manifest.js';
import { manifest as frameworks } from './define-good/frameworks/manifest.js';
import { manifest as historyGrants } from './rights/history-grants/manifest.js';
import { manifest as insights } from './people/insights/manifest.js';
import { manifest as invitations } from './people/invitations/manifest.js';
import { manifest as nudges } from './cadence/nudges/manifest.js';
import { manifest as pairs } from './people/pairs/manifest.js';
import { manifest as passwordReset } from './people/password-reset/manifest.js';
import { manifest as scim } from './people/scim/manifest.js';
import { manifest as peers } from './assess/peers/manifest.js';
import { manifest as plans } from './plan/plans/manifest.js';
import { manifest as questions } from './define-good/questions/manifest.js';
import { manifest as reflections } from './cadence/reflections/manifest.js';
import { manifest as rounds } from './assess/rounds/manifest.js';
import { manifest as selfChecks } from './assess/self-checks/manifest.js';
import { manifest as setup } from './people/setup/manifest.js';
import { manifest as singleSignOn } from './people/single-sign-on/manifest.js';
import { manifest as visions } from './plan/visions/manifest.js';

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
  'password-reset': passwordReset,
  peers,
  plans,
  questions,
  reflections,
  rounds,
  scim,
  'self-checks': selfChecks,
  setup,
  'single-sign-on': singleSignOn,
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
