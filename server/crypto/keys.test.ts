import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newKey } from './field-crypto.js';
import {
  copyKeyFileBeside,
  ensureKeyFile,
  formatKeys,
  KeyError,
  keyFilePath,
  loadKeyring,
  mergeKeysFromBackup,
  parseKeys,
  readKeyFile,
} from './keys.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const b64 = () => newKey().toString('base64');

describe('keys', () => {
  it('reads id:base64 pairs, the first one current', () => {
    const ring = parseKeys(`new:${b64()}, old:${b64()}`, 'WHEELHOUSE_ENCRYPTION_KEYS');
    expect(ring.current).toBe('new');
    expect([...ring.keys.keys()]).toEqual(['new', 'old']);
    expect(parseKeys(formatKeys(ring), 'again').current).toBe('new');
  });

  it('refuses a short key, a bad id, a repeated id and an empty list in one line each', () => {
    expect(() => parseKeys('k1:c2hvcnQ=', 'X')).toThrow(
      'X: key "k1" must be 32 bytes in base64 (44 characters).',
    );
    expect(() => parseKeys(`k 1:${b64()}`, 'X')).toThrow(KeyError);
    expect(() => parseKeys(`a:${b64()},a:${b64()}`, 'X')).toThrow('listed twice');
    expect(() => parseKeys('  ', 'X')).toThrow('X holds no key.');
  });

  it('creates the SQLite key file at first start, owner-only, and reads the same keys afterwards', () => {
    const db = join(tempDir(), 'data', 'wheelhouse.db');
    const first = loadKeyring({ env: {}, sqliteFile: db });
    expect(statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFilePath(db), 'utf8')).toMatch(/Back this file up WITH the database/);
    const again = loadKeyring({ env: {}, sqliteFile: db });
    expect(again.current).toBe(first.current);
    expect(again.keys.get(again.current)!.equals(first.keys.get(first.current)!)).toBe(true);
  });

  it('keeps the file another process created first', () => {
    const path = join(tempDir(), 'x.db.key');
    writeFileSync(path, `theirs:${b64()}\n`, { mode: 0o600 });
    expect(ensureKeyFile(path, new Date()).current).toBe('theirs');
  });

  it('refuses a key file other users may read', () => {
    const path = join(tempDir(), 'x.db.key');
    writeFileSync(path, `k:${b64()}\n`);
    chmodSync(path, 0o644);
    expect(() => ensureKeyFile(path, new Date())).toThrow(/may be read by other users .* chmod 600/);
  });

  it('copies the key file beside a backup, owner-only, and a restore adds its keys to the database', () => {
    const dir = tempDir();
    const live = join(dir, 'wheelhouse.db');
    const made = loadKeyring({ env: {}, sqliteFile: live });
    const backup = join(dir, 'backups', 'nightly.db');
    mkdirSync(dirname(backup));
    expect(copyKeyFileBeside(live, backup)).toBe(`${backup}.key`);
    expect(statSync(`${backup}.key`).mode & 0o777).toBe(0o600);
    expect(copyKeyFileBeside(join(dir, 'no-key.db'), backup), 'no key file: nothing to copy').toBeNull();

    // Restored elsewhere: the key file is made from the backup's.
    const fresh = join(dir, 'restored.db');
    expect(mergeKeysFromBackup(fresh, backup)).toBe('merged');
    expect(readKeyFile(keyFilePath(fresh)).keys.get(made.current)!.equals(made.keys.get(made.current)!)).toBe(
      true,
    );
    // Restored over a database with a newer key: that key stays current, the backup's is added.
    const newer = { current: 'newer', keys: new Map([['newer', newKey()]]) };
    writeFileSync(keyFilePath(live), formatKeys(newer), { mode: 0o600 });
    mergeKeysFromBackup(live, backup);
    const merged = readKeyFile(keyFilePath(live));
    expect(merged.current).toBe('newer');
    expect([...merged.keys.keys()].sort()).toEqual(['newer', made.current].sort());
    expect(mergeKeysFromBackup(live, join(dir, 'elsewhere.db'))).toBe('none');
  });

  it('takes the environment first, and refuses PostgreSQL without it', () => {
    expect(
      loadKeyring({ env: { WHEELHOUSE_ENCRYPTION_KEYS: `env:${b64()}` }, sqliteFile: null }).current,
    ).toBe('env');
    expect(() => loadKeyring({ env: {}, sqliteFile: null })).toThrow(
      /^PostgreSQL needs WHEELHOUSE_ENCRYPTION_KEYS/,
    );
  });
});
