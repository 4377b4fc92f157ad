import { withRetryableTransaction } from '../common/transaction';
import { DataSource, EntityManager, In } from 'typeorm';
import { checkPackageInput, checkTagInput, PackageFacts, PackageInput, TagInput } from '../../domain/catalog/catalog-input.rule';
import { PackageKind, TagPackageRole } from '../../domain/catalog/catalog.enums';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { Viewer } from '../../domain/common/role';
import { CapabilityCategoryEntity, PackageEntity, TagEntity, TagPackageEntity } from '../../db/entities';
import { KeysetPage, KeyValue, pageByKeyset, SortKey } from '../common/pagination';
import { AuditService } from '../audit/audit.service';

/** Tags by code (unique). */
export const TAG_ORDER: SortKey<TagEntity>[] = [{ sql: 't.code', dir: 'ASC', kind: 'string', of: (t) => t.code }];

/** Packages: kind (TRAFFIC first), daily quota (none first), code (unique). */
export const PACKAGE_ORDER: SortKey<PackageEntity>[] = [
  { sql: 'CAST(p.kind AS CHAR)', dir: 'ASC', kind: 'string', of: (p) => p.kind },
  { sql: 'COALESCE(p.daily_quota, -1)', dir: 'ASC', kind: 'number', of: (p) => p.dailyQuota ?? -1 },
  { sql: 'p.code', dir: 'ASC', kind: 'string', of: (p) => p.code },
];

/** Member-capability categories by code (unique). */
export const CAPABILITY_CATEGORY_ORDER: SortKey<CapabilityCategoryEntity>[] = [{ sql: 'c.code', dir: 'ASC', kind: 'string', of: (c) => c.code }];

/** The tag and package catalog (DOMAIN §2.1). Public to read; operators write. */
export class CatalogService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** A tag with its package links, as the audit log stores it. */
  private async tagSnapshot(em: EntityManager, code: string) {
    const tag = await em.findOneBy(TagEntity, { code });
    if (!tag) return null;
    const links = await em.find(TagPackageEntity, { where: { tagCode: code }, order: { role: 'ASC', packageCode: 'ASC' } });
    return {
      ...tag,
      defaultPackageCodes: links.filter((l) => l.role === TagPackageRole.DEFAULT).map((l) => l.packageCode),
      applicablePackageCodes: links.filter((l) => l.role === TagPackageRole.APPLICABLE).map((l) => l.packageCode),
    };
  }

  /** One page of the tag catalog, by code (keyset in SQL). */
  pageTags(limit: number, after: KeyValue[] | null): Promise<KeysetPage<TagEntity>> {
    return pageByKeyset(this.ds.getRepository(TagEntity).createQueryBuilder('t'), TAG_ORDER, limit, after);
  }

  /** One page of the package catalog (only one kind when given): traffic first, smallest quota first, then by code. */
  pagePackages(kind: PackageKind | null, limit: number, after: KeyValue[] | null): Promise<KeysetPage<PackageEntity>> {
    const qb = this.ds.getRepository(PackageEntity).createQueryBuilder('p');
    if (kind) qb.where('p.kind = :kind', { kind });
    return pageByKeyset(qb, PACKAGE_ORDER, limit, after);
  }

  /** One page of the member-capability categories (DOMAIN §3, an operator catalog like tags), by code. */
  pageCapabilityCategories(limit: number, after: KeyValue[] | null): Promise<KeysetPage<CapabilityCategoryEntity>> {
    return pageByKeyset(this.ds.getRepository(CapabilityCategoryEntity).createQueryBuilder('c'), CAPABILITY_CATEGORY_ORDER, limit, after);
  }

  findTag(code: string): Promise<TagEntity | null> {
    return this.ds.getRepository(TagEntity).findOneBy({ code });
  }

  /** Creates or replaces a tag with its default and applicable packages, in one transaction. */
  async upsertTag(actor: Viewer, input: TagInput): Promise<Result<TagEntity>> {
    // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the attempt, which then finds the row.
    return withRetryableTransaction(this.ds, async (em) => {
      // NOTE: lock the tag row (if any) so concurrent upserts of one tag audit in order.
      await em.findOne(TagEntity, { where: { code: input.code }, lock: { mode: 'pessimistic_write' } });
      const codes = [...new Set([...input.defaultPackageCodes, ...input.applicablePackageCodes])];
      const found = codes.length ? await em.findBy(PackageEntity, { code: In(codes) }) : [];
      const known = new Map<string, PackageFacts>(found.map((p) => [p.code, p]));
      const violations = checkTagInput(input, known);
      if (violations.length > 0) return invalidInput<TagEntity>(violations);
      const before = await this.tagSnapshot(em, input.code);

      await em.upsert(
        TagEntity,
        {
          code: input.code,
          name: input.name.trim(),
          devTestQuota: input.devTestQuota,
          defaultOnlineQuota: input.defaultOnlineQuota ?? null,
          trafficMode: input.trafficMode,
          trafficNote: input.trafficNote ?? null,
        },
        ['code'],
      );
      await em.delete(TagPackageEntity, { tagCode: input.code });
      const links = [
        ...input.defaultPackageCodes.map((packageCode) => ({ tagCode: input.code, packageCode, role: TagPackageRole.DEFAULT })),
        ...input.applicablePackageCodes.map((packageCode) => ({ tagCode: input.code, packageCode, role: TagPackageRole.APPLICABLE })),
      ];
      if (links.length > 0) await em.insert(TagPackageEntity, links);
      await this.audit.record(em, { actor, action: 'upsertTag', entityType: 'Tag', entityId: input.code, before, after: await this.tagSnapshot(em, input.code) });
      return ok(await em.findOneByOrFail(TagEntity, { code: input.code }));
    });
  }

  /** Creates or replaces a package. */
  async upsertPackage(actor: Viewer, input: PackageInput): Promise<Result<PackageEntity>> {
    const violations = checkPackageInput(input);
    if (violations.length > 0) return invalidInput(violations);
    // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the attempt, which then finds the row.
    return withRetryableTransaction(this.ds, async (em) => {
      const before = await em.findOne(PackageEntity, { where: { code: input.code }, lock: { mode: 'pessimistic_write' } });
      await em.upsert(
        PackageEntity,
        {
          code: input.code,
          name: input.name.trim(),
          kind: input.kind,
          dailyQuota: input.dailyQuota ?? null,
          applicationChannel: input.applicationChannel,
          contactEmail: input.contactEmail ?? null,
          requiredMaterials: input.requiredMaterials ? [...input.requiredMaterials] : null,
          requiredFunction: input.requiredFunction ?? null,
        },
        ['code'],
      );
      const after = await em.findOneByOrFail(PackageEntity, { code: input.code });
      await this.audit.record(em, { actor, action: 'upsertPackage', entityType: 'Package', entityId: input.code, before, after });
      return ok(after);
    });
  }
}
