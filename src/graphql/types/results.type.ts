import { createUnionType } from 'type-graphql';
import { BillingAccountType, BillingRunReportType, CouponPolicyType, PriceListType, QualityDiscountType } from './billing.type';
import { AppType } from './app.type';
import { PackageType, TagType } from './catalog.type';
import { DeveloperType } from './developer.type';
import { InvalidInputType, InvalidStateType } from './refusal.type';
import { UsageBatchReceiptType } from './usage.type';

/** Mutation results: the object on success, or a refusal the caller can act on. */
export const RegisterDeveloperResult = createUnionType({ name: 'RegisterDeveloperResult', types: () => [DeveloperType, InvalidInputType] as const });
export const CreateAppResult = createUnionType({ name: 'CreateAppResult', types: () => [AppType, InvalidInputType] as const });
export const UpdateAppResult = createUnionType({ name: 'UpdateAppResult', types: () => [AppType, InvalidInputType, InvalidStateType] as const });
export const UpsertTagResult = createUnionType({ name: 'UpsertTagResult', types: () => [TagType, InvalidInputType] as const });
export const UpsertPackageResult = createUnionType({ name: 'UpsertPackageResult', types: () => [PackageType, InvalidInputType] as const });
export const RecordUsageResult = createUnionType({ name: 'RecordUsageResult', types: () => [UsageBatchReceiptType, InvalidInputType] as const });
export const RechargeResult = createUnionType({ name: 'RechargeResult', types: () => [BillingAccountType, InvalidInputType] as const });
export const AdjustBalanceResult = createUnionType({ name: 'AdjustBalanceResult', types: () => [BillingAccountType, InvalidInputType, InvalidStateType] as const });
export const SetPaymentModeResult = createUnionType({ name: 'SetPaymentModeResult', types: () => [BillingAccountType, InvalidInputType] as const });
export const SetBillingTermsResult = createUnionType({ name: 'SetBillingTermsResult', types: () => [BillingAccountType, InvalidInputType] as const });
export const RunBillingResult = createUnionType({ name: 'RunBillingResult', types: () => [BillingRunReportType, InvalidInputType] as const });
export const UpsertPriceListResult = createUnionType({ name: 'UpsertPriceListResult', types: () => [PriceListType, InvalidInputType] as const });
export const UpsertCouponPolicyResult = createUnionType({ name: 'UpsertCouponPolicyResult', types: () => [CouponPolicyType, InvalidInputType] as const });
export const SetQualityDiscountResult = createUnionType({ name: 'SetQualityDiscountResult', types: () => [QualityDiscountType, InvalidInputType] as const });
