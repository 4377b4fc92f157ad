import { ReviewSubjectType } from '../../domain/review/review.enums';
import { DataSource } from 'typeorm';
import { billLinesLoader, costEstimateByDeveloperLoader, monthToDateByDeveloperLoader } from './billing.loader';
import { billByIdLoader, billIdPagesByInvoiceLoader, invoiceableAmountLoader, liveInvoiceIdByBillLoader } from './invoice.loader';
import { packagesByTagLoader, tagByCodeLoader } from './catalog.loader';
import { appByIdLoader } from './app.loader';
import { secretWindowPagesByAppLoader } from './app-secret.loader';
import { assignmentByItemLoader, workingHoursLeftLoader } from './review-assignment.loader';
import { openSuspensionByAppLoader, operatorQuotaPagesByAppLoader, operatorQuotasByAppLoader, wentOnlineByOwnerLoader } from './operator-controls.loader';
import { developerByIdLoader } from './developer.loader';
import { reviewMessagePagesByRoundLoader, reviewRoundByIdLoader, reviewRoundPagesBySubjectLoader, workingDaysLeftLoader } from './review.loader';
import { emergencyCallsLoader } from './quota.loader';
import { usageDailyLoader } from './usage.loader';
import { memberCapabilityApplicationByIdLoader, packageApplicationByIdLoader, packageApplicationIdPagesByDeveloperLoader, packageByCodeLoader, pendingCapabilityPagesByDeveloperLoader, pendingPackageApplicationsByAppLoader } from './application.loader';
import { CalendarService } from '../../services/calendar/calendar.service';
import { BillQueryService } from '../../services/billing/bill-query.service';
import { CostEstimateService } from '../../services/billing/cost-estimate.service';
import { systemClock } from '../../domain/common/clock';
import { billingItemsByVersionLoader, marketProductByIdLoader, upgradeRulesByProductLoader, versionsByProductLoader } from './market.loader';

/** The process-wide services some loaders read through (defaults: fresh ones on the system clock, for tools and tests). */
export interface LoaderServices {
  readonly calendar: CalendarService;
  readonly bills: BillQueryService;
  readonly estimates: CostEstimateService;
}

interface LoaderSources {
  ds: DataSource;
  services: LoaderServices;
}

/** How each loader is made (the ds and the process's services in, one DataLoader out). */
const FACTORIES = {
  tagByCode: (s: LoaderSources) => tagByCodeLoader(s.ds),
  packagesByTag: (s: LoaderSources) => packagesByTagLoader(s.ds),
  marketVersionsByProduct: (s: LoaderSources) => versionsByProductLoader(s.ds),
  marketBillingItemsByVersion: (s: LoaderSources) => billingItemsByVersionLoader(s.ds),
  marketUpgradeRulesByProduct: (s: LoaderSources) => upgradeRulesByProductLoader(s.ds),
  marketProductById: (s: LoaderSources) => marketProductByIdLoader(s.ds),
  reviewRoundPagesByMarketProduct: (s: LoaderSources) => reviewRoundPagesBySubjectLoader(s.ds, ReviewSubjectType.MARKET_PRODUCT),
  appById: (s: LoaderSources) => appByIdLoader(s.ds),
  secretWindowPagesByApp: (s: LoaderSources) => secretWindowPagesByAppLoader(s.ds),
  assignmentByItem: (s: LoaderSources) => assignmentByItemLoader(s.ds),
  workingHoursLeft: (s: LoaderSources) => workingHoursLeftLoader(s.ds),
  operatorQuotasByApp: (s: LoaderSources) => operatorQuotasByAppLoader(s.ds),
  operatorQuotaPagesByApp: (s: LoaderSources) => operatorQuotaPagesByAppLoader(s.ds),
  openSuspensionByApp: (s: LoaderSources) => openSuspensionByAppLoader(s.ds),
  wentOnlineByOwner: (s: LoaderSources) => wentOnlineByOwnerLoader(s.ds),
  developerById: (s: LoaderSources) => developerByIdLoader(s.ds),
  reviewRoundPagesByApp: (s: LoaderSources) => reviewRoundPagesBySubjectLoader(s.ds, ReviewSubjectType.APP),
  reviewRoundById: (s: LoaderSources) => reviewRoundByIdLoader(s.ds),
  packageApplicationById: (s: LoaderSources) => packageApplicationByIdLoader(s.ds),
  memberCapabilityApplicationById: (s: LoaderSources) => memberCapabilityApplicationByIdLoader(s.ds),
  reviewMessagePagesByRound: (s: LoaderSources) => reviewMessagePagesByRoundLoader(s.ds),
  workingDaysLeft: (s: LoaderSources) => workingDaysLeftLoader(s.services.calendar),
  pendingPackageApplicationsByApp: (s: LoaderSources) => pendingPackageApplicationsByAppLoader(s.ds),
  pendingCapabilityPagesByDeveloper: (s: LoaderSources) => pendingCapabilityPagesByDeveloperLoader(s.ds),
  packageApplicationIdPagesByDeveloper: (s: LoaderSources) => packageApplicationIdPagesByDeveloperLoader(s.ds),
  monthToDateByDeveloper: (s: LoaderSources) => monthToDateByDeveloperLoader(s.services.bills),
  costEstimateByDeveloper: (s: LoaderSources) => costEstimateByDeveloperLoader(s.services.estimates),
  emergencyCalls: (s: LoaderSources) => emergencyCallsLoader(s.ds),
  usageDaily: (s: LoaderSources) => usageDailyLoader(s.ds),
  packageByCode: (s: LoaderSources) => packageByCodeLoader(s.ds),
  billLines: (s: LoaderSources) => billLinesLoader(s.ds),
  billIdPagesByInvoice: (s: LoaderSources) => billIdPagesByInvoiceLoader(s.ds),
  billById: (s: LoaderSources) => billByIdLoader(s.ds),
  liveInvoiceIdByBill: (s: LoaderSources) => liveInvoiceIdByBillLoader(s.ds),
  invoiceableAmount: (s: LoaderSources) => invoiceableAmountLoader(s.ds),
};

export type Loaders = { readonly [K in keyof typeof FACTORIES]: ReturnType<(typeof FACTORIES)[K]> };

const MADE = Symbol('madeLoaders');
const SOURCES = Symbol('loaderSources');
interface LoaderHolder {
  [MADE]: Partial<Record<keyof typeof FACTORIES, unknown>>;
  [SOURCES]: LoaderSources;
}

/**
 * Every loader is a getter of one shared prototype: a request builds only the loaders it reads
 * (the gateway's recordUsage reads none; building all 28 per request was measurable on its path).
 */
const PROTOTYPE = Object.create(null) as object;
for (const key of Object.keys(FACTORIES) as (keyof typeof FACTORIES)[]) {
  Object.defineProperty(PROTOTYPE, key, {
    enumerable: true,
    get(this: LoaderHolder) {
      return (this[MADE][key] ??= FACTORIES[key](this[SOURCES]));
    },
  });
}

/** DataLoaders, fresh for every request so no cache outlives it; each made on first use. */
export function createLoaders(ds: DataSource, services: LoaderServices = { calendar: new CalendarService(ds), bills: new BillQueryService(ds, systemClock), estimates: new CostEstimateService(ds, systemClock) }): Loaders {
  const holder = Object.create(PROTOTYPE) as LoaderHolder;
  holder[MADE] = {};
  holder[SOURCES] = { ds, services };
  return holder as unknown as Loaders;
}
