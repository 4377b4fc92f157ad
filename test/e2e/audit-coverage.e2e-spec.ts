/**
 * Issue 6: every reviewer and operator mutation leaves an audit entry (who, when, what, before and
 * after) in the same transaction as its change; a refused mutation leaves none. Driven over HTTP,
 * read back through the operator's `auditLog`.
 */
import { Role } from '../../src/domain/common/role';
import { TestApp } from '../support/test-app';

let t: TestApp;
let operator: string;
let reviewer: string;
beforeAll(async () => {
  t = await TestApp.start();
  operator = await t.token(Role.OPERATOR, 'audit-operator');
  reviewer = await t.token(Role.REVIEWER, 'audit-reviewer');
});
afterAll(() => t?.stop());

interface Entry {
  action: string;
  actorId: string;
  actorRole: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function entries(action: string): Promise<Entry[]> {
  const res = await t.post(
    {
      query: 'query($a: String) { auditLog(first: 50, action: $a) { edges { node { action actorId actorRole entityType entityId before after } } } }',
      variables: { a: action },
    },
    operator,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return (res.data as { auditLog: { edges: { node: Entry }[] } }).auditLog.edges.map((e) => e.node);
}

async function run(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, { __typename?: string }>> {
  const res = await t.post({ query, variables }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, { __typename?: string }>;
}

async function onlineApp(declaredFunctions: string[] = []) {
  const dev = await t.developer('Audited Soft');
  const created = await run(
    'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id appkey } } }',
    { i: { name: 'Audited App', tagCode: 'MERCHANT_BACKEND', declaredFunctions } },
    dev.token,
  );
  const app = created.createApp as unknown as { id: string; appkey: string };
  await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [app.id]);
  return { dev, app };
}

describe('operator mutations write who, what, before and after', () => {
  it('upsertCapabilityCategory: before null on creation, then the previous row', async () => {
    const q = 'mutation($i: UpsertCapabilityCategoryInput!) { upsertCapabilityCategory(input: $i) { __typename } }';
    await run(q, { i: { code: 'AUDIT_CAT', name: 'Audit category', customOnly: false } }, operator);
    await run(q, { i: { code: 'AUDIT_CAT', name: 'Audit category', customOnly: true } }, operator);
    const [second, first] = await entries('upsertCapabilityCategory');
    expect(first).toMatchObject({ actorId: 'audit-operator', actorRole: 'OPERATOR', entityType: 'CapabilityCategory', entityId: 'AUDIT_CAT', before: null, after: { customOnly: false } });
    expect(second).toMatchObject({ before: { customOnly: false }, after: { customOnly: true } });
  });

  it('setValueAddedOutOfCloudPermitted, setAppBillingPlatform and setQualityDiscount record the app settings they change', async () => {
    const { app } = await onlineApp();
    await run('mutation($id: ID!) { setValueAddedOutOfCloudPermitted(appId: $id, permitted: true) { ... on App { id } } }', { id: app.id }, operator);
    expect((await entries('setValueAddedOutOfCloudPermitted'))[0]).toMatchObject({
      entityType: 'App',
      entityId: app.id,
      before: { valueAddedOutOfCloudPermitted: false },
      after: { valueAddedOutOfCloudPermitted: true },
    });
    await run('mutation($id: ID!) { setAppBillingPlatform(appId: $id, platform: DOUYIN) { ... on App { id } } }', { id: app.id }, operator);
    expect((await entries('setAppBillingPlatform'))[0]).toMatchObject({ before: { billingPlatform: 'TAOBAO' }, after: { billingPlatform: 'DOUYIN' } });
    const discount = await run('mutation($id: ID!) { setQualityDiscount(appId: $id, percent: "20", effectiveFrom: "2026-11-01") { __typename } }', { id: app.id }, operator);
    expect(discount.setQualityDiscount.__typename).toBe('QualityDiscount');
    expect((await entries('setQualityDiscount'))[0]).toMatchObject({ entityId: `${app.id}@2026-11-01`, before: null, after: { percent: '20.00' } });
  });

  it('adjustBalance and setBillingTerms record the account before and after; a refused adjustment records nothing', async () => {
    const dev = await t.developer('Billed Soft');
    await run('mutation($d: ID!) { adjustBalance(developerId: $d, amount: "5.00", reason: "goodwill", idempotencyKey: "audit-adj-1") { __typename } }', { d: dev.id }, operator);
    expect((await entries('adjustBalance'))[0]).toMatchObject({ entityType: 'BillingAccount', entityId: dev.id, before: { balance: '0.00' }, after: { balance: '5.00', reason: 'goodwill' } });
    const refused = await run('mutation($d: ID!) { adjustBalance(developerId: $d, amount: "-50.00", reason: "too much", idempotencyKey: "audit-adj-2") { __typename } }', { d: dev.id }, operator);
    expect(refused.adjustBalance.__typename).toBe('InvalidState');
    expect(await entries('adjustBalance')).toHaveLength(1);
    await run('mutation($d: ID!) { setBillingTerms(developerId: $d, deposit: "1000.00", newIsv: true) { __typename } }', { d: dev.id }, operator);
    expect((await entries('setBillingTerms'))[0]).toMatchObject({ before: { newIsv: false }, after: { deposit: '1000.00', newIsv: true } });
  });

  it('upsertCouponPolicy records the policy; an invalid price list records nothing', async () => {
    await run('mutation { upsertCouponPolicy(input: { platform: TAOBAO, code: "AUDIT_COUPON", amount: "10", validFrom: "2030-01-01" }) { __typename } }', {}, operator);
    expect((await entries('upsertCouponPolicy'))[0]).toMatchObject({ entityType: 'CouponPolicy', entityId: 'AUDIT_COUPON', before: null });
    const bad = await run('mutation { upsertPriceList(input: { platform: DOUYIN, effectiveFrom: "2030-01-01", charges: [] }) { __typename } }', {}, operator);
    expect(bad.upsertPriceList.__typename).toBe('InvalidInput');
    expect(await entries('upsertPriceList')).toEqual([]);
  });

  it('runBilling and collectArrears each leave one summary entry per run', async () => {
    await run('mutation { runBilling(platform: TAOBAO, period: "2026-11-19") { __typename } }', {}, operator);
    await run('mutation { collectArrears { ... on ArrearsCollection { developers } } }', {}, operator);
    expect(await entries('runBilling')).toEqual([expect.objectContaining({ entityType: 'BillingRun', entityId: 'TAOBAO:2026-11-19', actorId: 'audit-operator' })]);
    expect(await entries('collectArrears')).toEqual([expect.objectContaining({ entityType: 'BillingRun', after: expect.objectContaining({ developers: expect.any(Number) }) })]);
  });
});

describe('reviewer decisions write who, what, before and after', () => {
  it('decideApplication: a rejected Wangwang chat-history application, PENDING before, REJECTED after', async () => {
    const { dev, app } = await onlineApp(['PERFORMANCE_APPRAISAL']);
    const applied = await run('mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "WANGWANG_CHAT_HISTORY") { __typename ... on PackageApplication { id } } }', { id: app.id }, dev.token);
    const id = (applied.applyForValueAddedPackage as unknown as { id: string }).id;
    expect(id).toEqual(expect.any(String));
    await run('mutation($id: ID!) { decideApplication(id: $id, decision: REJECT, reason: "no appraisal module in the demo") { __typename } }', { id }, reviewer);
    expect((await entries('decideApplication'))[0]).toMatchObject({
      actorId: 'audit-reviewer',
      actorRole: 'REVIEWER',
      entityType: 'PackageApplication',
      entityId: id,
      before: { status: 'PENDING' },
      after: { status: 'REJECTED', rejectionReason: 'no appraisal module in the demo' },
    });
  });

  it('decideMemberCapabilityApplication and liftMemberCapabilityBar', async () => {
    const dev = await t.developer('Member Soft');
    const input = {
      categoryCode: 'APPAREL',
      productKind: 'MINI_PROGRAM',
      build: 'TEMPLATE',
      merchantTier: 'POTENTIAL',
      merchantSegment: 'Apparel stores with 10,000+ members',
      isvName: 'Member Soft',
      dingTalkContact: 'dingtalk-12345',
      demoDocumentUrl: 'https://docs.example.com/member-demo',
      permissionsRequested: ['crm.member.read'],
      usageScenario: 'A member points mall inside the store',
      companyIntroduction: 'Ten years of e-commerce software',
      successCases: 'Points malls for 30 apparel brands',
    };
    const applied = await run('mutation($i: MemberCapabilityApplicationInput!) { applyForMemberCapability(input: $i) { __typename ... on MemberCapabilityApplication { id } } }', { i: input }, dev.token);
    const id = (applied.applyForMemberCapability as unknown as { id: string }).id;
    expect(id).toEqual(expect.any(String));
    await run('mutation($id: ID!) { decideMemberCapabilityApplication(id: $id, decision: REJECT, rejectionCodes: [WEAK_MEMBER_MINDSET]) { __typename } }', { id }, reviewer);
    expect((await entries('decideMemberCapabilityApplication'))[0]).toMatchObject({ entityId: id, before: { status: 'PENDING' }, after: { status: 'REJECTED' } });
    await run('mutation($d: ID!) { liftMemberCapabilityBar(developerId: $d) { ... on MemberCapabilityStanding { barred } } }', { d: dev.id }, operator);
    expect((await entries('liftMemberCapabilityBar'))[0]).toMatchObject({ entityType: 'Developer', entityId: dev.id, before: { strikes: 1, barred: false }, after: { strikes: 0, barred: false } });
  });
});
