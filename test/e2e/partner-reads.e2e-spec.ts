/**
 * Issue 6, partner operations: a granted partner reads, by manifest hash only, a developer's
 * package applications and bills for a period; an ungranted or revoked partner gets NOT_FOUND.
 * Figures from DOMAIN §5: 12,000 data-sync orders on a Taobao day bill 12.00.
 */
import { Role } from '../../src/domain/common/role';
import { PartnerDeveloperBillsDocument, PartnerDeveloperPackageApplicationsDocument } from '../../src/partner-operations/generated/graphql';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let dev: { id: string; token: string };
let partner: string;

async function run(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, unknown>> {
  const res = await t.post({ query, variables }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, unknown>;
}

beforeAll(async () => {
  t = await TestApp.start(); // Beijing 2026-11-20
  dev = await t.developer('Granting Soft');
  partner = await t.token(Role.PARTNER, 'erp-partner-1');
  const created = (await run('mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id appkey } } }', { i: { name: 'Appraisal App', tagCode: 'MERCHANT_BACKEND', declaredFunctions: ['PERFORMANCE_APPRAISAL'] } }, dev.token))
    .createApp as { id: string; appkey: string };
  await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [created.id]);
  await run('mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "WANGWANG_CHAT_HISTORY") { __typename } }', { id: created.id }, dev.token);
  const gateway = await t.token(Role.GATEWAY, 'gateway');
  await run(
    'mutation($k: String!) { recordUsage(records: [{ idempotencyKey: "partner-usage-1", appkey: $k, date: "2026-11-19", dataSyncNewOrders: 12000 }]) { __typename } }',
    { k: created.appkey },
    gateway,
  );
  await run('mutation { runBilling(platform: TAOBAO, period: "2026-11-19") { __typename } }', {}, await t.token(Role.OPERATOR));
  await run('mutation { grantPartnerAccess(partnerId: "erp-partner-1") { __typename } }', {}, dev.token);
});
afterAll(() => t?.stop());

describe('a granted partner reads by hash', () => {
  it("the developer's package applications: the pending Wangwang chat-history application", async () => {
    const res = await t.persisted(PartnerDeveloperPackageApplicationsDocument, { developerId: dev.id }, partner);
    expect(res.errors).toBeUndefined();
    expect(res.data!.partnerDeveloper.packageApplications.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: 'VALUE_ADDED', packageCode: 'WANGWANG_CHAT_HISTORY', status: 'PENDING', dueAt: '2026-11-25T16:00:00.000Z' }),
    ]);
  });

  it("the developer's bills for a Taobao day: 12,000 data-sync orders bill 12.00 (DOMAIN §5)", async () => {
    const res = await t.persisted(PartnerDeveloperBillsDocument, { developerId: dev.id, period: '2026-11-19', platform: 'TAOBAO' }, partner);
    expect(res.errors).toBeUndefined();
    const bills = res.data!.partnerDeveloper.bills;
    expect(bills.totalCount).toBe(1);
    expect(bills.edges[0].node).toMatchObject({ platform: 'TAOBAO', period: '2026-11-19', total: '12.00' });
    expect(bills.edges[0].node.lines).toContainEqual(expect.objectContaining({ quantity: '12000', amount: '12.00' }));
    const otherDay = await t.persisted(PartnerDeveloperBillsDocument, { developerId: dev.id, period: '2026-11-18' }, partner);
    expect(otherDay.data!.partnerDeveloper.bills.totalCount).toBe(0);
  });

  it('the same documents sent as text are refused', async () => {
    const { print } = await import('graphql');
    const res = await t.post({ query: print(PartnerDeveloperBillsDocument), variables: { developerId: dev.id, period: '2026-11-19' } }, partner);
    expect(errorCode(res)).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });
});

describe('without a grant', () => {
  it('a partner the developer never granted gets NOT_FOUND', async () => {
    const stranger = await t.token(Role.PARTNER, 'erp-partner-2');
    expect(errorCode(await t.persisted(PartnerDeveloperBillsDocument, { developerId: dev.id, period: '2026-11-19' }, stranger))).toBe('NOT_FOUND');
    expect(errorCode(await t.persisted(PartnerDeveloperPackageApplicationsDocument, { developerId: dev.id }, stranger))).toBe('NOT_FOUND');
  });

  it('after revokePartnerAccess the partner gets NOT_FOUND', async () => {
    const other = await t.developer('Revoking Soft');
    const token = await t.token(Role.PARTNER, 'erp-partner-3');
    await run('mutation { grantPartnerAccess(partnerId: "erp-partner-3") { __typename } }', {}, other.token);
    expect((await t.persisted(PartnerDeveloperPackageApplicationsDocument, { developerId: other.id }, token)).data!.partnerDeveloper.packageApplications).toMatchObject({ totalCount: 0, edges: [] });
    await run('mutation { revokePartnerAccess(partnerId: "erp-partner-3") { __typename } }', {}, other.token);
    expect(errorCode(await t.persisted(PartnerDeveloperPackageApplicationsDocument, { developerId: other.id }, token))).toBe('NOT_FOUND');
  });
});
