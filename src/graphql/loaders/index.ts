import { DataSource } from 'typeorm';
import { packagesByTagLoader, tagByCodeLoader } from './catalog.loader';
import { billingItemsByVersionLoader, marketProductByIdLoader, reviewRoundsByMarketProductLoader, upgradeRulesByProductLoader, versionsByProductLoader } from './market.loader';
import { appByIdLoader, reviewMessagesByRoundLoader, reviewRoundsByAppLoader, workingDaysLeftLoader } from './review.loader';

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
    reviewRoundsByApp: reviewRoundsByAppLoader(ds),
    reviewMessagesByRound: reviewMessagesByRoundLoader(ds),
    workingDaysLeft: workingDaysLeftLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
