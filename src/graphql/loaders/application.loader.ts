import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { PackageEntity } from '../../db/entities';

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
