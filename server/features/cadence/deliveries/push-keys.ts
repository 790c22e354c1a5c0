import webpush from 'web-push';
import type { Deps } from '../../../http/env.js';
import { nowIso } from '../../../util.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The installation's VAPID key pair (decision 061): VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when set,
 * otherwise one pair made at first use and stored (the private key sealed by the manifest). The
 * primary key makes "only one": two instances racing both insert, one wins, both read the winner.
 */
export async function vapidKeys(deps: Pick<Deps, 'db' | 'config'>): Promise<VapidKeys> {
  if (deps.config.vapidKeys) return deps.config.vapidKeys;
  const read = () =>
    deps.db
      .selectFrom('push_vapid_keys')
      .select(['public_key', 'private_key'])
      .where('id', '=', 'installation')
      .executeTakeFirst();
  let row = await read();
  if (!row) {
    const made = webpush.generateVAPIDKeys();
    await deps.db
      .insertInto('push_vapid_keys')
      .values({
        id: 'installation',
        public_key: made.publicKey,
        private_key: made.privateKey,
        created_at: nowIso(new Date()),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = (await read())!;
  }
  return { publicKey: row.public_key, privateKey: row.private_key };
}

/** VAPID's contact: the public https address, or the mail sender (push services ask for one). */
export const vapidSubject = (config: Deps['config']) =>
  config.publicUrl.startsWith('https:') ? config.publicUrl : `mailto:${config.mailFrom}`;
