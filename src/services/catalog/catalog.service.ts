import { DataSource, In } from 'typeorm';
import { checkPackageInput, checkTagInput, PackageFacts, PackageInput, TagInput } from '../../domain/catalog/catalog-input.rule';
import { TagPackageRole } from '../../domain/catalog/catalog.enums';
import { invalidInput, ok, Result } from '../../domain/common/result';
import { PackageEntity, TagEntity, TagPackageEntity } from '../../db/entities';

/** The tag and package catalog (DOMAIN §2.1). Public to read; operators write. */
export class CatalogService {
  constructor(private readonly ds: DataSource) {}

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
  async upsertTag(input: TagInput): Promise<Result<TagEntity>> {
    return this.ds.transaction(async (em) => {
      const codes = [...new Set([...input.defaultPackageCodes, ...input.applicablePackageCodes])];
      const found = codes.length ? await em.findBy(PackageEntity, { code: In(codes) }) : [];
      const known = new Map<string, PackageFacts>(found.map((p) => [p.code, p]));
      const violations = checkTagInput(input, known);
      if (violations.length > 0) return invalidInput<TagEntity>(violations);

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
      return ok(await em.findOneByOrFail(TagEntity, { code: input.code }));
    });
  }

  /** Creates or replaces a package. */
  async upsertPackage(input: PackageInput): Promise<Result<PackageEntity>> {
    const violations = checkPackageInput(input);
    if (violations.length > 0) return invalidInput(violations);
    return this.ds.transaction(async (em) => {
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
      return ok(await em.findOneByOrFail(PackageEntity, { code: input.code }));
    });
  }
}
