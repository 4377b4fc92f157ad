import { registerEnumType } from 'type-graphql';
import { AppFunction, AppStatus, DeveloperKind } from '../../domain/app/app.enums';
import { ApplicationChannel, PackageKind, TrafficMode } from '../../domain/catalog/catalog.enums';
import { QuotaSource } from '../../domain/quota/quota-today.rule';
import { CallDenial } from '../../domain/usage/call-permission.rule';
import { ApiCategory, CallSource, DataSyncPackage } from '../../domain/usage/usage.enums';
import { RecordOutcome } from '../../services/usage/usage.service';
import { BillingPlatform, BillLineKindEnum, BillStatus, LedgerKind, PaymentMode } from '../../billing/billing.enums';

registerEnumType(AppStatus, { name: 'AppStatus', description: 'DEVELOPING → IN_REVIEW → ONLINE or REJECTED; ONLINE ↔ SUSPENDED' });
registerEnumType(AppFunction, { name: 'AppFunction', description: 'Functions an app declares (PERFORMANCE_APPRAISAL gates Wangwang chat history)' });
registerEnumType(DeveloperKind, { name: 'DeveloperKind' });
registerEnumType(TrafficMode, { name: 'TrafficMode' });
registerEnumType(PackageKind, { name: 'PackageKind' });
registerEnumType(ApplicationChannel, { name: 'ApplicationChannel' });
registerEnumType(QuotaSource, { name: 'QuotaSource' });
registerEnumType(ApiCategory, { name: 'ApiCategory' });
registerEnumType(CallSource, { name: 'CallSource' });
registerEnumType(DataSyncPackage, { name: 'DataSyncPackage', description: 'Lowest first; billing charges the highest held on a day' });
registerEnumType(CallDenial, { name: 'CallDenial' });
registerEnumType(RecordOutcome, { name: 'RecordOutcome' });
registerEnumType(BillingPlatform, { name: 'BillingPlatform', description: 'TAOBAO: daily bills per appkey; DOUYIN: monthly, settled on the 5th' });
registerEnumType(BillStatus, { name: 'BillStatus' });
registerEnumType(BillLineKindEnum, { name: 'BillLineKind' });
registerEnumType(LedgerKind, { name: 'LedgerKind' });
registerEnumType(PaymentMode, { name: 'PaymentMode', description: 'ALIPAY_AUTO_DEBIT goes through the payment provider (a SANDBOX in development and tests)' });

export { BillingPlatform, BillLineKindEnum, BillStatus, LedgerKind, PaymentMode };
export { ApiCategory, AppFunction, AppStatus, ApplicationChannel, CallDenial, CallSource, DataSyncPackage, DeveloperKind, PackageKind, QuotaSource, RecordOutcome, TrafficMode };
