import { DEFAULT_PRICE_LISTS } from '../../billing/default-price-lists';
import { apiMeterParts, isLevelMeter, Meter, PACKAGE_METER, packageOfMeter } from './meter';
import { meterIncrements } from './usage-batch.rule';
import { ApiCategory, CallSource, DataSyncPackage } from './usage.enums';

describe('meter keys: one spelling for ingestion, the usage views and the price lists', () => {
  it('API meters read back as their category and source; package rows as their package', () => {
    expect(Meter.api(ApiCategory.BASIC, CallSource.OUT_OF_CLOUD)).toBe('API:BASIC:OUT_OF_CLOUD');
    expect(apiMeterParts('API:VALUE_ADDED:IN_CLOUD')).toEqual({ category: ApiCategory.VALUE_ADDED, source: CallSource.IN_CLOUD });
    expect(apiMeterParts(Meter.WALI_MESSAGES)).toBeNull();
    expect(packageOfMeter(Meter.dataSyncPackage(DataSyncPackage.PLATINUM))).toBe(DataSyncPackage.PLATINUM);
    expect(packageOfMeter(Meter.DATA_SYNC_ORDERS)).toBeNull();
  });

  it('CRM relations and packages held are levels; calls, orders and messages are sums', () => {
    expect([Meter.CRM_RELATIONS, Meter.dataSyncPackage(DataSyncPackage.BASIC)].map(isLevelMeter)).toEqual([true, true]);
    expect([Meter.api(ApiCategory.FREE, CallSource.IN_CLOUD), Meter.DATA_SYNC_ORDERS, Meter.WALI_MESSAGES].map(isLevelMeter)).toEqual([false, false, false]);
  });

  it('every meter a default price list prices is one ingestion writes (the package fee reads the package rows)', () => {
    const written = new Set(
      meterIncrements({
        appkey: 'k',
        idempotencyKey: 'meter-spec',
        date: '2026-11-20',
        apiCalls: Object.values(ApiCategory).flatMap((category) => Object.values(CallSource).map((source) => ({ category, source, total: 1, successful: 1 }))),
        dataSyncNewOrders: 1,
        dataSyncPackage: DataSyncPackage.ADVANCED,
        waliMessages: 1,
        crmRelations: 1,
      }).map((i) => (packageOfMeter(i.meter) ? PACKAGE_METER : i.meter)),
    );
    for (const list of DEFAULT_PRICE_LISTS) for (const c of list.charges) expect(written).toContain(c.meter);
  });
});
