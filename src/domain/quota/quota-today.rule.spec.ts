import { AppStatus } from '../app/app.enums';
import { EmergencyInput, EmergencyRefusal, emergencyTraffic, QuotaSource, QuotaState, quotaToday } from './quota-today.rule';

// DOMAIN §2.2, with MERCHANT_BACKEND figures (5,000 development-test, 100,000 default online).
const merchantBackend = { devTestQuota: 5_000, defaultOnlineQuota: 100_000, grantedTrafficQuota: null };

describe('quotaToday (DOMAIN §2.2)', () => {
  it.each([
    [AppStatus.DEVELOPING, 5_000, QuotaSource.DEVELOPMENT_TEST],
    [AppStatus.IN_REVIEW, 5_000, QuotaSource.DEVELOPMENT_TEST],
    [AppStatus.REJECTED, 5_000, QuotaSource.DEVELOPMENT_TEST],
    [AppStatus.ONLINE, 100_000, QuotaSource.TAG_DEFAULT],
    [AppStatus.SUSPENDED, 0, QuotaSource.SUSPENDED],
  ])('%s app gets %d calls/day from %s', (status, limit, source) => {
    expect(quotaToday({ ...merchantBackend, status })).toEqual({ limit, baseLimit: limit, source, emergencyCalls: 0, state: QuotaState.NORMAL });
  });

  it('an ONLINE app with a granted 500,000 package gets the package, not the tag default', () => {
    expect(quotaToday({ ...merchantBackend, status: AppStatus.ONLINE, grantedTrafficQuota: 500_000 })).toMatchObject({
      limit: 500_000,
      source: QuotaSource.TRAFFIC_PACKAGE,
    });
  });

  it('a granted package does not lift a SUSPENDED app above 0', () => {
    expect(quotaToday({ ...merchantBackend, status: AppStatus.SUSPENDED, grantedTrafficQuota: 500_000 }).limit).toBe(0);
  });

  it('an ONLINE app on a UV-based tag (WIRELESS_BUYER) has no fixed limit', () => {
    expect(quotaToday({ status: AppStatus.ONLINE, devTestQuota: 5_000, defaultOnlineQuota: null, grantedTrafficQuota: null })).toMatchObject({
      limit: null,
      source: QuotaSource.UV_BASED,
    });
  });

  it('emergency traffic granted today: 100,000 + 50,000 = 150,000, state "limit reached, emergency traffic granted"', () => {
    expect(quotaToday({ ...merchantBackend, status: AppStatus.ONLINE, emergencyCallsToday: 50_000 })).toEqual({
      limit: 150_000,
      baseLimit: 100_000,
      source: QuotaSource.TAG_DEFAULT,
      emergencyCalls: 50_000,
      state: QuotaState.LIMIT_REACHED_EMERGENCY_GRANTED,
    });
  });

  it('an app suspended after its grant loses the emergency traffic with the rest', () => {
    expect(quotaToday({ ...merchantBackend, status: AppStatus.SUSPENDED, emergencyCallsToday: 50_000 })).toMatchObject({ limit: 0, emergencyCalls: 0, state: QuotaState.NORMAL });
  });
});

describe('emergencyTraffic (DOMAIN §2.2: 50% of the quota, once per app per Beijing day)', () => {
  const online: EmergencyInput = { status: AppStatus.ONLINE, tagCode: 'MERCHANT_BACKEND', baseLimit: 100_000, alreadyGrantedToday: false, usedToday: 100_000 };
  it.each<[string, Partial<EmergencyInput>, ReturnType<typeof emergencyTraffic>]>([
    ['MERCHANT_BACKEND at 100,000 of 100,000 gets 50,000', {}, { grant: true, calls: 50_000 }],
    ['at 99,999 of 100,000: not yet', { usedToday: 99_999 }, { grant: false, reason: EmergencyRefusal.LIMIT_NOT_REACHED }],
    ['reported by the gateway (no metered figure)', { usedToday: null }, { grant: true, calls: 50_000 }],
    ['a second time the same day', { alreadyGrantedToday: true }, { grant: false, reason: EmergencyRefusal.ALREADY_GRANTED_TODAY }],
    ['an XTAO_SITE app', { tagCode: 'XTAO_SITE', baseLimit: 5_000 }, { grant: false, reason: EmergencyRefusal.TAG_EXCLUDED }],
    ['a WIRELESS_BUYER app', { tagCode: 'WIRELESS_BUYER' }, { grant: false, reason: EmergencyRefusal.TAG_EXCLUDED }],
    ['a DEVELOPING app', { status: AppStatus.DEVELOPING, baseLimit: 5_000 }, { grant: false, reason: EmergencyRefusal.NOT_ONLINE }],
    ['a UV-based quota', { baseLimit: null }, { grant: false, reason: EmergencyRefusal.NO_FIXED_QUOTA }],
    ['an odd quota rounds down: 20,001 ⇒ 10,000', { baseLimit: 20_001, usedToday: 20_001 }, { grant: true, calls: 10_000 }],
  ])('%s', (_why, patch, expected) => {
    expect(emergencyTraffic({ ...online, ...patch })).toEqual(expected);
  });
});
