import { AppStatus } from '../app/app.enums';
import { QuotaSource, quotaToday } from './quota-today.rule';

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
    expect(quotaToday({ ...merchantBackend, status })).toEqual({ limit, source });
  });

  it('an ONLINE app with a granted 500,000 package gets the package, not the tag default', () => {
    expect(quotaToday({ ...merchantBackend, status: AppStatus.ONLINE, grantedTrafficQuota: 500_000 })).toEqual({
      limit: 500_000,
      source: QuotaSource.TRAFFIC_PACKAGE,
    });
  });

  it('a granted package does not lift a SUSPENDED app above 0', () => {
    expect(quotaToday({ ...merchantBackend, status: AppStatus.SUSPENDED, grantedTrafficQuota: 500_000 }).limit).toBe(0);
  });

  it('an ONLINE app on a UV-based tag (WIRELESS_BUYER) has no fixed limit', () => {
    expect(quotaToday({ status: AppStatus.ONLINE, devTestQuota: 5_000, defaultOnlineQuota: null, grantedTrafficQuota: null })).toEqual({
      limit: null,
      source: QuotaSource.UV_BASED,
    });
  });
});
