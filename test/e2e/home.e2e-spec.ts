/**
 * The developer home page in one request (issue 15): `App.latestReviewRound`,
 * `App.reviewRounds(first, after)`, `App.pendingApplications`, `App.monthToDate`,
 * `Developer.pendingMemberCapabilityApplications`, over HTTP against a fresh database.
 *
 * The clock stands at Friday 2026-11-20 12:00 Beijing (04:00Z). DOMAIN §3: a round or an
 * application submitted now is due at 24:00 Beijing of Wednesday 2026-11-25 (2026-11-25T16:00Z),
 * 3 working days after today (Mon 23, Tue 24, Wed 25). DOMAIN §2.3: a TAOBAOKE app at its default
 * 20,000 calls/day applies for the next rung, 100,000.
 */
import { addDays } from '../../src/domain/common/beijing-time';
import { Role } from '../../src/domain/common/role';
import { PartnerDeveloperAppsDocument } from '../../src/partner-operations/generated/graphql';
import {
  AppHomeFieldsDocument,
  AppReviewRoundsPageDocument,
  CreateAppDocument,
  DecideReviewDocument,
  DeveloperHomeDocument,
  MyPendingMemberCapabilityApplicationsDocument,
  SubmitAppForReviewDocument,
} from '../generated/graphql';
import { errorCode, TestApp } from '../support/test-app';

const NOW = '2026-11-20T04:00:00Z';
const DUE = '2026-11-25T16:00:00.000Z';

let t: TestApp;
let reviewer: string;
let operator: string;
let gateway: string;
let owner: { id: string; token: string };
/** A: MERCHANT_BACKEND, approved in round 1, a pending Wangwang chat-history application, a bill of 2026-11-19. */
let appA: { id: string; appkey: string };
/** B: rejected in round 1, resubmitted: round 2 pending. */
let appB: { id: string; appkey: string };
/** C: TAOBAOKE, ONLINE without review rounds, a pending traffic application for 100,000/day. */
let appC: { id: string; appkey: string };
/** Bill totals of 2026-11-19 by appkey: A's data sync and C's week of calls each made one. */
const billTotal = new Map<string, string>();
let seq = 0;

async function createApp(token: string, name: string, tagCode: string, declaredFunctions: string[] = []) {
  const created = (await t.gql(CreateAppDocument, { input: { name, tagCode, declaredFunctions } }, token)).data!.createApp;
  if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
  return { id: created.id, appkey: created.appkey };
}
async function submit(token: string, appId: string): Promise<string> {
  const r = (await t.gql(SubmitAppForReviewDocument, { appId }, token)).data!.submitAppForReview;
  if (r.__typename !== 'ReviewRound') throw new Error(JSON.stringify(r));
  return r.id;
}
const decide = (roundId: string, decision: 'APPROVE' | 'REJECT') =>
  t.gql(DecideReviewDocument, { input: { roundId, decision, ...(decision === 'REJECT' ? { reasons: ['INCOMPLETE_MATERIAL'], explanation: 'no demo account' } : {}) } }, reviewer);
async function gql(query: string, variables: Record<string, unknown>, token: string) {
  const res = await t.post({ query, variables }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

beforeAll(async () => {
  t = await TestApp.start({ now: NOW });
  reviewer = await t.token(Role.REVIEWER, 'home-reviewer');
  operator = await t.token(Role.OPERATOR, 'home-operator');
  gateway = await t.token(Role.GATEWAY, 'home-gateway');
  owner = await t.developer('Home Soft');

  appA = await createApp(owner.token, 'Order Sync', 'MERCHANT_BACKEND', ['PERFORMANCE_APPRAISAL']);
  await decide(await submit(owner.token, appA.id), 'APPROVE');
  const va = await gql('mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "WANGWANG_CHAT_HISTORY") { __typename } }', { id: appA.id }, owner.token);
  expect(va.applyForValueAddedPackage.__typename).toBe('PackageApplication');

  appB = await createApp(owner.token, 'Shop Insight', 'MERCHANT_BACKEND');
  await decide(await submit(owner.token, appB.id), 'REJECT');
  await submit(owner.token, appB.id);

  appC = await createApp(owner.token, 'Coupon Finder', 'TAOBAOKE');
  await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [appC.id]);
  // DOMAIN §2.3: 7 complete days of 10,000 calls, all successful, before the application.
  const week = Array.from({ length: 7 }, (_, i) => ({ idempotencyKey: `home-w-${++seq}`, appkey: appC.appkey, date: addDays('2026-11-13', i), apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 10_000, successful: 10_000 }] }));
  expect((await gql('mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename } }', { r: week }, gateway)).recordUsage.__typename).toBe('UsageBatchReceipt');
  const traffic = await gql('mutation($id: ID!) { applyForTrafficPackage(appId: $id, packageCode: "TRAFFIC_100K") { __typename } }', { id: appC.id }, owner.token);
  expect(traffic.applyForTrafficPackage.__typename).toBe('PackageApplication');

  // Bills of apps A and C for Taobao day 2026-11-19 (in the Beijing month 2026-11 of the clock).
  await gql('mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename } }', { r: [{ idempotencyKey: 'home-bill', appkey: appA.appkey, date: '2026-11-19', dataSyncNewOrders: 12_000 }] }, gateway);
  await gql('mutation { runBilling(platform: TAOBAO, period: "2026-11-19") { __typename } }', {}, operator);
  const bills = await gql('{ bills(filter: { period: "2026-11-19" }) { edges { node { appkey total } } } }', {}, owner.token);
  for (const { node } of bills.bills.edges as { node: { appkey: string; total: string } }[]) billTotal.set(node.appkey, node.total);
  expect([...billTotal.keys()].sort()).toEqual([appA.appkey, appC.appkey].sort());

  await t.ds.query('UPDATE developer SET onboarded = 1 WHERE id = ?', [owner.id]);
  const mc = await gql(
    'mutation($i: MemberCapabilityApplicationInput!) { applyForMemberCapability(input: $i) { __typename } }',
    {
      i: {
        categoryCode: 'APPAREL', productKind: 'MINI_PROGRAM', build: 'TEMPLATE', merchantTier: 'POTENTIAL', merchantSegment: 'Apparel stores with 10,000+ members',
        isvName: 'Home Soft', dingTalkContact: 'dingtalk-1', demoDocumentUrl: 'https://docs.example.com/demo', permissionsRequested: ['crm.member.read'], usageScenario: 'A points mall',
      },
    },
    owner.token,
  );
  expect(mc.applyForMemberCapability.__typename).toBe('MemberCapabilityApplication');
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set(NOW));

describe('the owner reads the whole home page in one request', () => {
  it('each app with its latest round, pending applications and month to date; the month in total', async () => {
    const res = await t.gql(DeveloperHomeDocument, { first: 50 }, owner.token);
    expect(res.errors).toBeUndefined();
    const { me, myApps, monthToDate } = res.data!;
    expect(me).toMatchObject({ id: owner.id, name: 'Home Soft' });
    expect(myApps.totalCount).toBe(3);
    const [c, b, a] = myApps.edges.map((e) => e.node); // newest first
    expect([a.id, b.id, c.id]).toEqual([appA.id, appB.id, appC.id]);

    expect(a.latestReviewRound).toMatchObject({ roundNo: 1, status: 'APPROVED', overdue: false, workingDaysLeft: null });
    // round 2 of B, submitted now: due at the end of Wed 2026-11-25, 3 working days after Friday
    expect(b.latestReviewRound).toMatchObject({ roundNo: 2, status: 'PENDING', dueAt: DUE, overdue: false, workingDaysLeft: 3, reasons: [] });
    expect(c.latestReviewRound).toBeNull();

    expect(a.pendingApplications).toEqual([
      { kind: 'VALUE_ADDED', id: expect.any(String), appId: appA.id, subject: 'WANGWANG_CHAT_HISTORY', requestedQuota: null, submittedAt: '2026-11-20T04:00:00.000Z', dueAt: DUE, dueProvisional: false, overdue: false },
    ]);
    expect(b.pendingApplications).toEqual([]);
    expect(c.pendingApplications).toEqual([expect.objectContaining({ kind: 'TRAFFIC', appId: appC.id, subject: 'TRAFFIC_100K', requestedQuota: 100_000, dueAt: DUE })]);
    // DOMAIN §2.2: ONLINE MERCHANT_BACKEND at its tag's 100,000; ONLINE TAOBAOKE at 20,000
    expect([a.quotaToday.limit, c.quotaToday.limit]).toEqual([100_000, 20_000]);

    const mtd = (app: { id: string; appkey: string }) => ({ month: '2026-11', appId: app.id, platform: 'TAOBAO', bills: 1, total: billTotal.get(app.appkey), unpaid: expect.any(String) });
    expect(a.monthToDate).toEqual([mtd(appA)]);
    expect(b.monthToDate).toEqual([]);
    expect(c.monthToDate).toEqual([mtd(appC)]);
    // the root list is the same rows, in app order (one statement serves both)
    expect(monthToDate).toEqual({ totalCount: 2, edges: [{ ...mtd(appA), appkey: appA.appkey }, { ...mtd(appC), appkey: appC.appkey }].map((node) => ({ node })) });
    expect(Number(billTotal.get(appA.appkey))).toBeGreaterThan(0);
  });

  it("the developer's pending member-capability applications (they belong to the developer, not an app)", async () => {
    const { data } = await t.gql(MyPendingMemberCapabilityApplicationsDocument, undefined, owner.token);
    expect(data!.me!.pendingMemberCapabilityApplications.edges.map((e) => e.node)).toEqual([
      { kind: 'MEMBER_CAPABILITY', id: expect.any(String), appId: null, subject: 'APPAREL', submittedAt: '2026-11-20T04:00:00.000Z', dueAt: DUE, dueProvisional: false, overdue: false },
    ]);
  });

  it('after the due time: the pending round and applications are overdue, the round 1 working day past (Thu 2026-11-26)', async () => {
    t.clock.set('2026-11-26T02:00:00Z');
    const { data } = await t.gql(DeveloperHomeDocument, { first: 50 }, owner.token);
    const [c, b, a] = data!.myApps.edges.map((e) => e.node);
    expect(b.latestReviewRound).toMatchObject({ status: 'PENDING', overdue: true, workingDaysLeft: -1 });
    expect(a.pendingApplications.map((p) => p.overdue)).toEqual([true]);
    expect(c.pendingApplications.map((p) => p.overdue)).toEqual([true]);
  });

  it('an operator marking Tue 2026-11-24 OFF is seen by the next request (the calendar copy is dropped): 2 working days left', async () => {
    const set = (kind: 'OFF' | 'WORKDAY') => gql('mutation($k: CalendarDayKind!) { setCalendarDay(date: "2026-11-24", kind: $k, note: "home test") { __typename } }', { k: kind }, operator);
    const left = async () => (await t.gql(AppHomeFieldsDocument, { id: appB.id }, owner.token)).data!.app.latestReviewRound;
    const daysLeft = async () => (await gql('query($id: ID!) { app(id: $id) { latestReviewRound { workingDaysLeft } } }', { id: appB.id }, owner.token)).app.latestReviewRound.workingDaysLeft;
    expect(await left()).toMatchObject({ roundNo: 2 });
    expect(await daysLeft()).toBe(3);
    await set('OFF');
    try {
      expect(await daysLeft()).toBe(2);
    } finally {
      await set('WORKDAY');
    }
    expect(await daysLeft()).toBe(3);
  });
});

describe('App.reviewRounds(first, after): newest round first, paged by cursor', () => {
  it('first: 1 gives round 2 and a cursor; after it, round 1 and no next page', async () => {
    const page1 = (await t.gql(AppReviewRoundsPageDocument, { id: appB.id, first: 1 }, owner.token)).data!.app.reviewRounds;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { roundNo: 2, status: 'PENDING' } }] });
    const page2 = (await t.gql(AppReviewRoundsPageDocument, { id: appB.id, first: 1, after: page1.pageInfo.endCursor }, owner.token)).data!.app.reviewRounds;
    expect(page2).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { roundNo: 1, status: 'REJECTED' } }] });
    const all = (await t.gql(AppReviewRoundsPageDocument, { id: appB.id }, owner.token)).data!.app.reviewRounds;
    expect(all.edges.map((e) => e.node.roundNo)).toEqual([2, 1]);
  });

  it.each([
    [{ first: 0 }, 'first', 'OUT_OF_RANGE'],
    [{ first: 101 }, 'first', 'OUT_OF_RANGE'],
    [{ after: 'bm9wZQ' }, 'after', 'INVALID_CURSOR'],
  ])('%j is refused as BAD_USER_INPUT naming %s / %s', async (args, field, rule) => {
    const res = await t.gql(AppReviewRoundsPageDocument, { id: appB.id, ...args }, owner.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ violations: [{ field, rule }] });
  });
});

describe('who reads the new fields', () => {
  const ownerView = async () => (await t.gql(AppHomeFieldsDocument, { id: appA.id }, owner.token)).data!.app;

  it('another developer gets NOT_FOUND for the app, and their own home page holds none of the owner’s rows', async () => {
    const other = await t.developer('Other Soft');
    const res = await t.gql(AppHomeFieldsDocument, { id: appA.id }, other.token);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.data ?? null).toBeNull();
    const home = (await t.gql(DeveloperHomeDocument, { first: 50 }, other.token)).data!;
    expect(home).toEqual({ me: expect.objectContaining({ id: other.id }), myApps: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] }, monthToDate: { totalCount: 0, edges: [] } });
    expect((await t.gql(MyPendingMemberCapabilityApplicationsDocument, undefined, other.token)).data!.me!.pendingMemberCapabilityApplications).toEqual({ totalCount: 0, edges: [] });
  });

  it.each([
    ['REVIEWER', () => reviewer],
    ['OPERATOR', () => operator],
  ])('%s reads the same latest round, pending applications and month to date as the owner', async (_role, token) => {
    const mine = await ownerView();
    expect(mine.pendingApplications).toHaveLength(1);
    expect(mine.monthToDate).toHaveLength(1);
    expect((await t.gql(AppHomeFieldsDocument, { id: appA.id }, token())).data!.app).toEqual(mine);
  });

  it('a granted partner reads the review history through its manifest document (as a connection); other documents are refused', async () => {
    await gql('mutation { grantPartnerAccess(partnerId: "home-partner") { __typename } }', {}, owner.token);
    const partner = await t.token(Role.PARTNER, 'home-partner');
    const apps = await t.persisted(PartnerDeveloperAppsDocument, { developerId: owner.id }, partner);
    expect(apps.errors).toBeUndefined();
    const b = apps.data!.partnerDeveloper.apps.edges.find((e) => e.node.id === appB.id)!.node;
    expect(b.reviewRounds.totalCount).toBe(2);
    expect(b.reviewRounds.edges.map((e) => [e.node.roundNo, e.node.status, e.node.dueAt])).toEqual([
      [2, 'PENDING', DUE],
      [1, 'REJECTED', DUE],
    ]);
    expect(errorCode(await t.gql(AppHomeFieldsDocument, { id: appA.id }, partner))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    const stranger = await t.token(Role.PARTNER, 'home-stranger');
    expect(errorCode(await t.persisted(PartnerDeveloperAppsDocument, { developerId: owner.id }, stranger))).toBe('NOT_FOUND');
  });
});

describe('SQL statements per home page: at most 9, the same for 1 and 100 apps (no N+1)', () => {
  /** A developer with `n` ONLINE apps, each with a pending round, a pending application and a bill this month. */
  async function developerWith(n: number) {
    const dev = await t.developer(`Home ${n}`);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await createApp(dev.token, `Home app ${i}`, i % 2 ? 'MERCHANT_BACKEND' : 'TAOBAOKE')).id);
    // Rows as the workflows leave them, written directly: 100 review workflows would only slow the test.
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE owner_id = ?", [dev.id]);
    for (const [i, id] of ids.entries()) {
      await t.ds.query(
        "INSERT INTO review_round (subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, due_provisional, reasons) VALUES ('APP', ?, ?, 'TAOBAOKE', 1, 'PENDING', ?, ?, ?, 0, '[]')",
        [id, dev.id, dev.id, new Date(NOW), new Date(DUE)],
      );
      const filed = await t.ds.query(
        "INSERT INTO package_application (app_id, developer_id, kind, package_code, requested_quota, status, submitted_at, eligibility) VALUES (?, ?, 'VALUE_ADDED', 'WANGWANG_CHAT_HISTORY', NULL, 'PENDING', ?, '[]')",
        [id, dev.id, new Date(NOW)],
      );
      // The application's due time lives in its review round (issue 13).
      await t.ds.query(
        "INSERT INTO review_round (subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, due_provisional, reasons) VALUES ('PACKAGE_APPLICATION', ?, ?, 'TAOBAOKE', 1, 'PENDING', ?, ?, ?, 0, '[]')",
        [String(filed.insertId), dev.id, dev.id, new Date(NOW), new Date(DUE)],
      );
      const appkey = (await t.ds.query('SELECT appkey FROM app WHERE id = ?', [id]))[0].appkey;
      await t.ds.query(
        "INSERT INTO bill (app_id, appkey, developer_id, platform, period, period_start, period_end, status, total, coupon_total, price_list_id, run_id, issued_on) VALUES (?, ?, ?, 'TAOBAO', '2026-11-19', '2026-11-19', '2026-11-19', 'UNPAID', ?, '0.00', 'home-test', 'home-test', '2026-11-20')",
        [id, appkey, dev.id, `${i + 1}.50`],
      );
    }
    return dev;
  }

  it('1 app and 100 apps: the same statements, at most 9, each app with its rows', async () => {
    const [one, hundred] = [await developerWith(1), await developerWith(100)];
    const small = await t.queries.during(() => t.gql(DeveloperHomeDocument, { first: 100 }, one.token));
    const large = await t.queries.during(() => t.gql(DeveloperHomeDocument, { first: 100 }, hundred.token));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    const apps = large.result.data!.myApps.edges.map((e) => e.node);
    expect(apps).toHaveLength(100);
    for (const app of apps) {
      expect(app.latestReviewRound).toMatchObject({ status: 'PENDING', workingDaysLeft: 3 });
      expect(app.pendingApplications).toHaveLength(1);
      expect(app.monthToDate).toHaveLength(1);
    }
    // 1.50 + 2.50 + ... + 100.50 = 5,100.00 over the month's 100 bills
    expect(large.result.data!.monthToDate.edges.map((e) => e.node).reduce((s, r) => s + Number(r.total), 0)).toBe(5100);
    // 9: the month-to-date connection pages in SQL with its own statement (LIMIT, count as a window);
    // before it was a list read whole, shared with each app's monthToDate.
    expect(small.statements.length).toBeLessThanOrEqual(9);
    expect(large.statements.length).toBe(small.statements.length);
    // and none reads the working-day calendar: it is kept in process
    expect(large.statements.filter((s) => /calendar_day/.test(s))).toEqual([]);
  });
});
