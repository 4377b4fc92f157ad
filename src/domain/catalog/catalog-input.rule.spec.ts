import { ApplicationChannel, PackageKind, TrafficMode } from './catalog.enums';
import { checkPackageInput, checkTagInput, PackageFacts } from './catalog-input.rule';

const pkgs = new Map<string, PackageFacts>([
  ['BASIC_OPENNESS', { code: 'BASIC_OPENNESS', kind: PackageKind.VALUE_ADDED, dailyQuota: null }],
  ['TRAFFIC_100K', { code: 'TRAFFIC_100K', kind: PackageKind.TRAFFIC, dailyQuota: 100_000 }],
  ['TRAFFIC_1M', { code: 'TRAFFIC_1M', kind: PackageKind.TRAFFIC, dailyQuota: 1_000_000 }],
]);

// DOMAIN §2.1: TAOBAOKE, 5,000 dev-test, 20,000 default online, ladder 100k → 1M.
const taobaoke = {
  code: 'TAOBAOKE',
  name: 'Taobaoke',
  devTestQuota: 5_000,
  defaultOnlineQuota: 20_000,
  trafficMode: TrafficMode.LADDER,
  defaultPackageCodes: ['BASIC_OPENNESS'],
  applicablePackageCodes: ['TRAFFIC_100K', 'TRAFFIC_1M'],
};

describe('checkTagInput', () => {
  it('accepts the TAOBAOKE row of DOMAIN §2.1', () => {
    expect(checkTagInput(taobaoke, pkgs)).toEqual([]);
  });

  it.each([
    [{ code: 'lower' }, 'code', 'INVALID_CODE'],
    [{ name: '' }, 'name', 'REQUIRED'],
    [{ devTestQuota: -1 }, 'devTestQuota', 'OUT_OF_RANGE'],
    [{ defaultOnlineQuota: null }, 'defaultOnlineQuota', 'REQUIRED'],
    [{ applicablePackageCodes: ['NOPE'] }, 'applicablePackageCodes', 'UNKNOWN_PACKAGE'],
    [{ defaultOnlineQuota: 100_000 }, 'applicablePackageCodes', 'RUNG_NOT_ABOVE_DEFAULT'],
  ])('refuses %j: %s %s', (patch, field, rule) => {
    expect(checkTagInput({ ...taobaoke, ...patch }, pkgs)).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('a UV_BASED tag has no default online quota and no traffic ladder', () => {
    const uv = { ...taobaoke, trafficMode: TrafficMode.UV_BASED };
    const rules = checkTagInput(uv, pkgs).map((v) => v.rule);
    expect(rules).toEqual(['NOT_ALLOWED_FOR_UV_BASED', 'LADDER_ONLY']);
    expect(checkTagInput({ ...uv, defaultOnlineQuota: null, applicablePackageCodes: [] }, pkgs)).toEqual([]);
  });
});

describe('checkPackageInput', () => {
  it('an EMAIL-channel package needs a contact and its materials (Logistics Treasure, DOMAIN §2.4)', () => {
    const base = { code: 'LOGISTICS_TREASURE', name: 'Logistics Treasure', kind: PackageKind.VALUE_ADDED, applicationChannel: ApplicationChannel.EMAIL };
    expect(checkPackageInput(base).map((v) => v.rule)).toEqual(['REQUIRED', 'REQUIRED']);
    expect(checkPackageInput({ ...base, contactEmail: 'zhaopei.yzj@taobao.com', requiredMaterials: ['Product information'] })).toEqual([]);
  });

  it('a TRAFFIC package needs a positive daily quota and the online channel', () => {
    const base = { code: 'TRAFFIC_6M', name: '6M', kind: PackageKind.TRAFFIC, applicationChannel: ApplicationChannel.ONLINE };
    expect(checkPackageInput(base)).toEqual([expect.objectContaining({ field: 'dailyQuota', rule: 'REQUIRED' })]);
    expect(checkPackageInput({ ...base, dailyQuota: 0 })).toEqual([expect.objectContaining({ rule: 'OUT_OF_RANGE' })]);
    expect(checkPackageInput({ ...base, dailyQuota: 6_000_000 })).toEqual([]);
    expect(checkPackageInput({ ...base, dailyQuota: 6_000_000, applicationChannel: ApplicationChannel.EMAIL }).map((v) => v.rule)).toContain('TRAFFIC_IS_ONLINE');
  });

  it('refuses an unknown required function', () => {
    const p = { code: 'X_PKG', name: 'x', kind: PackageKind.VALUE_ADDED, applicationChannel: ApplicationChannel.ONLINE, requiredFunction: 'FLYING' };
    expect(checkPackageInput(p)).toEqual([expect.objectContaining({ field: 'requiredFunction', rule: 'UNKNOWN_FUNCTION' })]);
  });
});
