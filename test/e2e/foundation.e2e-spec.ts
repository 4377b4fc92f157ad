/**
 * Foundation (issue 2): the catalog, developer accounts, apps, roles and cross-tenant refusals,
 * driven over HTTP against a fresh MySQL/MariaDB database. Figures from DOMAIN §2.1 and §2.2.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/domain/common/role';
import { schemaSdl } from '../../src/graphql/schema-sdl';
import {
  AppDocument,
  CatalogDocument,
  CreateAppDocument,
  CreateAppInput,
  MeDocument,
  MyAppsDocument,
  RegisterDeveloperDocument,
  UpdateAppDocument,
  UpsertPackageDocument,
  UpsertTagDocument,
} from '../generated/graphql';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t?.stop());

const validApp = (patch: Partial<CreateAppInput> = {}): CreateAppInput => ({
  name: 'Order Helper',
  description: 'Syncs orders for merchants',
  logoUrl: 'https://cdn.example.com/logo.png',
  callbackUrl: 'https://example.com/callback',
  tagCode: 'MERCHANT_BACKEND',
  inCloud: true,
  declaredFunctions: ['ORDER_MANAGEMENT'],
  ...patch,
});

async function createApp(token: string, patch: Partial<CreateAppInput> = {}) {
  const res = await t.gql(CreateAppDocument, { input: validApp(patch) }, token);
  const payload = res.data!.createApp;
  if (payload.__typename !== 'App') throw new Error(`createApp refused: ${JSON.stringify(payload)}`);
  return payload;
}

const appCount = async (): Promise<number> => Number((await t.ds.query('SELECT COUNT(*) AS n FROM app'))[0].n);

describe('HTTP', () => {
  it('GET /healthz answers while the process is up, /readyz while the database answers', async () => {
    const base = t.server.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('the committed schema.graphql is the schema the server serves', async () => {
    expect(readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8')).toBe(await schemaSdl());
  });
});

describe('catalog (DOMAIN §2.1), public', () => {
  it('an anonymous caller reads all nine tags with their quotas, modes and ladders', async () => {
    const { data } = await t.gql(CatalogDocument);
    const tags = Object.fromEntries(data!.tags.edges.map((e) => e.node).map((tag) => [tag.code, tag]));
    expect(Object.keys(tags).sort()).toEqual([
      'BUYER_APP',
      'ISV_BACKEND',
      'MERCHANT_BACKEND',
      'ONLINE_ORDERING',
      'STORE_MODULE_BACK',
      'STORE_MODULE_FRONT',
      'TAOBAOKE',
      'WIRELESS_BUYER',
      'XTAO_SITE',
    ]);
    for (const tag of data!.tags.edges.map((e) => e.node)) expect(tag.devTestQuota).toBe(5_000);
    expect(tags.MERCHANT_BACKEND).toMatchObject({ defaultOnlineQuota: 100_000, trafficMode: 'LADDER' });
    expect(tags.MERCHANT_BACKEND.ladder.map((p) => p.dailyQuota)).toEqual([500_000, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000]);
    expect(tags.ISV_BACKEND).toMatchObject({ defaultOnlineQuota: 100_000, trafficMode: 'CONTRACT', ladder: [] });
    expect(tags.ONLINE_ORDERING.ladder.map((p) => p.dailyQuota)).toEqual([2_000_000, 3_000_000, 4_000_000, 5_000_000]);
    expect(tags.TAOBAOKE).toMatchObject({ defaultOnlineQuota: 20_000 });
    expect(tags.TAOBAOKE.ladder.map((p) => p.dailyQuota)).toEqual([100_000, 1_000_000]);
    expect(tags.TAOBAOKE.defaultPackages.map((p) => p.code).sort()).toEqual(['BASIC_OPENNESS', 'TAOBAOKE']);
    expect(tags.BUYER_APP.defaultPackages.map((p) => p.code).sort()).toEqual(['BASIC_OPENNESS', 'TAOBAOKE']);
    expect(tags.STORE_MODULE_FRONT).toMatchObject({ defaultOnlineQuota: 1_000_000, trafficMode: 'CONTRACT' });
    expect(tags.STORE_MODULE_BACK).toMatchObject({ defaultOnlineQuota: 1_000_000, trafficMode: 'LADDER' });
    for (const code of ['WIRELESS_BUYER', 'XTAO_SITE']) {
      expect(tags[code]).toMatchObject({ defaultOnlineQuota: null, trafficMode: 'UV_BASED', ladder: [], applicablePackages: [] });
      expect(tags[code].trafficNote).toMatch(/UV-based/);
    }
    expect(tags.MERCHANT_BACKEND.applicablePackages.map((p) => p.code)).toContain('WANGWANG_CHAT_HISTORY');
  });

  it('email-channel packages carry their address and required materials (DOMAIN §2.4)', async () => {
    const { data } = await t.gql(CatalogDocument);
    const pkgs = Object.fromEntries(data!.packages.edges.map((e) => e.node).map((p) => [p.code, p]));
    expect(pkgs.LOGISTICS_TREASURE).toMatchObject({ applicationChannel: 'EMAIL', contactEmail: 'zhaopei.yzj@taobao.com' });
    expect(pkgs.LOGISTICS_TREASURE.requiredMaterials).toContain('Supply and demand information');
    expect(pkgs.JUHUASUAN).toMatchObject({ applicationChannel: 'EMAIL', contactEmail: 'baoyi@taobao.com' });
    expect(pkgs.JUHUASUAN.requiredMaterials).toContain('Website traffic');
    expect(pkgs.WANGWANG_CHAT_HISTORY).toMatchObject({ applicationChannel: 'ONLINE', requiredFunction: 'PERFORMANCE_APPRAISAL' });
  });

  it('re-running the seed changes nothing (idempotent, fixed ids)', async () => {
    const before = await t.ds.query('SELECT COUNT(*) AS n FROM tag_package');
    const { runSeeds } = await import('../../src/db/seeds');
    await runSeeds(t.ds);
    expect(await t.ds.query('SELECT COUNT(*) AS n FROM tag_package')).toEqual(before);
  });
});

describe('identity and roles', () => {
  it('anonymous callers read only the catalog', async () => {
    for (const res of [await t.gql(MeDocument), await t.gql(MyAppsDocument, {}), await t.gql(CreateAppDocument, { input: validApp() })]) {
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
  });

  it.each([
    ['not a bearer header', 'Basic abc'],
    ['a malformed token', 'Bearer not.a.jwt!'],
    ['a token signed with another secret', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiREVWRUxPUEVSIiwic3ViIjoieCJ9.c2lnbmF0dXJl'],
  ])('refuses %s with UNAUTHENTICATED and a 401', async (_why, header) => {
    const res = await t.post({ query: '{ tags { edges { node { code } } } }' }, undefined, { authorization: header });
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token whose role claim is unknown', async () => {
    const { SignJWT } = await import('jose');
    const jwt = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(t.config.auth.issuer)
      .setAudience(t.config.auth.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(t.config.auth.jwtSecret));
    const res = await t.gql(MeDocument, {}, jwt);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/role/);
  });

  it('registerDeveloper opens the account once; me returns it', async () => {
    const token = await t.token(Role.DEVELOPER, 'dev-register-1');
    expect((await t.gql(MeDocument, {}, token)).data!.me).toBeNull();
    const first = await t.gql(RegisterDeveloperDocument, { input: { name: 'Hangzhou Soft', kind: 'ISV' } }, token);
    expect(first.data!.registerDeveloper).toMatchObject({ __typename: 'Developer', id: 'dev-register-1', kind: 'ISV', onboarded: false });
    const again = await t.gql(RegisterDeveloperDocument, { input: { name: 'Again', kind: 'ISV' } }, token);
    expect(again.data!.registerDeveloper).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'id', rule: 'ALREADY_REGISTERED' }] });
    expect((await t.gql(MeDocument, {}, token)).data!.me).toMatchObject({ name: 'Hangzhou Soft', kind: 'ISV' });
  });

  // PARTNER credentials run only persisted operations (issue 6): any document sent as text is
  // refused before field authorization, see hardening.e2e-spec.ts and the authorization matrix.
  it.each([Role.REVIEWER, Role.OPERATOR, Role.GATEWAY] as const)('%s has no developer account: me and createApp are FORBIDDEN', async (role) => {
    const token = await t.token(role);
    expect(errorCode(await t.gql(MeDocument, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CreateAppDocument, { input: validApp() }, token))).toBe('FORBIDDEN');
  });
});

describe('apps', () => {
  it('createApp registers a DEVELOPING app with a generated 8-digit appkey, the tag defaults and the 5,000/day development-test quota', async () => {
    const dev = await t.developer();
    const app = await createApp(dev.token);
    expect(app).toMatchObject({
      status: 'DEVELOPING',
      name: 'Order Helper',
      inCloud: true,
      declaredFunctions: ['ORDER_MANAGEMENT'],
      tag: { code: 'MERCHANT_BACKEND' },
      packages: [{ code: 'BASIC_OPENNESS' }],
      quotaToday: { date: '2026-11-20', limit: 5_000, source: 'DEVELOPMENT_TEST' },
    });
    expect(app.appkey).toMatch(/^[1-9]\d{7}$/);
    const other = await createApp(dev.token);
    expect(other.appkey).not.toBe(app.appkey);
  });

  it.each([
    ['an empty name', { name: '' }, 'name', 'REQUIRED'],
    ['a 51-character name', { name: 'n'.repeat(51) }, 'name', 'TOO_LONG'],
    ['a non-http(s) callback URL', { callbackUrl: 'ftp://example.com/cb' }, 'callbackUrl', 'NOT_HTTP_URL'],
    ['an unknown tag', { tagCode: 'NO_SUCH_TAG' }, 'tagCode', 'UNKNOWN_TAG'],
    ['an unknown declared function', { declaredFunctions: ['MIND_READING'] }, 'declaredFunctions', 'UNKNOWN_FUNCTION'],
  ])('createApp refuses %s, naming the field and rule, and writes nothing', async (_why, patch, field, rule) => {
    const dev = await t.developer();
    const before = await appCount();
    const res = await t.gql(CreateAppDocument, { input: validApp(patch) }, dev.token);
    expect(res.data!.createApp).toMatchObject({ __typename: 'InvalidInput', code: 'INVALID_INPUT', violations: [{ field, rule }] });
    expect(await appCount()).toBe(before);
  });

  it('createApp by a developer who has not registered is refused with NOT_REGISTERED', async () => {
    const res = await t.gql(CreateAppDocument, { input: validApp() }, await t.token(Role.DEVELOPER));
    expect(res.data!.createApp).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'developer', rule: 'NOT_REGISTERED' }] });
  });

  it('updateApp changes only the fields given and validates them', async () => {
    const dev = await t.developer();
    const app = await createApp(dev.token);
    const res = await t.gql(UpdateAppDocument, { id: app.id, input: { description: 'Now with refunds', tagCode: 'TAOBAOKE' } }, dev.token);
    expect(res.data!.updateApp).toMatchObject({ __typename: 'App', name: 'Order Helper', description: 'Now with refunds', tag: { code: 'TAOBAOKE' } });
    const bad = await t.gql(UpdateAppDocument, { id: app.id, input: { callbackUrl: 'gopher://x', name: 'x' } }, dev.token);
    expect(bad.data!.updateApp).toMatchObject({ __typename: 'InvalidInput' });
    expect((bad.data!.updateApp as { violations: { field: string }[] }).violations.map((v) => v.field).sort()).toEqual(['callbackUrl', 'name']);
    expect((await t.gql(AppDocument, { id: app.id }, dev.token)).data!.app.description).toBe('Now with refunds');
  });

  it('updateApp on an app IN_REVIEW is refused with the current state; an ONLINE app keeps its tag', async () => {
    const dev = await t.developer();
    const app = await createApp(dev.token);
    await t.ds.query("UPDATE app SET status = 'IN_REVIEW' WHERE id = ?", [app.id]);
    const res = await t.gql(UpdateAppDocument, { id: app.id, input: { name: 'Renamed' } }, dev.token);
    expect(res.data!.updateApp).toMatchObject({ __typename: 'InvalidState', currentState: 'IN_REVIEW', action: 'updateApp', reason: 'NOT_EDITABLE' });
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [app.id]);
    const tagChange = await t.gql(UpdateAppDocument, { id: app.id, input: { tagCode: 'TAOBAOKE' } }, dev.token);
    expect(tagChange.data!.updateApp).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'tagCode', rule: 'TAG_FROZEN' }] });
  });

  it('quotaToday follows DOMAIN §2.2: ONLINE 100,000 (MERCHANT_BACKEND default), granted package 500,000, SUSPENDED 0, UV-based null', async () => {
    const dev = await t.developer();
    const app = await createApp(dev.token);
    const quota = async () => (await t.gql(AppDocument, { id: app.id }, dev.token)).data!.app.quotaToday;
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [app.id]);
    expect(await quota()).toMatchObject({ limit: 100_000, source: 'TAG_DEFAULT' });
    await t.ds.query('UPDATE app SET granted_traffic_quota = 500000 WHERE id = ?', [app.id]);
    expect(await quota()).toMatchObject({ limit: 500_000, source: 'TRAFFIC_PACKAGE' });
    await t.ds.query("UPDATE app SET status = 'SUSPENDED' WHERE id = ?", [app.id]);
    expect(await quota()).toMatchObject({ limit: 0, source: 'SUSPENDED' });
    const uv = await createApp(dev.token, { tagCode: 'WIRELESS_BUYER' });
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [uv.id]);
    expect((await t.gql(AppDocument, { id: uv.id }, dev.token)).data!.app.quotaToday).toMatchObject({ limit: null, source: 'UV_BASED' });
  });

  it('quotaToday is dated by the Beijing calendar: 23:59 and 00:01 Beijing on one UTC day are two dates', async () => {
    const dev = await t.developer();
    const app = await createApp(dev.token);
    t.clock.set('2026-11-20T15:59:00Z');
    expect((await t.gql(AppDocument, { id: app.id }, dev.token)).data!.app.quotaToday.date).toBe('2026-11-20');
    t.clock.set('2026-11-20T16:01:00Z');
    expect((await t.gql(AppDocument, { id: app.id }, dev.token)).data!.app.quotaToday.date).toBe('2026-11-21');
    t.clock.set('2026-11-20T04:00:00Z');
  });

  it('myApps pages newest first with a cursor', async () => {
    const dev = await t.developer();
    for (let i = 1; i <= 7; i++) await createApp(dev.token, { name: `App number ${i}` });
    const first = (await t.gql(MyAppsDocument, { first: 3 }, dev.token)).data!.myApps;
    expect(first.totalCount).toBe(7);
    expect(first.edges.map((e) => e.node.name)).toEqual(['App number 7', 'App number 6', 'App number 5']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(MyAppsDocument, { first: 3, after: first.pageInfo.endCursor }, dev.token)).data!.myApps;
    expect(second.edges.map((e) => e.node.name)).toEqual(['App number 4', 'App number 3', 'App number 2']);
    const last = (await t.gql(MyAppsDocument, { first: 3, after: second.pageInfo.endCursor }, dev.token)).data!.myApps;
    expect(last.edges.map((e) => e.node.name)).toEqual(['App number 1']);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('myApps refuses a bad page size or a forged cursor with BAD_USER_INPUT naming the argument', async () => {
    const dev = await t.developer();
    const big = await t.gql(MyAppsDocument, { first: 101 }, dev.token);
    expect(errorCode(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toMatch(/^first:/);
    const forged = await t.gql(MyAppsDocument, { after: 'bm9wZQ' }, dev.token);
    expect(forged.errors![0].message).toMatch(/^after:/);
  });
});

describe('tenancy: a developer sees and changes only their own apps', () => {
  it("another developer's app answers exactly like an id that does not exist", async () => {
    const alice = await t.developer('Alice');
    const bob = await t.developer('Bob');
    const app = await createApp(alice.token);
    const theirs = await t.gql(AppDocument, { id: app.id }, bob.token);
    const missing = await t.gql(AppDocument, { id: '999999999' }, bob.token);
    expect(errorCode(theirs)).toBe('NOT_FOUND');
    expect(theirs.errors![0].message.replace(app.id, 'ID')).toBe(missing.errors![0].message.replace('999999999', 'ID'));
    const update = await t.gql(UpdateAppDocument, { id: app.id, input: { name: 'Hijacked' } }, bob.token);
    expect(errorCode(update)).toBe('NOT_FOUND');
    expect((await t.gql(AppDocument, { id: app.id }, alice.token)).data!.app.name).toBe('Order Helper');
    expect((await t.gql(MyAppsDocument, {}, bob.token)).data!.myApps.edges.map((e) => e.node.id)).not.toContain(app.id);
  });

  it('reviewers and operators read any app; partners and the gateway may not read apps this way', async () => {
    const dev = await t.developer();
    const app = await createApp(dev.token);
    for (const role of [Role.REVIEWER, Role.OPERATOR] as const) {
      expect((await t.gql(AppDocument, { id: app.id }, await t.token(role))).data!.app.id).toBe(app.id);
    }
    expect(errorCode(await t.gql(AppDocument, { id: app.id }, await t.token(Role.GATEWAY)))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(AppDocument, { id: app.id }, await t.token(Role.PARTNER)))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(errorCode(await t.gql(UpdateAppDocument, { id: app.id, input: { name: 'Staff edit' } }, await t.token(Role.OPERATOR)))).toBe('FORBIDDEN');
  });
});

describe('operators keep the catalog', () => {
  it('upsertPackage adds a 6M traffic rung and upsertTag puts it on a ladder; both show in the catalog', async () => {
    const op = await t.token(Role.OPERATOR);
    const pkg = await t.gql(UpsertPackageDocument, { input: { code: 'TRAFFIC_6M', name: '6M/day', kind: 'TRAFFIC', dailyQuota: 6_000_000, applicationChannel: 'ONLINE' } }, op);
    expect(pkg.data!.upsertPackage).toMatchObject({ __typename: 'Package', code: 'TRAFFIC_6M', dailyQuota: 6_000_000 });
    const tag = await t.gql(
      UpsertTagDocument,
      {
        input: {
          code: 'STORE_MODULE_BACK',
          name: 'Store module, back-end key',
          devTestQuota: 5_000,
          defaultOnlineQuota: 1_000_000,
          trafficMode: 'LADDER',
          defaultPackageCodes: ['BASIC_OPENNESS'],
          applicablePackageCodes: ['TRAFFIC_2M', 'TRAFFIC_3M', 'TRAFFIC_4M', 'TRAFFIC_5M', 'TRAFFIC_6M', 'WANGWANG_CHAT_HISTORY'],
        },
      },
      op,
    );
    expect(tag.data!.upsertTag).toMatchObject({ __typename: 'Tag', code: 'STORE_MODULE_BACK' });
    const catalog = (await t.gql(CatalogDocument)).data!;
    expect(catalog.tags.edges.map((e) => e.node).find((x) => x.code === 'STORE_MODULE_BACK')!.ladder.map((p) => p.code)).toEqual(['TRAFFIC_2M', 'TRAFFIC_3M', 'TRAFFIC_4M', 'TRAFFIC_5M', 'TRAFFIC_6M']);
  });

  it('upsertTag refuses a rung at or below the default quota and unknown packages, and writes nothing', async () => {
    const op = await t.token(Role.OPERATOR);
    const before = await t.ds.query("SELECT package_code FROM tag_package WHERE tag_code = 'TAOBAOKE' ORDER BY package_code");
    const res = await t.gql(
      UpsertTagDocument,
      {
        input: {
          code: 'TAOBAOKE',
          name: 'Taobaoke',
          devTestQuota: 5_000,
          defaultOnlineQuota: 100_000,
          trafficMode: 'LADDER',
          defaultPackageCodes: ['BASIC_OPENNESS', 'GHOST'],
          applicablePackageCodes: ['TRAFFIC_100K', 'TRAFFIC_1M'],
        },
      },
      op,
    );
    const rules = (res.data!.upsertTag as { violations: { field: string; rule: string }[] }).violations.map((v) => `${v.field}:${v.rule}`);
    expect(rules).toEqual(['defaultPackageCodes:UNKNOWN_PACKAGE', 'applicablePackageCodes:RUNG_NOT_ABOVE_DEFAULT']);
    expect(await t.ds.query("SELECT package_code FROM tag_package WHERE tag_code = 'TAOBAOKE' ORDER BY package_code")).toEqual(before);
    expect((await t.ds.query("SELECT default_online_quota AS q FROM tag WHERE code = 'TAOBAOKE'"))[0].q).toBe(20_000);
  });

  it('upsertPackage refuses an EMAIL-channel package without materials', async () => {
    const res = await t.gql(UpsertPackageDocument, { input: { code: 'NEW_MAIL_PKG', name: 'Mail', kind: 'VALUE_ADDED', applicationChannel: 'EMAIL', contactEmail: 'a@b.cn' } }, await t.token(Role.OPERATOR));
    expect(res.data!.upsertPackage).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'requiredMaterials', rule: 'REQUIRED' }] });
  });

  it.each([Role.DEVELOPER, Role.REVIEWER, Role.GATEWAY] as const)('%s may not edit the catalog (FORBIDDEN)', async (role) => {
    const res = await t.gql(UpsertPackageDocument, { input: { code: 'X_PKG', name: 'x', kind: 'VALUE_ADDED', applicationChannel: 'NONE' } }, await t.token(role));
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('anonymous callers may not edit the catalog (UNAUTHENTICATED)', async () => {
    expect(errorCode(await t.gql(UpsertPackageDocument, { input: { code: 'X_PKG', name: 'x', kind: 'VALUE_ADDED', applicationChannel: 'NONE' } }))).toBe('UNAUTHENTICATED');
  });
});

describe('no N+1', () => {
  it('myApps with tags, packages and quota issues the same number of SQL statements for 5 apps and for 50', async () => {
    const count = async (n: number) => {
      const dev = await t.developer();
      for (let i = 0; i < n; i++) await createApp(dev.token, { name: `Bulk ${i}`, tagCode: i % 2 ? 'MERCHANT_BACKEND' : 'TAOBAOKE' });
      const { result, statements } = await t.queries.during(() => t.gql(MyAppsDocument, { first: 100 }, dev.token));
      expect(result.data!.myApps.edges).toHaveLength(n);
      expect(result.data!.myApps.edges.every((e) => e.node.tag.defaultPackages.length > 0 && e.node.quotaToday.limit === 5_000)).toBe(true);
      return statements.length;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(4); // apps page, count, tags, tag packages
  });
});
