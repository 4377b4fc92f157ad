import { AppStatus } from '../app/app.enums';
import { CallDenial, callPermission, CallPermissionInput } from './call-permission.rule';
import { ApiCategory, CallSource } from './usage.enums';

const base: CallPermissionInput = {
  status: AppStatus.ONLINE,
  ownerClosed: false,
  category: ApiCategory.BASIC,
  source: CallSource.IN_CLOUD,
  valueAddedOutOfCloudPermitted: false,
  restrictedForArrears: false,
  limit: 100_000,
  usedToday: 0,
};

describe('callPermission (issue 4: the gateway asks before each call)', () => {
  it.each<[string, Partial<CallPermissionInput>, CallDenial | null]>([
    ['within quota', { usedToday: 99_999 }, null],
    ['at quota (100,000 of 100,000)', { usedToday: 100_000 }, CallDenial.QUOTA_EXHAUSTED],
    ['at quota with emergency traffic (limit 150,000)', { usedToday: 100_000, limit: 150_000 }, null],
    ['UV-based: no fixed limit', { usedToday: 10_000_000, limit: null }, null],
    ['suspended', { status: AppStatus.SUSPENDED, limit: 0 }, CallDenial.APP_SUSPENDED],
    ['value-added out of cloud, not permitted', { category: ApiCategory.VALUE_ADDED, source: CallSource.OUT_OF_CLOUD }, CallDenial.VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN],
    ['value-added out of cloud, permitted', { category: ApiCategory.VALUE_ADDED, source: CallSource.OUT_OF_CLOUD, valueAddedOutOfCloudPermitted: true }, null],
    ['in arrears, basic API', { restrictedForArrears: true }, CallDenial.DEVELOPER_IN_ARREARS],
    ['in arrears, free API', { restrictedForArrears: true, category: ApiCategory.FREE }, null],
    ['account closed, free API (DOMAIN §6 closure: nothing is called)', { ownerClosed: true, category: ApiCategory.FREE }, CallDenial.ACCOUNT_CLOSED],
    ['account closed wins over a suspension', { ownerClosed: true, status: AppStatus.SUSPENDED }, CallDenial.ACCOUNT_CLOSED],
  ])('%s', (_why, patch, reason) => {
    const answer = callPermission({ ...base, ...patch });
    expect(answer.allowed ? null : answer.reason).toBe(reason);
  });
});
