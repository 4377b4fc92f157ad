import { AppEntity } from './app.entity';
import { BillLineEntity } from './bill-line.entity';
import { BillEntity } from './bill.entity';
import { BillingAccountEntity } from './billing-account.entity';
import { CouponPolicyEntity } from './coupon-policy.entity';
import { DeveloperEntity } from './developer.entity';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { PackageEntity } from './package.entity';
import { PriceListEntity } from './price-list.entity';
import { QualityDiscountEntity } from './quality-discount.entity';
import { TagPackageEntity } from './tag-package.entity';
import { TagEntity } from './tag.entity';
import { UsageDailyEntity } from './usage-daily.entity';
import { UsageRecordEntity } from './usage-record.entity';

export {
  AppEntity,
  BillEntity,
  BillingAccountEntity,
  BillLineEntity,
  CouponPolicyEntity,
  DeveloperEntity,
  LedgerEntryEntity,
  PackageEntity,
  PriceListEntity,
  QualityDiscountEntity,
  TagEntity,
  TagPackageEntity,
  UsageDailyEntity,
  UsageRecordEntity,
};

/** Every entity the DataSource knows. Add new ones here. */
export const ENTITIES = [
  DeveloperEntity,
  TagEntity,
  PackageEntity,
  TagPackageEntity,
  AppEntity,
  UsageDailyEntity,
  UsageRecordEntity,
  PriceListEntity,
  CouponPolicyEntity,
  QualityDiscountEntity,
  BillingAccountEntity,
  LedgerEntryEntity,
  BillEntity,
  BillLineEntity,
];
