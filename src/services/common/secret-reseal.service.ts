import { DataSource } from 'typeorm';
import { SecretCipher, secretAad } from '../app/secret-cipher';
import { webhookSecretContext } from '../notification/outbound.service';
import { SecretBox } from './secret-box';

/** What a reseal moved, and what it could not open (named by row, never by secret). */
export interface ResealReport {
  appSecrets: number;
  webhookSecrets: number;
  /** Rows still sealed under a key this configuration cannot open (e.g. APP_SECRET_KEY missing). */
  unopenable: { table: 'app_secret' | 'webhook_endpoint'; id: string; error: string }[];
}

const BATCH = 200;

/**
 * Moves every secret at rest onto the current keys derived from SECRETS_KEY (docs/platform.md, "One
 * secret key"): app-secret rows whose key id is not the current one, webhook secrets in the v1 format
 * or under another key id. Each row is opened with the key its id names, sealed under the current key
 * and written back only if it is still what was read (compare-and-set: a rotation meanwhile wins), a
 * batch per transaction. Idempotent: a second run finds nothing to move. After a run that moved
 * everything and reported nothing unopenable, APP_SECRET_KEY can be removed.
 */
export class SecretResealService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: SecretCipher,
    private readonly box: SecretBox,
  ) {}

  async reseal(): Promise<ResealReport> {
    const report: ResealReport = { appSecrets: 0, webhookSecrets: 0, unopenable: [] };
    for (let after = '0'; ; ) {
      const rows: { id: string; app_id: string; version: number; ciphertext: Buffer; iv: Buffer; auth_tag: Buffer; key_id: string }[] = await this.ds.query(
        'SELECT id, app_id, version, ciphertext, iv, auth_tag, key_id FROM app_secret WHERE id > ? AND key_id <> ? ORDER BY id LIMIT ?',
        [after, this.cipher.keyId, BATCH],
      );
      if (rows.length === 0) break;
      after = String(rows[rows.length - 1].id);
      await this.ds.transaction(async (tx) => {
        for (const r of rows) {
          let plain: string;
          try {
            plain = this.cipher.open({ ciphertext: r.ciphertext, iv: r.iv, authTag: r.auth_tag, keyId: r.key_id }, secretAad(String(r.app_id), Number(r.version)));
          } catch (err) {
            report.unopenable.push({ table: 'app_secret', id: String(r.id), error: (err as Error).message });
            continue;
          }
          const s = this.cipher.seal(plain, secretAad(String(r.app_id), Number(r.version)));
          const res = await tx.query('UPDATE app_secret SET ciphertext = ?, iv = ?, auth_tag = ?, key_id = ? WHERE id = ? AND key_id = ? AND ciphertext = ?', [s.ciphertext, s.iv, s.authTag, s.keyId, r.id, r.key_id, r.ciphertext]);
          report.appSecrets += Number(res.affectedRows ?? 0);
        }
      });
    }
    for (let after = '0'; ; ) {
      const rows: { id: string; secret_sealed: string }[] = await this.ds.query('SELECT id, secret_sealed FROM webhook_endpoint WHERE id > ? ORDER BY id LIMIT ?', [after, BATCH]);
      if (rows.length === 0) break;
      after = String(rows[rows.length - 1].id);
      const stale = rows.filter((r) => this.box.isStale(r.secret_sealed));
      if (stale.length === 0) continue;
      await this.ds.transaction(async (tx) => {
        for (const r of stale) {
          let plain: string;
          try {
            plain = this.box.open(r.secret_sealed, webhookSecretContext(String(r.id)));
          } catch (err) {
            report.unopenable.push({ table: 'webhook_endpoint', id: String(r.id), error: (err as Error).message });
            continue;
          }
          const res = await tx.query('UPDATE webhook_endpoint SET secret_sealed = ? WHERE id = ? AND secret_sealed = ?', [this.box.seal(plain, webhookSecretContext(String(r.id))), r.id, r.secret_sealed]);
          report.webhookSecrets += Number(res.affectedRows ?? 0);
        }
      });
    }
    return report;
  }
}
