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

/**
 * Issue 13: every state change goes through change() and so leaves one audit entry (who, what,
 * before and after) in its transaction; a refused change leaves none. These mutations wrote no
 * entry before the conversion.
 */
describe('developer mutations converted to change() write who, what, before and after', () => {
  it('registerDeveloper, createApp, updateApp and rotateAppSecret (never the secret itself)', async () => {
    const dev = await t.developer('Audited Owner');
    expect((await entries('registerDeveloper')).find((e) => e.entityId === dev.id)).toMatchObject({ actorId: dev.id, actorRole: 'DEVELOPER', entityType: 'Developer', before: null, after: { name: 'Audited Owner' } });
    const created = await run('mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', { i: { name: 'Ledger App', tagCode: 'MERCHANT_BACKEND' } }, dev.token);
    const appId = (created.createApp as unknown as { id: string }).id;
    expect((await entries('createApp'))[0]).toMatchObject({ actorId: dev.id, entityType: 'App', entityId: appId, before: null, after: { name: 'Ledger App', status: 'DEVELOPING', secretVersion: 1 } });
    await run('mutation($id: ID!) { updateApp(id: $id, input: { name: "Ledger App Pro" }) { __typename } }', { id: appId }, dev.token);
    expect((await entries('updateApp'))[0]).toMatchObject({ entityId: appId, before: { name: 'Ledger App' }, after: { name: 'Ledger App Pro' } });
    const refused = await run('mutation($id: ID!) { updateApp(id: $id, input: { name: "x" }) { __typename } }', { id: appId }, dev.token);
    expect(refused.updateApp.__typename).toBe('InvalidInput');
    expect((await entries('updateApp')).filter((e) => e.entityId === appId)).toHaveLength(1);
    const rotated = await run('mutation($id: ID!) { rotateAppSecret(appId: $id, graceHours: 24) { ... on IssuedAppSecret { version secret } } }', { id: appId }, dev.token);
    const { secret } = rotated.rotateAppSecret as unknown as { secret: string };
    const [rotation] = await entries('rotateAppSecret');
    expect(rotation).toMatchObject({ entityId: appId, before: { secrets: [{ version: 1, validUntil: null }] }, after: { graceHours: 24, secrets: [{ version: 1 }, { version: 2, validUntil: null }] } });
    expect(JSON.stringify(rotation)).not.toContain(secret);
  });

  it('grantPartnerAccess and revokePartnerAccess: before null on a first grant, then the grant', async () => {
    const dev = await t.developer('Granting Soft');
    await run('mutation { grantPartnerAccess(partnerId: "audit-erp") { __typename } }', {}, dev.token);
    expect((await entries('grantPartnerAccess')).find((e) => e.actorId === dev.id)).toMatchObject({ entityType: 'PartnerGrant', before: null, after: { partnerId: 'audit-erp', revokedAt: null } });
    const again = await run('mutation { grantPartnerAccess(partnerId: "audit-erp") { __typename } }', {}, dev.token);
    expect(again.grantPartnerAccess.__typename).toBe('InvalidState');
    expect((await entries('grantPartnerAccess')).filter((e) => e.actorId === dev.id)).toHaveLength(1);
    await run('mutation { revokePartnerAccess(partnerId: "audit-erp") { __typename } }', {}, dev.token);
    expect((await entries('revokePartnerAccess')).find((e) => e.actorId === dev.id)).toMatchObject({ before: { revokedAt: null }, after: { partnerId: 'audit-erp', revokedAt: expect.any(String) } });
  });

  it('market product edits and a trial order; an order the balance cannot cover records nothing', async () => {
    const isv = await t.developer('Market Soft');
    const created = await run('mutation { createMarketProduct(input: { name: "Shop CRM", saleMode: BY_CYCLE }) { ... on MarketProduct { id } } }', {}, isv.token);
    const productId = (created.createMarketProduct as unknown as { id: string }).id;
    expect((await entries('createMarketProduct'))[0]).toMatchObject({ actorId: isv.id, entityType: 'MarketProduct', entityId: productId, before: null, after: { name: 'Shop CRM', status: 'DRAFT' } });
    await run('mutation($id: ID!) { updateMarketProduct(id: $id, input: { name: "Shop CRM Plus" }) { __typename } }', { id: productId }, isv.token);
    expect((await entries('updateMarketProduct'))[0]).toMatchObject({ entityId: productId, before: { name: 'Shop CRM' }, after: { name: 'Shop CRM Plus' } });
    const added = await run(
      'mutation($id: ID!) { addMarketVersion(productId: $id, input: { name: "Standard", trialDays: 7, prices: { monthNew: "10", monthRenew: "10" } }) { ... on MarketVersion { id } } }',
      { id: productId },
      isv.token,
    );
    const versionId = (added.addMarketVersion as unknown as { id: string }).id;
    expect((await entries('addMarketVersion'))[0]).toMatchObject({ entityType: 'MarketVersion', entityId: versionId, before: null, after: { name: 'Standard', trialDays: 7 } });
    // The last visible version cannot be hidden: refused, nothing recorded.
    const hidden = await run('mutation($id: ID!) { hideMarketVersion(versionId: $id) { __typename } }', { id: versionId }, isv.token);
    expect(hidden.hideMarketVersion.__typename).toBe('InvalidInput');
    expect(await entries('hideMarketVersion')).toEqual([]);

    await t.ds.query("UPDATE market_product SET status = 'LISTED', listed_at = NOW() WHERE id = ?", [productId]);
    const buyer = await t.developer('Buying Soft');
    const trial = await run('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { __typename ... on MarketOrder { id } } }', { i: { type: 'NEW', versionId, trial: true, cycle: 'MONTH' } }, buyer.token);
    const orderId = (trial.placeOrder as unknown as { id: string }).id;
    expect((await entries('placeOrder'))[0]).toMatchObject({ actorId: buyer.id, entityType: 'MarketOrder', entityId: orderId, before: null, after: { order: { type: 'NEW', trial: true, amount: '0.00' }, subscription: { trial: true } } });
    // 10.00 for a month on a balance of 0.00: refused, rolled back, no entry.
    const paid = await run('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { __typename } }', { i: { type: 'NEW', versionId, cycle: 'MONTH', length: 1 } }, buyer.token);
    expect(paid.placeOrder.__typename).toBe('InsufficientBalance');
    expect((await entries('placeOrder')).filter((e) => e.actorId === buyer.id)).toHaveLength(1);
  });

  it('recharge records the balance before and after, a repeated key records nothing; setPaymentMode and notification settings', async () => {
    const dev = await t.developer('Paying Soft');
    const q = 'mutation { recharge(amount: "100.00", idempotencyKey: "audit-recharge-1") { __typename } }';
    await run(q, {}, dev.token);
    await run(q, {}, dev.token);
    const recharges = (await entries('recharge')).filter((e) => e.actorId === dev.id);
    expect(recharges).toEqual([expect.objectContaining({ entityType: 'BillingAccount', entityId: dev.id, before: { balance: '0.00' }, after: expect.objectContaining({ balance: '100.00', amount: '100.00', idempotencyKey: 'audit-recharge-1' }) })]);
    await run('mutation { setPaymentMode(mode: ALIPAY_AUTO_DEBIT, agreementNo: "AGR-2026-0001") { __typename } }', {}, dev.token);
    expect((await entries('setPaymentMode'))[0]).toMatchObject({ entityId: dev.id, before: { paymentMode: 'PREPAID', alipayAgreementNo: null }, after: { paymentMode: 'ALIPAY_AUTO_DEBIT', alipayAgreementNo: 'AGR-2026-0001' } });
    await run('mutation { setNotificationPreference(kind: APP_REVIEW_APPROVED, channel: EMAIL, enabled: false) { __typename } }', {}, dev.token);
    expect((await entries('setNotificationPreference'))[0]).toMatchObject({ entityType: 'NotificationSettings', entityId: dev.id, before: { preferences: {} }, after: { preferences: { 'APP_REVIEW_APPROVED:EMAIL': false } } });
    await run('mutation { setNotificationContacts(input: { email: "ops@paying.example.com" }) { __typename } }', {}, dev.token);
    expect((await entries('setNotificationContacts'))[0]).toMatchObject({ before: { email: null }, after: { email: 'ops@paying.example.com' } });
  });
});

describe('operator mutations converted to change() write who, what, before and after', () => {
  it('setIsvOnboarded and setCalendarDay', async () => {
    const dev = await t.developer('Standing Soft');
    await run('mutation($d: ID!) { setIsvOnboarded(developerId: $d, onboarded: true) { __typename } }', { d: dev.id }, operator);
    expect((await entries('setIsvOnboarded'))[0]).toMatchObject({ actorId: 'audit-operator', entityType: 'Developer', entityId: dev.id, before: { onboardedOverride: null }, after: { onboardedOverride: true } });
    await run('mutation { setCalendarDay(date: "2031-05-01", kind: OFF, note: "Labour Day") { __typename } }', {}, operator);
    expect((await entries('setCalendarDay'))[0]).toMatchObject({ entityType: 'CalendarDay', entityId: '2031-05-01', before: null, after: { kind: 'OFF', note: 'Labour Day' } });
  });
});
