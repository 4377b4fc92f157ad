import { Meter } from '../domain/usage/meter';
import { ApiCategory, CallSource } from '../domain/usage/usage.enums';
import { BillingPlatform, ChargeDef, CouponPolicy, PACKAGE_METER, PriceListDef } from './price-list';

const perHundred = (code: string, label: string, meter: string, unit: string, price: string, couponScope = false): ChargeDef => ({
  code,
  label,
  meter,
  unit,
  model: 'PER_HUNDRED',
  props: { price },
  couponScope,
});

/** DOMAIN §5's price table, the items every list shares; `dataSync` differs by date. */
function charges(dataSync: ChargeDef): ChargeDef[] {
  return [
    perHundred('FREE_API_IN_CLOUD', 'Free API, in cloud', Meter.api(ApiCategory.FREE, CallSource.IN_CLOUD), 'calls', '0'),
    perHundred('FREE_API_OUT_OF_CLOUD', 'Free API, out of cloud', Meter.api(ApiCategory.FREE, CallSource.OUT_OF_CLOUD), 'calls', '0'),
    perHundred('BASIC_API_IN_CLOUD', 'Basic API, in cloud', Meter.api(ApiCategory.BASIC, CallSource.IN_CLOUD), 'calls', '0.02', true),
    perHundred('BASIC_API_OUT_OF_CLOUD', 'Basic API, out of cloud', Meter.api(ApiCategory.BASIC, CallSource.OUT_OF_CLOUD), 'calls', '0.2', true),
    perHundred('VALUE_ADDED_API_IN_CLOUD', 'Value-added API, in cloud', Meter.api(ApiCategory.VALUE_ADDED, CallSource.IN_CLOUD), 'calls', '0.06', true),
    perHundred('VALUE_ADDED_API_OUT_OF_CLOUD', 'Value-added API, out of cloud', Meter.api(ApiCategory.VALUE_ADDED, CallSource.OUT_OF_CLOUD), 'calls', '0.6', true),
    perHundred('LOGISTICS_TRACKING_IN_CLOUD', 'Logistics tracking (Cainiao), in cloud', Meter.api(ApiCategory.LOGISTICS_TRACKING, CallSource.IN_CLOUD), 'calls', '0.02'),
    perHundred('LOGISTICS_TRACKING_OUT_OF_CLOUD', 'Logistics tracking (Cainiao), out of cloud', Meter.api(ApiCategory.LOGISTICS_TRACKING, CallSource.OUT_OF_CLOUD), 'calls', '0.2'),
    perHundred('LOGISTICS_EXCEPTION_IN_CLOUD', 'Logistics exception (Cainiao), in cloud', Meter.api(ApiCategory.LOGISTICS_EXCEPTION, CallSource.IN_CLOUD), 'calls', '0.1'),
    perHundred('LOGISTICS_EXCEPTION_OUT_OF_CLOUD', 'Logistics exception (Cainiao), out of cloud', Meter.api(ApiCategory.LOGISTICS_EXCEPTION, CallSource.OUT_OF_CLOUD), 'calls', '0.5'),
    dataSync,
    {
      code: 'DATA_SYNC_PACKAGE_FEE',
      label: 'Data sync package fee',
      meter: PACKAGE_METER,
      unit: 'days',
      model: 'HIGHEST_PACKAGE_PER_DAY',
      props: { prices: { BASIC: '0', ADVANCED: '79', PLATINUM: '149', FLAGSHIP: '299' } },
      couponScope: false,
    },
    perHundred('WALI_MESSAGES', 'Wali chat messages', Meter.WALI_MESSAGES, 'messages', '0.01'),
    {
      code: 'CRM_RELATIONS',
      label: 'CRM user relations (C edition)',
      meter: Meter.CRM_RELATIONS,
      unit: 'relation-days',
      model: 'PER_TEN_THOUSAND_PER_DAY',
      props: { price: '0.06' },
      couponScope: false,
    },
  ];
}

/** Data sync before 2018-08-01: list price 0.12 yuan per 100 new orders, no tiers. */
const DATA_SYNC_BEFORE_2018_08 = perHundred('DATA_SYNC_ORDERS', 'Data sync (new main orders)', Meter.DATA_SYNC_ORDERS, 'orders', '0.12');

/** Data sync from 2018-08-01: per day, the first 1,000,000 new orders 0.1/100, the rest 0.04/100. */
const DATA_SYNC_GRADUATED: ChargeDef = {
  code: 'DATA_SYNC_ORDERS',
  label: 'Data sync (new main orders)',
  meter: Meter.DATA_SYNC_ORDERS,
  unit: 'orders',
  model: 'GRADUATED',
  props: { per: 100, tiers: [{ upTo: 1_000_000, price: '0.1' }, { upTo: null, price: '0.04' }] },
  couponScope: false,
};

/** The seeded price lists (fixed ids). NOTE: 2000-01-01 stands for "since the platform charged". */
export const DEFAULT_PRICE_LISTS: readonly PriceListDef[] = [
  { id: 'TAOBAO-2000-01-01', platform: BillingPlatform.TAOBAO, effectiveFrom: '2000-01-01', isExample: false, charges: charges(DATA_SYNC_BEFORE_2018_08) },
  { id: 'TAOBAO-2018-08-01', platform: BillingPlatform.TAOBAO, effectiveFrom: '2018-08-01', isExample: false, charges: charges(DATA_SYNC_GRADUATED) },
  { id: 'DOUYIN-2000-01-01', platform: BillingPlatform.DOUYIN, effectiveFrom: '2000-01-01', isExample: true, charges: charges(DATA_SYNC_GRADUATED) },
];

/** DOMAIN §5 coupons (Taobao). Douyin has none until an operator adds one. */
export const DEFAULT_COUPON_POLICIES: readonly CouponPolicy[] = [
  { code: 'DAILY_50', platform: BillingPlatform.TAOBAO, amount: '50', validFrom: '2022-05-01', validTo: null, newIsvOnly: false },
  { code: 'NEW_ISV_200', platform: BillingPlatform.TAOBAO, amount: '200', validFrom: '2022-06-01', validTo: '2023-03-31', newIsvOnly: true },
];
