import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AppEntity } from '../../db/entities';

/** App by id: prevents one SELECT per review round or application that shows its app. */
export const appByIdLoader = (ds: DataSource) =>
  new DataLoader<string, AppEntity | null>(
    async (ids) => {
      const rows = await ds.getRepository(AppEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((a) => [String(a.id), a]));
      return ids.map((id) => byId.get(String(id)) ?? null);
    },
    { maxBatchSize: 500 },
  );
