import { AppEntity } from './app.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { DeveloperEntity } from './developer.entity';
import { PackageEntity } from './package.entity';
import { PartnerGrantEntity } from './partner-grant.entity';
import { TagPackageEntity } from './tag-package.entity';
import { TagEntity } from './tag.entity';

export { AppEntity, AuditEntryEntity, DeveloperEntity, PackageEntity, PartnerGrantEntity, TagEntity, TagPackageEntity };

/** Every entity the DataSource knows. Add new ones here. */
export const ENTITIES = [DeveloperEntity, TagEntity, PackageEntity, TagPackageEntity, AppEntity, PartnerGrantEntity, AuditEntryEntity];
