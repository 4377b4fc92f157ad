import { registerEnumType } from 'type-graphql';
import { AppFunction, AppStatus, DeveloperKind } from '../../domain/app/app.enums';
import { ApplicationChannel, PackageKind, TrafficMode } from '../../domain/catalog/catalog.enums';
import { EmergencyRefusal, QuotaSource, QuotaState } from '../../domain/quota/quota-today.rule';
import { CallDenial } from '../../domain/usage/call-permission.rule';
import { ApiCategory, CallSource, DataSyncPackage } from '../../domain/usage/usage.enums';
import { RecordOutcome } from '../../services/usage/usage.service';
import { ApplicationStatus, PendingApplicationKind } from '../../domain/application/application.enums';
import { BuildKind, MemberCapabilityRejection, MerchantTier, ProductKind } from '../../domain/member-capability/member-capability.rule';
import { CalendarDayKind } from '../../domain/calendar/working-days.rule';
import { RejectionReason, ReviewDecision, ReviewMessageAuthor, ReviewRoundStatus, ReviewSubjectType } from '../../domain/review/review.enums';
import {
  BillingCycle,
  BillingItemKind,
  NotificationAction,
  NotificationStatus,
  OrderType,
  ProductStatus,
  PurchaseKind,
  SaleMode,
  SubscriptionStatus,
} from '../../domain/market/market.enums';
import { BillingPlatform, BillLineKindEnum, BillStatus, LedgerKind, PaymentMode } from '../../billing/billing.enums';
import { InvoiceStatus } from '../../billing/invoice.rule';

registerEnumType(AppStatus, { name: 'AppStatus', description: 'DEVELOPING → IN_REVIEW → ONLINE or REJECTED; ONLINE ↔ SUSPENDED' });
registerEnumType(AppFunction, { name: 'AppFunction', description: 'Functions an app declares (PERFORMANCE_APPRAISAL gates Wangwang chat history)' });
registerEnumType(DeveloperKind, { name: 'DeveloperKind' });
registerEnumType(TrafficMode, { name: 'TrafficMode' });
registerEnumType(PackageKind, { name: 'PackageKind' });
registerEnumType(ApplicationChannel, { name: 'ApplicationChannel' });
registerEnumType(QuotaSource, { name: 'QuotaSource' });
registerEnumType(QuotaState, { name: 'QuotaState' });
registerEnumType(EmergencyRefusal, { name: 'EmergencyRefusal' });
registerEnumType(ApiCategory, { name: 'ApiCategory' });
registerEnumType(CallSource, { name: 'CallSource' });
registerEnumType(DataSyncPackage, { name: 'DataSyncPackage', description: 'Lowest first; billing charges the highest held on a day' });
registerEnumType(CallDenial, { name: 'CallDenial' });
registerEnumType(RecordOutcome, { name: 'RecordOutcome' });
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });
registerEnumType(PendingApplicationKind, { name: 'PendingApplicationKind', description: 'A traffic or value-added package application (of an app), or a member-capability application (of a developer)' });
registerEnumType(ProductKind, { name: 'ProductKind' });
registerEnumType(BuildKind, { name: 'BuildKind' });
registerEnumType(MerchantTier, { name: 'MerchantTier', description: 'QUALITY (优质商家), POTENTIAL (潜力商家), ORDINARY (neither)' });
registerEnumType(MemberCapabilityRejection, { name: 'MemberCapabilityRejection', description: 'The first three are non-compliant: three rejections carrying them bar new applications' });
registerEnumType(SaleMode, { name: 'SaleMode', description: 'BY_CYCLE (month/year, renewals, trials) or ONE_TIME' });
registerEnumType(BillingCycle, { name: 'BillingCycle' });
registerEnumType(PurchaseKind, { name: 'PurchaseKind' });
registerEnumType(BillingItemKind, { name: 'BillingItemKind' });
registerEnumType(ProductStatus, { name: 'MarketProductStatus', description: 'DRAFT → IN_REVIEW → LISTED or REJECTED' });
registerEnumType(OrderType, { name: 'MarketOrderType' });
registerEnumType(SubscriptionStatus, { name: 'MarketSubscriptionStatus' });
registerEnumType(NotificationAction, { name: 'ProductionAction' });
registerEnumType(NotificationStatus, { name: 'ProductionNotificationStatus' });
registerEnumType(CalendarDayKind, { name: 'CalendarDayKind', description: 'A calendar row: OFF (public holiday) or WORKDAY (make-up working day, 调休)' });

registerEnumType(ReviewSubjectType, { name: 'ReviewSubjectType', description: 'What a review round reviews' });
registerEnumType(ReviewRoundStatus, { name: 'ReviewRoundStatus', description: 'PENDING until decided once: APPROVED or REJECTED' });
registerEnumType(ReviewDecision, { name: 'ReviewDecision', description: 'A decision on a review round, a package application or a member-capability application (one enum for every reviewer workflow)' });
registerEnumType(ReviewMessageAuthor, { name: 'ReviewMessageAuthor' });
registerEnumType(RejectionReason, { name: 'RejectionReason', description: 'DOMAIN §3: the seven unsupported app kinds, PROHIBITED_CONTENT, INCOMPLETE_MATERIAL, OTHER' });

registerEnumType(BillingPlatform, { name: 'BillingPlatform', description: 'TAOBAO: daily bills per appkey; DOUYIN: monthly, settled on the 5th' });
registerEnumType(BillStatus, { name: 'BillStatus' });
registerEnumType(BillLineKindEnum, { name: 'BillLineKind' });
registerEnumType(LedgerKind, { name: 'LedgerKind' });
registerEnumType(PaymentMode, { name: 'PaymentMode', description: 'ALIPAY_AUTO_DEBIT goes through the payment provider (a SANDBOX in development and tests)' });
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus', description: 'REQUESTED by the developer, then ISSUED or REJECTED by an operator (final)' });


export { BillingPlatform, BillLineKindEnum, BillStatus, InvoiceStatus, LedgerKind, PaymentMode };
export { RejectionReason, ReviewDecision, ReviewMessageAuthor, ReviewRoundStatus, ReviewSubjectType };
export { ApplicationStatus, PendingApplicationKind, BuildKind, CalendarDayKind, MemberCapabilityRejection, MerchantTier, ProductKind };
export { EmergencyRefusal, QuotaState, ApiCategory, AppFunction, AppStatus, ApplicationChannel, CallDenial, CallSource, DataSyncPackage, DeveloperKind, PackageKind, QuotaSource, RecordOutcome, TrafficMode };
