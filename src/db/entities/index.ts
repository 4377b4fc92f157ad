import { AppEntity } from './app.entity';
import { AppSecretEntity } from './app-secret.entity';
import { AppSuspensionEntity } from './app-suspension.entity';
import { AppOperatorQuotaEntity } from './app-operator-quota.entity';
import { ReviewAssignmentEntity, ReviewLeadEntity } from './review-assignment.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { CalendarDayEntity } from './calendar-day.entity';
import { BillLineEntity } from './bill-line.entity';
import { BillEntity } from './bill.entity';
import { BillingAccountEntity } from './billing-account.entity';
import { BillingRunEntity } from './billing-run.entity';
import { ScheduledJobRunEntity } from './scheduled-job-run.entity';
import { PriceVersionEntity } from './price-version.entity';
import { BillingWatermarkEntity } from './billing-watermark.entity';
import { BillingShardEntity } from './billing-shard.entity';
import { CouponPolicyEntity } from './coupon-policy.entity';
import { DeveloperEntity } from './developer.entity';
import { InvoiceBillEntity } from './invoice-bill.entity';
import { InvoiceEntity } from './invoice.entity';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { PackageEntity } from './package.entity';
import { PartnerGrantEntity } from './partner-grant.entity';
import { ReviewEventEntity } from './review-event.entity';
import { ReviewMessageEntity } from './review-message.entity';
import { ReviewRoundEntity } from './review-round.entity';
import { PriceListEntity } from './price-list.entity';
import { QualityDiscountEntity } from './quality-discount.entity';
import { TagPackageEntity } from './tag-package.entity';
import { TagEntity } from './tag.entity';
import { CapabilityCategoryEntity } from './capability-category.entity';
import { MemberCapabilityApplicationEntity } from './member-capability-application.entity';
import { PackageApplicationEntity } from './package-application.entity';
import { EmergencyGrantEntity } from './emergency-grant.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationSettingsEntity } from './notification-settings.entity';
import { OutboundAttemptEntity } from './outbound-attempt.entity';
import { OutboundMessageEntity } from './outbound-message.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { UsageDailyEntity } from './usage-daily.entity';
import { UsageRecordEntity } from './usage-record.entity';
import { MarketBillingItemEntity, MarketBillingPriceEntity } from './market/market-billing-item.entity';
import { MarketNotificationEntity } from './market/market-notification.entity';
import { MarketOrderEntity } from './market/market-order.entity';
import { MarketProductEntity } from './market/market-product.entity';
import { MarketSubscriptionEntity } from './market/market-subscription.entity';
import { MarketUpgradeRuleEntity } from './market/market-upgrade-rule.entity';
import { MarketVersionEntity } from './market/market-version.entity';

export {
  AppEntity,
  AppSecretEntity,
  AppSuspensionEntity,
  AppOperatorQuotaEntity,
  ReviewAssignmentEntity,
  ReviewLeadEntity,
  AuditEntryEntity,
  CalendarDayEntity,
  CapabilityCategoryEntity,
  DeveloperEntity,
  EmergencyGrantEntity,
  MemberCapabilityApplicationEntity,
  NotificationEntity,
  NotificationSettingsEntity,
  OutboundAttemptEntity,
  OutboundMessageEntity,
  WebhookEndpointEntity,
  PackageApplicationEntity,
  PackageEntity,
  PartnerGrantEntity,
  ReviewEventEntity,
  ReviewMessageEntity,
  ReviewRoundEntity,
  BillEntity,
  BillingAccountEntity,
  BillingRunEntity,
  ScheduledJobRunEntity,
  PriceVersionEntity,
  BillingWatermarkEntity,
  BillingShardEntity,
  BillLineEntity,
  CouponPolicyEntity,
  InvoiceBillEntity,
  InvoiceEntity,
  LedgerEntryEntity,
  PriceListEntity,
  QualityDiscountEntity,
  TagEntity,
  TagPackageEntity,
  UsageDailyEntity,
  UsageRecordEntity,
  MarketBillingItemEntity,
  MarketBillingPriceEntity,
  MarketNotificationEntity,
  MarketOrderEntity,
  MarketProductEntity,
  MarketSubscriptionEntity,
  MarketUpgradeRuleEntity,
  MarketVersionEntity,
};

/** Every entity the DataSource knows. Add new ones here. */
export const ENTITIES = [
  NotificationSettingsEntity,
  WebhookEndpointEntity,
  OutboundMessageEntity,
  OutboundAttemptEntity,
  DeveloperEntity,
  TagEntity,
  PackageEntity,
  TagPackageEntity,
  AppEntity,
  CalendarDayEntity,
  ReviewRoundEntity,
  ReviewMessageEntity,
  ReviewEventEntity,
  UsageDailyEntity,
  UsageRecordEntity,
  EmergencyGrantEntity,
  NotificationEntity,
  PackageApplicationEntity,
  CapabilityCategoryEntity,
  MemberCapabilityApplicationEntity,
  PartnerGrantEntity,
  AuditEntryEntity,
  MarketProductEntity,
  MarketVersionEntity,
  MarketBillingItemEntity,
  MarketBillingPriceEntity,
  MarketUpgradeRuleEntity,
  MarketSubscriptionEntity,
  MarketOrderEntity,
  MarketNotificationEntity,
  PriceListEntity,
  CouponPolicyEntity,
  QualityDiscountEntity,
  BillingAccountEntity,
  BillingRunEntity,
  ScheduledJobRunEntity,
  PriceVersionEntity,
  BillingWatermarkEntity,
  BillingShardEntity,
  LedgerEntryEntity,
  BillEntity,
  BillLineEntity,
  InvoiceEntity,
  InvoiceBillEntity,
  AppSecretEntity,
  AppSuspensionEntity,
  AppOperatorQuotaEntity,
  ReviewAssignmentEntity,
  ReviewLeadEntity,
];
