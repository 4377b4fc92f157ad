import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { DeveloperEntity } from '../../db/entities';

/** Developer by id (the closed-account guard reads the caller's row once per request). */
export const developerByIdLoader = (ds: DataSource) =>
  new DataLoader<string, DeveloperEntity | null>(async (ids) => {
    const rows = await ds.getRepository(DeveloperEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((d) => [d.id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  });
