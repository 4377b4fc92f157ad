import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { TagPackageRole } from '../../domain/catalog/catalog.enums';
import { PackageEntity, TagEntity, TagPackageEntity } from '../../db/entities';

export interface TagPackageLink {
  role: TagPackageRole;
  pkg: PackageEntity;
}

/** Tag by code (raw rows): prevents one SELECT per app when a list of apps asks for `tag` or `quotaToday`. */
export const tagByCodeLoader = (ds: DataSource) =>
  new DataLoader<string, TagEntity | null>(
    async (codes) => {
      const rows: Record<string, any>[] = await ds.query('SELECT code, name, dev_test_quota, default_online_quota, traffic_mode, traffic_note, updated_at FROM tag WHERE code IN (?)', [[...codes]]); // eslint-disable-line @typescript-eslint/no-explicit-any
      const byCode = new Map<string, TagEntity>(
        rows.map((r) => [r.code, { code: r.code, name: r.name, devTestQuota: r.dev_test_quota, defaultOnlineQuota: r.default_online_quota, trafficMode: r.traffic_mode, trafficNote: r.traffic_note, updatedAt: r.updated_at }]),
      );
      return codes.map((c) => byCode.get(c) ?? null);
    },
    { maxBatchSize: 500 },
  );

/** A tag's package links: prevents one SELECT per tag (and per app) for default/applicable packages. */
export const packagesByTagLoader = (ds: DataSource) =>
  new DataLoader<string, TagPackageLink[]>(
    async (codes) => {
      const rows = await ds
        .getRepository(TagPackageEntity)
        .createQueryBuilder('tp')
        .innerJoinAndSelect('tp.package', 'pkg')
        .where('tp.tagCode IN (:...codes)', { codes: [...codes] })
        .orderBy('pkg.dailyQuota', 'ASC')
        .addOrderBy('pkg.code', 'ASC')
        .getMany();
      const byTag = new Map<string, TagPackageLink[]>(codes.map((c) => [c, []]));
      for (const row of rows) byTag.get(row.tagCode)?.push({ role: row.role, pkg: row.package! });
      return codes.map((c) => byTag.get(c) ?? []);
    },
    { maxBatchSize: 500 },
  );
