import { change } from '../common/change';
import { DataSource, EntityManager, In } from 'typeorm';
import { checkPackageInput, checkTagInput, PackageFacts, PackageInput, TagInput } from '../../domain/catalog/catalog-input.rule';
import { TagPackageRole } from '../../domain/catalog/catalog.enums';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { Viewer } from '../../domain/common/role';
import { PackageEntity, TagEntity, TagPackageEntity } from '../../db/entities';
import { AuditService } from '../audit/audit.service';

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

  listTags(): Promise<TagEntity[]> {
    return this.ds.getRepository(TagEntity).find({ order: { code: 'ASC' } });
  }

  listPackages(): Promise<PackageEntity[]> {
    return this.ds.getRepository(PackageEntity).find({ order: { kind: 'ASC', dailyQuota: 'ASC', code: 'ASC' } });
  }

  findTag(code: string): Promise<TagEntity | null> {
    return this.ds.getRepository(TagEntity).findOneBy({ code });
  }

  /** Creates or replaces a tag with its default and applicable packages, in one transaction. */
  async upsertTag(actor: Viewer, input: TagInput): Promise<Result<TagEntity>> {
    return change(this.ds, this.audit, {
      actor,
      action: 'upsertTag',
      // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the change, which then finds the row.
      retry: {},
      lock: async (em) => {
        // NOTE: lock the tag row (if any) so concurrent upserts of one tag audit in order.
        await em.findOne(TagEntity, { where: { code: input.code }, lock: { mode: 'pessimistic_write' } });
        const codes = [...new Set([...input.defaultPackageCodes, ...input.applicablePackageCodes])];
        const found = codes.length ? await em.findBy(PackageEntity, { code: In(codes) }) : [];
        return { known: new Map<string, PackageFacts>(found.map((p) => [p.code, p])), before: await this.tagSnapshot(em, input.code) };
      },
      rule: ({ known }) => {
        const violations = checkTagInput(input, known);
        return violations.length > 0 ? invalidInput<TagInput>(violations) : ok(input);
      },
      before: ({ before }) => before,
      save: async (em, _l, tag) => {
        await em.upsert(
          TagEntity,
          {
            code: tag.code,
            name: tag.name.trim(),
            devTestQuota: tag.devTestQuota,
            defaultOnlineQuota: tag.defaultOnlineQuota ?? null,
            trafficMode: tag.trafficMode,
            trafficNote: tag.trafficNote ?? null,
          },
          ['code'],
        );
        await em.delete(TagPackageEntity, { tagCode: tag.code });
        const links = [
          ...tag.defaultPackageCodes.map((packageCode) => ({ tagCode: tag.code, packageCode, role: TagPackageRole.DEFAULT })),
          ...tag.applicablePackageCodes.map((packageCode) => ({ tagCode: tag.code, packageCode, role: TagPackageRole.APPLICABLE })),
        ];
        if (links.length > 0) await em.insert(TagPackageEntity, links);
        return ok(await em.findOneByOrFail(TagEntity, { code: tag.code }));
      },
      audit: async (_l, _tag, _before, em) => ({ entityType: 'Tag', entityId: input.code, after: await this.tagSnapshot(em, input.code) }),
    });
  }

  /** Creates or replaces a package. */
  async upsertPackage(actor: Viewer, input: PackageInput): Promise<Result<PackageEntity>> {
    return change(this.ds, this.audit, {
      actor,
      action: 'upsertPackage',
      // NOTE: a deadlock of concurrent first upserts (both lock the missing row's gap) re-runs the change, which then finds the row.
      retry: {},
      lock: (em) => em.findOne(PackageEntity, { where: { code: input.code }, lock: { mode: 'pessimistic_write' } }),
      rule: () => {
        const violations = checkPackageInput(input);
        return violations.length > 0 ? invalidInput<PackageInput>(violations) : ok(input);
      },
      before: (existing) => existing,
      save: async (em, _existing, pkg) => {
        await em.upsert(
          PackageEntity,
          {
            code: pkg.code,
            name: pkg.name.trim(),
            kind: pkg.kind,
            dailyQuota: pkg.dailyQuota ?? null,
            applicationChannel: pkg.applicationChannel,
            contactEmail: pkg.contactEmail ?? null,
            requiredMaterials: pkg.requiredMaterials ? [...pkg.requiredMaterials] : null,
            requiredFunction: pkg.requiredFunction ?? null,
          },
          ['code'],
        );
        return ok(await em.findOneByOrFail(PackageEntity, { code: pkg.code }));
      },
      audit: (_e, after) => ({ entityType: 'Package', entityId: input.code, after }),
    });
  }
}
