import { deliveryKindList, type DeliveryKind } from '../../../../common/delivery-kinds.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/database.js';

/** What can reach a person between sessions: one list, in common/delivery-kinds.ts. */
export const deliveryKinds = deliveryKindList;
export type { DeliveryKind };

/**
 * One thing to tell one person, before it is fanned out to their channels. `key` makes it
 * exactly-once: the same kind, subject and period (for example `session-tomorrow:<sessionId>` or
 * `action-due:<actionId>:2026-12-01`) is stored once whatever number of instances or sweeps
 * produce it (a unique index, not a check).
 */
export interface DueDelivery {
  recipientId: string;
  kind: DeliveryKind;
  key: string;
  /** A short title with no coaching content beyond names and kinds ("Coaching session with Pia tomorrow"). */
  title: string;
  /** The words shown in the app; sent to outside channels only when the recipient allows text to leave. */
  text: string;
  /** A path inside Wheelhouse ("/pms/abc/sessions/xyz"); channels turn it into a link with the public address. */
  link: string;
  /** An iTIP invitation for the email channel (session kinds), frozen when the change happened. */
  calendar?: string | null;
}

/** Finds what is due at `now`; run by every sweep on every instance (must be cheap and idempotent). */
export type DueProducer = (args: { db: Db; now: Date; config: Config }) => Promise<DueDelivery[]>;
