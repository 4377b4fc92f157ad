import { DataSource } from 'typeorm';
import { SortKey } from '../../services/common/pagination';
import { childPagesLoader } from './keyset.loader';

export interface SecretWindowRow {
  id: string;
  version: number;
  validFrom: Date;
  validUntil: Date | null;
}

/** An app's secrets: newest version first (unique per app). */
export const SECRET_ORDER: SortKey<SecretWindowRow>[] = [{ sql: 'version', dir: 'DESC', kind: 'number', of: (r) => r.version }];

/**
 * Pages of secret windows by app id (never the ciphertext), paged in SQL: one SELECT for a page of
 * apps that shows its secrets, not one per app.
 */
export const secretWindowPagesByAppLoader = (ds: DataSource) =>
  childPagesLoader<SecretWindowRow>(ds, {
    table: 'app_secret',
    parent: 'app_id',
    select: 'id, version, valid_from, valid_until',
    keys: SECRET_ORDER,
    map: (r) => ({ id: String(r.id), version: Number(r.version), validFrom: new Date(r.valid_from as Date), validUntil: r.valid_until ? new Date(r.valid_until as Date) : null }),
  });
