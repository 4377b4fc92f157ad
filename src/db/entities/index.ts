import { AppEntity } from './app.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { CalendarDayEntity } from './calendar-day.entity';
import { DeveloperEntity } from './developer.entity';
import { PackageEntity } from './package.entity';
import { PartnerGrantEntity } from './partner-grant.entity';
import { ReviewEventEntity } from './review-event.entity';
import { ReviewMessageEntity } from './review-message.entity';
import { ReviewRoundEntity } from './review-round.entity';
import { TagPackageEntity } from './tag-package.entity';
import { TagEntity } from './tag.entity';

export {
  AppEntity,
  AuditEntryEntity,
  CalendarDayEntity,
  DeveloperEntity,
  PackageEntity,
  PartnerGrantEntity,
  ReviewEventEntity,
  ReviewMessageEntity,
  ReviewRoundEntity,
  TagEntity,
  TagPackageEntity,
};

/** Every entity the DataSource knows. Add new ones here. */
export const ENTITIES = [
  DeveloperEntity,
  TagEntity,
  PackageEntity,
  TagPackageEntity,
  AppEntity,
  CalendarDayEntity,
  ReviewRoundEntity,
  ReviewMessageEntity,
  ReviewEventEntity,
  PartnerGrantEntity,
  AuditEntryEntity,
];
