import { BillingItem } from './billing-item.rule';
import { BillingItemKind } from './market.enums';
import { PricedVersion } from './quote.rule';

/** 004's example 2, standard edition: 1/month, 12/year new; users from 5 and from 10; model; region. */
export const USERS: BillingItem = {
  code: 'yonghushu',
  name: 'Users',
  kind: BillingItemKind.QUANTITY,
  unit: 'user',
  minimum: 5,
  tiers: [
    { from: 5, prices: { monthNew: '1', monthRenew: '1', yearNew: '12', yearRenew: '12' } },
    { from: 10, prices: { monthNew: '1', monthRenew: '1', yearNew: '10', yearRenew: '10' } },
  ],
};

export const MODEL: BillingItem = {
  code: 'xinghao',
  name: 'Model',
  kind: BillingItemKind.ENUM,
  values: [
    { value: 'APP+WAP', prices: { monthNew: '2', monthRenew: '2', yearNew: '24', yearRenew: '24' } },
    { value: 'APP+WAP+WeChat', prices: { monthNew: '5', monthRenew: '5', yearNew: '60', yearRenew: '60' } },
  ],
};

export const REGION: BillingItem = {
  code: 'quyu',
  name: 'Region',
  kind: BillingItemKind.ENUM,
  values: [
    { value: 'Beijing', prices: { monthNew: '3', monthRenew: '3', yearNew: '36', yearRenew: '36' } },
    { value: 'Shanghai', prices: { monthNew: '3', monthRenew: '3', yearNew: '36', yearRenew: '36' } },
  ],
};

export const STANDARD: PricedVersion = {
  name: 'Standard',
  prices: { monthNew: '1', monthRenew: '1', yearNew: '12', yearRenew: '12' },
  items: [USERS, MODEL, REGION],
};
