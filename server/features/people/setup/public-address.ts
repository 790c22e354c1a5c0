import { originOf, type PublicAddress } from '../../../../common/public-address.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../privacy/actor.js';
import { authorizeWorkspace } from '../../../privacy/workspace-rules.js';

type AddressConfig = Pick<Config, 'publicUrl' | 'publicUrlSet' | 'smtpUrl'>;

/**
 * The address links of a workspace start with: PUBLIC_URL when set, else the one its admin
 * confirmed at setup (or later on the admin page), else the server's default. Never a request's
 * Host header: anyone can write that, and mailed links would then point wherever they like.
 */
export async function publicAddressOf(input: {
  db: Db;
  config: AddressConfig;
  workspaceId: string;
}): Promise<Omit<PublicAddress, 'mailConfigured'>> {
  const { db, config, workspaceId } = input;
  const row = await db
    .selectFrom('workspaces')
    .select('public_address')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  const recorded = row?.public_address ?? null;
  if (config.publicUrlSet) return { address: config.publicUrl, source: 'PUBLIC_URL', recorded };
  return recorded
    ? { address: recorded, source: 'setup', recorded }
    : { address: config.publicUrl, source: 'default', recorded };
}

/** What the admin page shows about the address (admin only). */
export async function readPublicAddress(input: {
  db: Db;
  config: AddressConfig;
  actor: Actor;
}): Promise<PublicAddress> {
  const { db, config, actor } = input;
  authorizeWorkspace({ actor, action: 'workspace:read-public-address' });
  const found = await publicAddressOf({ db, config, workspaceId: actor.workspaceId });
  return { ...found, mailConfigured: config.smtpUrl !== undefined };
}

/** The admin confirms or changes the address. */
export async function setPublicAddress(input: {
  db: Db;
  config: AddressConfig;
  actor: Actor;
  address: string;
}): Promise<PublicAddress> {
  const { db, config, actor, address } = input;
  authorizeWorkspace({ actor, action: 'workspace:set-public-address' });
  // Recorded even while PUBLIC_URL overrides it: it takes over when PUBLIC_URL is removed.
  await db
    .updateTable('workspaces')
    .set({ public_address: originOf(address) })
    .where('id', '=', actor.workspaceId)
    .execute();
  return readPublicAddress({ db, config, actor });
}
