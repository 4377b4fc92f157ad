import { registerEnumType } from 'type-graphql';
import { AppFunction, AppStatus, DeveloperKind } from '../../domain/app/app.enums';
import { ApplicationChannel, PackageKind, TrafficMode } from '../../domain/catalog/catalog.enums';
import { EmergencyRefusal, QuotaSource, QuotaState } from '../../domain/quota/quota-today.rule';
import { CallDenial } from '../../domain/usage/call-permission.rule';
import { ApiCategory, CallSource, DataSyncPackage } from '../../domain/usage/usage.enums';
import { RecordOutcome } from '../../services/usage/usage.service';
import { CalendarDayKind } from '../../domain/calendar/working-days.rule';

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
registerEnumType(CalendarDayKind, { name: 'CalendarDayKind', description: 'A calendar row: OFF (public holiday) or WORKDAY (make-up working day, 调休)' });

export { CalendarDayKind };
export { EmergencyRefusal, QuotaState, ApiCategory, AppFunction, AppStatus, ApplicationChannel, CallDenial, CallSource, DataSyncPackage, DeveloperKind, PackageKind, QuotaSource, RecordOutcome, TrafficMode };
