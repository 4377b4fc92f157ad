import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AppEntity, PackageEntity } from '../../db/entities';

/** App by id: prevents one SELECT per application when a queue or list asks for `app`. */
export const appByIdLoader = (ds: DataSource) =>
  new DataLoader<string, AppEntity | null>(
    async (ids) => {
      const rows = await ds.getRepository(AppEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((a) => [String(a.id), a]));
      return ids.map((id) => byId.get(String(id)) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** Package by code: prevents one SELECT per app (granted packages) or per application (`package`). */
export const packageByCodeLoader = (ds: DataSource) =>
  new DataLoader<string, PackageEntity | null>(
    async (codes) => {
      const rows = await ds.getRepository(PackageEntity).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((p) => [p.code, p]));
      return codes.map((c) => byCode.get(c) ?? null);
    },
    { maxBatchSize: 500 },
  );
