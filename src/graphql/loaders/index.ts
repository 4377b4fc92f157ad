import { DataSource } from 'typeorm';
import { billLinesLoader } from './billing.loader';
import { billsByInvoiceLoader, invoiceableAmountLoader, liveInvoiceIdByBillLoader } from './invoice.loader';
import { packagesByTagLoader, tagByCodeLoader } from './catalog.loader';
import { appByIdLoader } from './app.loader';
import { secretWindowsByAppLoader } from './app-secret.loader';
import { assignmentByItemLoader, workingHoursLeftLoader } from './review-assignment.loader';
import { openSuspensionByAppLoader, operatorQuotasByAppLoader, wentOnlineByOwnerLoader } from './operator-controls.loader';
import { developerByIdLoader } from './developer.loader';
import { reviewMessagesByRoundLoader, reviewRoundsByAppLoader, workingDaysLeftLoader } from './review.loader';
import { emergencyCallsLoader } from './quota.loader';
import { packageByCodeLoader } from './application.loader';
import { billingItemsByVersionLoader, marketProductByIdLoader, reviewRoundsByMarketProductLoader, upgradeRulesByProductLoader, versionsByProductLoader } from './market.loader';

/** DataLoaders, built fresh for every request so no cache outlives it. */
export function createLoaders(ds: DataSource) {
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
    workingDaysLeft: workingDaysLeftLoader(ds),
    emergencyCalls: emergencyCallsLoader(ds),
    packageByCode: packageByCodeLoader(ds),
    billLines: billLinesLoader(ds),
    billsByInvoice: billsByInvoiceLoader(ds),
    liveInvoiceIdByBill: liveInvoiceIdByBillLoader(ds),
    invoiceableAmount: invoiceableAmountLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
