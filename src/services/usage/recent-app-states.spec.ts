import { AppStatus } from '../../domain/app/app.enums';
import { AppQuotaState } from '../../domain/usage/quota-snapshot.rule';
import { RecentAppStates } from './recent-app-states';

const state = (appkey: string, status = AppStatus.ONLINE): AppQuotaState => ({
  appId: `id-${appkey}`,
  appkey,
  name: 'App',
  ownerId: 'dev-1',
  status,
  tagCode: 'MERCHANT_BACKEND',
  grantedTrafficQuota: null,
  devTestQuota: 5000,
  defaultOnlineQuota: 100_000,
  valueAddedOutOfCloudPermitted: false,
  restrictedForArrears: false,
  ownerClosed: false,
  emergencyCalls: 0,
  usedToday: 0,
  operatorQuota: null,
  createdOn: '2026-11-01',
});
const map = (...states: AppQuotaState[]) => new Map(states.map((s) => [s.appkey, s]));

describe('RecentAppStates: the apps recent usage batches read', () => {
  it('answers a batch only when every one of its appkeys is kept', () => {
    const kept = new RecentAppStates();
    kept.store(map(state('a'), state('b')), '2026-11-20', 1_000);
    expect([...kept.allOf(['a', 'b'])!.keys()]).toEqual(['a', 'b']);
    expect(kept.allOf(['a', 'c'])).toBeNull();
  });

  it('readSince: only states read for that date at or after the bound (USAGE_QUOTA_STATE_MAX_AGE_SECONDS before now)', () => {
    const kept = new RecentAppStates();
    kept.store(map(state('a')), '2026-11-20', 10_000);
    expect(kept.readSince(['a'], '2026-11-20', 10_000)?.get('a')?.appkey).toBe('a');
    expect(kept.readSince(['a'], '2026-11-20', 10_001)).toBeNull();
    // The next Beijing day starts with no usable quota state (calls, grant and quota are per day).
    expect(kept.readSince(['a'], '2026-11-21', 0)).toBeNull();
    // A newer read replaces the older one.
    kept.store(map(state('a', AppStatus.SUSPENDED)), '2026-11-20', 20_000);
    expect(kept.readSince(['a'], '2026-11-20', 15_000)?.get('a')?.status).toBe(AppStatus.SUSPENDED);
  });

  it('keeps at most its bound: past 3 apps the least recently stored goes first; forget drops one', () => {
    const kept = new RecentAppStates(3);
    kept.store(map(state('a'), state('b'), state('c')), '2026-11-20', 1);
    kept.store(map(state('a')), '2026-11-20', 2); // a stored again: now the most recent
    kept.store(map(state('d')), '2026-11-20', 3);
    expect(kept.size).toBe(3);
    expect(kept.allOf(['b'])).toBeNull();
    expect(kept.allOf(['a', 'c', 'd'])).not.toBeNull();
    kept.forget('c');
    expect(kept.allOf(['c'])).toBeNull();
    expect(kept.size).toBe(2);
  });
});
