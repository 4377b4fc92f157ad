import { DataSource } from 'typeorm';
import { billLinesLoader, costEstimateByDeveloperLoader, monthToDateByDeveloperLoader } from './billing.loader';
import { billsByInvoiceLoader, invoiceableAmountLoader, liveInvoiceIdByBillLoader } from './invoice.loader';
import { packagesByTagLoader, tagByCodeLoader } from './catalog.loader';
import { appByIdLoader } from './app.loader';
import { secretWindowsByAppLoader } from './app-secret.loader';
import { assignmentByItemLoader, workingHoursLeftLoader } from './review-assignment.loader';
import { openSuspensionByAppLoader, operatorQuotasByAppLoader, wentOnlineByOwnerLoader } from './operator-controls.loader';
import { developerByIdLoader } from './developer.loader';
import { reviewMessagesByRoundLoader, reviewRoundsByAppLoader, workingDaysLeftLoader } from './review.loader';
import { emergencyCallsLoader } from './quota.loader';
import { usageDailyLoader } from './usage.loader';
import { packageByCodeLoader, pendingMemberCapabilityApplicationsByDeveloperLoader, pendingPackageApplicationsByAppLoader } from './application.loader';
import { CalendarService } from '../../services/calendar/calendar.service';
import { BillQueryService } from '../../services/billing/bill-query.service';
import { CostEstimateService } from '../../services/billing/cost-estimate.service';
import { systemClock } from '../../domain/common/clock';
import { billingItemsByVersionLoader, marketProductByIdLoader, reviewRoundsByMarketProductLoader, upgradeRulesByProductLoader, versionsByProductLoader } from './market.loader';

/** The process-wide services some loaders read through (defaults: fresh ones on the system clock, for tools and tests). */
export interface LoaderServices {
  readonly calendar: CalendarService;
  readonly bills: BillQueryService;
  readonly estimates: CostEstimateService;
}

/** DataLoaders, built fresh for every request so no cache outlives it. */
export function createLoaders(ds: DataSource, services: LoaderServices = { calendar: new CalendarService(ds), bills: new BillQueryService(ds, systemClock), estimates: new CostEstimateService(ds, systemClock) }) {
  return {
    tagByCode: tagByCodeLoader(ds),
    packagesByTag: packagesByTagLoader(ds),
    marketVersionsByProduct: versionsByProductLoader(ds),
    marketBillingItemsByVersion: billingItemsByVersionLoader(ds),
    marketUpgradeRulesByProduct: upgradeRulesByProductLoader(ds),
    marketProductById: marketProductByIdLoader(ds),
    reviewRoundsByMarketProduct: reviewRoundsByMarketProductLoader(ds),
    appById: appByIdLoader(ds),
    secretWindowsByApp: secretWindowsByAppLoader(ds),
    assignmentByItem: assignmentByItemLoader(ds),
    workingHoursLeft: workingHoursLeftLoader(ds),
    operatorQuotasByApp: operatorQuotasByAppLoader(ds),
    openSuspensionByApp: openSuspensionByAppLoader(ds),
    wentOnlineByOwner: wentOnlineByOwnerLoader(ds),
    developerById: developerByIdLoader(ds),
    reviewRoundsByApp: reviewRoundsByAppLoader(ds),
    reviewMessagesByRound: reviewMessagesByRoundLoader(ds),
    workingDaysLeft: workingDaysLeftLoader(services.calendar),
    pendingPackageApplicationsByApp: pendingPackageApplicationsByAppLoader(ds),
    pendingMemberCapabilityApplicationsByDeveloper: pendingMemberCapabilityApplicationsByDeveloperLoader(ds),
    monthToDateByDeveloper: monthToDateByDeveloperLoader(services.bills),
    costEstimateByDeveloper: costEstimateByDeveloperLoader(services.estimates),
    emergencyCalls: emergencyCallsLoader(ds),
    usageDaily: usageDailyLoader(ds),
    packageByCode: packageByCodeLoader(ds),
    billLines: billLinesLoader(ds),
    billsByInvoice: billsByInvoiceLoader(ds),
    liveInvoiceIdByBill: liveInvoiceIdByBillLoader(ds),
    invoiceableAmount: invoiceableAmountLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
