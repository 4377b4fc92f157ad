import { createUnionType } from 'type-graphql';
import { BillingAccountType, BillingRunReportType, CouponPolicyType, PriceListType, QualityDiscountType } from './billing.type';
import { AppType } from './app.type';
import { InvoiceType } from './invoice.type';
import { CalendarDayType } from './calendar.type';
import { PackageType, TagType } from './catalog.type';
import { AccountClosureType, DeveloperType } from './developer.type';
import { PartnerGrantType } from './partner.type';
import { MarketOrderType, MarketProductType, MarketVersionType, ProductionNotificationType, QuoteType, UpgradeQuoteType } from './market.type';
import { ReviewRoundType } from './review.type';
import { AlreadyBilledType, InsufficientBalanceType, InvalidInputType, InvalidStateType, NotEligibleType, OfflineChannelType } from './refusal.type';
import { PackageApplicationType } from './application.type';
import { CapabilityCategoryType, MemberCapabilityApplicationType } from './member-capability.type';
import { UsageBatchReceiptType } from './usage.type';

/** Mutation results: the object on success, or a refusal the caller can act on. */
export const RegisterDeveloperResult = createUnionType({ name: 'RegisterDeveloperResult', types: () => [DeveloperType, InvalidInputType] as const });
export const CloseDeveloperAccountResult = createUnionType({ name: 'CloseDeveloperAccountResult', types: () => [AccountClosureType, InvalidInputType, InvalidStateType] as const });
export const CreateAppResult = createUnionType({ name: 'CreateAppResult', types: () => [AppType, InvalidInputType] as const });
export const UpdateAppResult = createUnionType({ name: 'UpdateAppResult', types: () => [AppType, InvalidInputType, InvalidStateType] as const });
export const UpsertTagResult = createUnionType({ name: 'UpsertTagResult', types: () => [TagType, InvalidInputType] as const });
export const UpsertPackageResult = createUnionType({ name: 'UpsertPackageResult', types: () => [PackageType, InvalidInputType] as const });
export const RecordUsageResult = createUnionType({ name: 'RecordUsageResult', types: () => [UsageBatchReceiptType, InvalidInputType] as const });
export const MarketProductResult = createUnionType({ name: 'MarketProductResult', types: () => [MarketProductType, InvalidInputType, InvalidStateType] as const });
export const MarketVersionResult = createUnionType({ name: 'MarketVersionResult', types: () => [MarketVersionType, InvalidInputType, InvalidStateType] as const });
export const QuoteOrderResult = createUnionType({ name: 'QuoteOrderResult', types: () => [QuoteType, InvalidInputType] as const });
export const PlaceOrderResult = createUnionType({ name: 'PlaceOrderResult', types: () => [MarketOrderType, InvalidInputType, InvalidStateType, InsufficientBalanceType] as const });
export const ResetNotificationErrorsResult = createUnionType({
  name: 'ResetNotificationErrorsResult',
  types: () => [ProductionNotificationType, InvalidStateType] as const,
});
export const QuoteUpgradeResult = createUnionType({ name: 'QuoteUpgradeResult', types: () => [UpgradeQuoteType, InvalidInputType, InvalidStateType] as const });
export const SetCalendarDayResult = createUnionType({ name: 'SetCalendarDayResult', types: () => [CalendarDayType, InvalidInputType] as const });
export const SubmitAppForReviewResult = createUnionType({ name: 'SubmitAppForReviewResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const DecideReviewResult = createUnionType({ name: 'DecideReviewResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const PostReviewFeedbackResult = createUnionType({ name: 'PostReviewFeedbackResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const ApplyForTrafficPackageResult = createUnionType({ name: 'ApplyForTrafficPackageResult', types: () => [PackageApplicationType, InvalidInputType, NotEligibleType] as const });
export const ApplyForValueAddedPackageResult = createUnionType({
  name: 'ApplyForValueAddedPackageResult',
  types: () => [PackageApplicationType, InvalidInputType, NotEligibleType, OfflineChannelType] as const,
});
export const DecideApplicationResult = createUnionType({ name: 'DecideApplicationResult', types: () => [PackageApplicationType, InvalidInputType, InvalidStateType, NotEligibleType] as const });
export const ApplyForMemberCapabilityResult = createUnionType({ name: 'ApplyForMemberCapabilityResult', types: () => [MemberCapabilityApplicationType, InvalidInputType, NotEligibleType] as const });
export const DecideMemberCapabilityApplicationResult = createUnionType({
  name: 'DecideMemberCapabilityApplicationResult',
  types: () => [MemberCapabilityApplicationType, InvalidInputType, InvalidStateType] as const,
});
export const UpsertCapabilityCategoryResult = createUnionType({ name: 'UpsertCapabilityCategoryResult', types: () => [CapabilityCategoryType, InvalidInputType] as const });
export const GrantPartnerAccessResult = createUnionType({ name: 'GrantPartnerAccessResult', types: () => [PartnerGrantType, InvalidInputType, InvalidStateType] as const });
export const RevokePartnerAccessResult = createUnionType({ name: 'RevokePartnerAccessResult', types: () => [PartnerGrantType, InvalidStateType] as const });
export const SubmitMarketProductResult = createUnionType({ name: 'SubmitMarketProductResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const RechargeResult = createUnionType({ name: 'RechargeResult', types: () => [BillingAccountType, InvalidInputType] as const });
export const AdjustBalanceResult = createUnionType({ name: 'AdjustBalanceResult', types: () => [BillingAccountType, InvalidInputType, InvalidStateType] as const });
export const SetPaymentModeResult = createUnionType({ name: 'SetPaymentModeResult', types: () => [BillingAccountType, InvalidInputType] as const });
export const SetBillingTermsResult = createUnionType({ name: 'SetBillingTermsResult', types: () => [BillingAccountType, InvalidInputType] as const });
export const RunBillingResult = createUnionType({ name: 'RunBillingResult', types: () => [BillingRunReportType, InvalidInputType] as const });
export const UpsertPriceListResult = createUnionType({ name: 'UpsertPriceListResult', types: () => [PriceListType, InvalidInputType, AlreadyBilledType] as const });
export const UpsertCouponPolicyResult = createUnionType({ name: 'UpsertCouponPolicyResult', types: () => [CouponPolicyType, InvalidInputType, AlreadyBilledType] as const });
export const SetQualityDiscountResult = createUnionType({ name: 'SetQualityDiscountResult', types: () => [QualityDiscountType, InvalidInputType] as const });
export const RequestInvoiceResult = createUnionType({ name: 'RequestInvoiceResult', types: () => [InvoiceType, InvalidInputType, InvalidStateType] as const });
export const IssueInvoiceResult = createUnionType({ name: 'IssueInvoiceResult', types: () => [InvoiceType, InvalidInputType, InvalidStateType] as const });
export const RejectInvoiceResult = createUnionType({ name: 'RejectInvoiceResult', types: () => [InvoiceType, InvalidInputType, InvalidStateType] as const });
