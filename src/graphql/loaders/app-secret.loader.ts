import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AppSecretEntity } from '../../db/entities';

export type SecretWindowRow = Pick<AppSecretEntity, 'appId' | 'version' | 'validFrom' | 'validUntil'>;

/**
 * Secret windows by app id (never the ciphertext): prevents one SELECT per app when a list of apps
 * shows its secrets.
 */
export const secretWindowsByAppLoader = (ds: DataSource) =>
  new DataLoader<string, SecretWindowRow[]>(
    async (ids) => {
      const rows = await ds.getRepository(AppSecretEntity).find({
        where: { appId: In([...ids]) },
        select: { appId: true, version: true, validFrom: true, validUntil: true },
        order: { version: 'DESC' },
      });
      const byApp = new Map<string, SecretWindowRow[]>();
      for (const r of rows) byApp.set(String(r.appId), [...(byApp.get(String(r.appId)) ?? []), r]);
      return ids.map((id) => byApp.get(String(id)) ?? []);
    },
    { maxBatchSize: 500 },
  );
