/**
 * Traffic and value-added package applications (DOMAIN §2.3, §2.4; issue 4 steps 3-5), over HTTP
 * against a fresh database. The clock stands at Friday 2026-11-20 12:00 Beijing: the 7 complete
 * days measured are 2026-11-13 .. 2026-11-19, and an application submitted now is due at the end
 * of Wednesday 2026-11-25 (3 working days, DOMAIN §3's example).
 */
import { addDays } from '../../src/domain/common/beijing-time';
import { Role } from '../../src/domain/common/role';
import {
  AppPackageApplicationsDocument,
  AppPackagesDocument,
  ApplicationReviewQueueDocument,
  ApplyForTrafficPackageDocument,
  ApplyForValueAddedPackageDocument,
  CreateAppDocument,
  DecideApplicationDocument,
  MyNotificationsDocument,
  PackageApplicationDocument,
  RecordUsageDocument,
  TrafficPackageEligibilityDocument,
} from '../generated/graphql';
import { errorCode, TestApp, refusedCode } from '../support/test-app';

let t: TestApp;
let gateway: string;
let reviewer: string;
beforeAll(async () => {
  t = await TestApp.start();
  gateway = await t.token(Role.GATEWAY, 'gateway-1');
  reviewer = await t.token(Role.REVIEWER, 'reviewer-1');
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set('2026-11-20T04:00:00Z'));

let seq = 0;
async function app(tagCode = 'TAOBAOKE', opts: { status?: string; functions?: string[] } = {}) {
  const dev = await t.developer();
  const res = await t.gql(CreateAppDocument, { input: { name: 'Growing App', tagCode, declaredFunctions: opts.functions ?? [] } }, dev.token);
  const created = res.data!.createApp;
  if (created.__typename !== 'App') throw new Error(JSON.stringify(created));
  await t.ds.query('UPDATE app SET status = ? WHERE id = ?', [opts.status ?? 'ONLINE', created.id]);
  return { id: created.id, appkey: created.appkey, dev };
}

/** Reports one [total, successful] pair per day for the 7 complete days before 2026-11-20, through the gateway. */
async function week(appkey: string, days: [number, number][]) {
  const records = days.map(([total, successful], i) => ({
    idempotencyKey: `w-${++seq}`,
    appkey,
    date: addDays('2026-11-13', i),
    apiCalls: [{ category: 'BASIC' as const, source: 'IN_CLOUD' as const, total, successful }],
  }));
  const res = await t.gql(RecordUsageDocument, { records }, gateway);
  if (res.data?.recordUsage.__typename !== 'UsageBatchReceipt') throw new Error(JSON.stringify(res));
}
const same = (total: number, successful: number): [number, number][] => Array.from({ length: 7 }, () => [total, successful]);

const eligibility = async (a: { id: string; dev: { token: string } }) => (await t.gql(TrafficPackageEligibilityDocument, { appId: a.id }, a.dev.token)).data!.trafficPackageEligibility;
const apply = async (a: { id: string; dev: { token: string } }, packageCode: string) => (await t.gql(ApplyForTrafficPackageDocument, { appId: a.id, packageCode }, a.dev.token)).data!.applyForTrafficPackage;
const failedRules = (payload: unknown) => ((payload as { failedRules?: { rule: string }[] }).failedRules ?? []).map((r) => r.rule);
const decide = async (id: string, decision: 'APPROVE' | 'REJECT', reason?: string) => (await t.gql(DecideApplicationDocument, { id, decision, reason }, reviewer)).data!.decideApplication;
const appCountOfApplications = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM package_application'))[0].n);

describe('trafficPackageEligibility (DOMAIN §2.3)', () => {
  it('lists every rule with its measured figure and threshold, and the next rung: TAOBAOKE at 20,000 ⇒ 100,000', async () => {
    const a = await app();
    await week(a.appkey, same(10_000, 10_000));
    expect(await eligibility(a)).toEqual({
      appId: a.id,
      eligible: true,
      currentQuota: 20_000,
      nextRung: 100_000,
      nextRungPackageCode: 'TRAFFIC_100K',
      windowFrom: '2026-11-13',
      windowTo: '2026-11-19',
      offlineChannel: null,
      rules: [
        expect.objectContaining({ rule: 'APP_ONLINE', passed: true, measured: 'ONLINE', threshold: 'ONLINE' }),
        expect.objectContaining({ rule: 'LADDER_MODE', passed: true, measured: 'LADDER' }),
        expect.objectContaining({ rule: 'NO_PENDING_APPLICATION', passed: true, measured: '0' }),
        expect.objectContaining({ rule: 'SUCCESS_RATE', passed: true, measured: '100.00%', threshold: '≥ 98.00%' }),
        expect.objectContaining({ rule: 'EFFECTIVE_USE', passed: true, measured: '10000', threshold: '≥ 10000' }),
        expect.objectContaining({ rule: 'NEXT_RUNG', passed: true, measured: '100000' }),
      ],
    });
  });

  it.each<[string, [number, number][], string, string, boolean]>([
    ['success rate 97.99% over 7 days refuses', same(100_000, 97_990), 'SUCCESS_RATE', '97.99%', false],
    ['success rate 98.00% passes', same(100_000, 98_000), 'SUCCESS_RATE', '98.00%', true],
    ['quota 20,000 and 7-day average successful calls 9,999 refuses', same(9_999, 9_999), 'EFFECTIVE_USE', '9999', false],
    ['quota 20,000 and 7-day average successful calls 10,000 passes', same(10_000, 10_000), 'EFFECTIVE_USE', '10000', true],
    // Day 1: 100 calls, 90 successful (90%); days 2-7: 100,000 calls, 98,100 successful (98.1%).
    // The mean of the daily rates is 96.94% (would refuse); call-weighted it is 98.09%: passes.
    ['call-weighted, not a mean of daily rates', [[100, 90], ...Array.from({ length: 6 }, (): [number, number] => [100_000, 98_100])], 'SUCCESS_RATE', '98.09%', true],
  ])('%s', async (_why, days, rule, measured, passed) => {
    const a = await app();
    await week(a.appkey, days);
    const e = await eligibility(a);
    expect(e.rules.find((r) => r.rule === rule)).toMatchObject({ passed, measured });
    expect(e.eligible).toBe(passed);
  });

  it('no calls in the 7 days refuses: success rate "no calls" and effective use 0', async () => {
    const a = await app();
    const e = await eligibility(a);
    expect(e.eligible).toBe(false);
    expect(e.rules.filter((r) => !r.passed).map((r) => [r.rule, r.measured])).toEqual([
      ['SUCCESS_RATE', 'no calls'],
      ['EFFECTIVE_USE', '0'],
    ]);
  });

  it("today's calls and calls 8 days ago are outside the 7 complete days", async () => {
    const a = await app();
    const outside = ['2026-11-12', '2026-11-20'].map((date) => ({ idempotencyKey: `o-${++seq}`, appkey: a.appkey, date, apiCalls: [{ category: 'BASIC' as const, source: 'IN_CLOUD' as const, total: 500_000, successful: 500_000 }] }));
    await t.gql(RecordUsageDocument, { records: outside }, gateway);
    expect((await eligibility(a)).rules.find((r) => r.rule === 'SUCCESS_RATE')).toMatchObject({ passed: false, measured: 'no calls' });
  });

  it.each([
    ['ISV_BACKEND', 'CONTRACT', /negotiated offline by contract/],
    ['XTAO_SITE', 'UV_BASED', /UV-based/],
  ])('a %s (%s) app is told the offline channel, and applying is refused with it', async (tag, mode, note) => {
    const a = await app(tag);
    const e = await eligibility(a);
    expect(e.offlineChannel).toMatch(note);
    expect(e.rules.find((r) => r.rule === 'LADDER_MODE')).toMatchObject({ passed: false, measured: mode });
    const res = await apply(a, 'TRAFFIC_500K');
    expect(res.__typename).toBe('NotEligible');
    expect((res as { failedRules: { rule: string; message: string }[] }).failedRules.find((r) => r.rule === 'LADDER_MODE')!.message).toMatch(note);
  });
});

describe('applyForTrafficPackage and decideApplication', () => {
  it('TAOBAOKE at 20,000 is refused 1,000,000 (step by step) and may apply for 100,000, due at the end of Wednesday 2026-11-25', async () => {
    const a = await app();
    await week(a.appkey, same(10_000, 10_000));
    const before = await appCountOfApplications();
    const skip = await apply(a, 'TRAFFIC_1M');
    expect(skip).toMatchObject({ __typename: 'NotEligible', code: 'NOT_ELIGIBLE', failedRules: [{ rule: 'NEXT_RUNG', measured: '1000000', threshold: '100000' }] });
    expect(await appCountOfApplications()).toBe(before);
    const next = await apply(a, 'TRAFFIC_100K');
    expect(next).toMatchObject({
      __typename: 'PackageApplication',
      kind: 'TRAFFIC',
      packageCode: 'TRAFFIC_100K',
      requestedQuota: 100_000,
      status: 'PENDING',
      submittedAt: '2026-11-20T04:00:00.000Z',
      dueAt: '2026-11-25T16:00:00.000Z',
      dueProvisional: false,
    });
    expect((next as { eligibility: unknown[] }).eligibility).toHaveLength(6);
    const again = await apply(a, 'TRAFFIC_100K');
    expect(failedRules(again)).toEqual(['NO_PENDING_APPLICATION']);
  });

  it('refuses with every failed rule at once', async () => {
    const a = await app();
    await week(a.appkey, same(9_999, 9_000));
    const res = await apply(a, 'TRAFFIC_1M');
    expect(failedRules(res)).toEqual(['SUCCESS_RATE', 'EFFECTIVE_USE', 'NEXT_RUNG']);
  });

  it('an unknown package code is InvalidInput naming packageCode', async () => {
    const a = await app();
    expect(await apply(a, 'NO_SUCH')).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'packageCode', rule: 'UNKNOWN_TRAFFIC_PACKAGE' }] });
  });

  it('the reviewer approves: the app quota becomes the rung (100,000, TRAFFIC_PACKAGE); the developer is notified; a second decision is InvalidState', async () => {
    const a = await app();
    await week(a.appkey, same(10_000, 10_000));
    const submitted = (await apply(a, 'TRAFFIC_100K')) as { id: string };
    const approved = await decide(submitted.id, 'APPROVE');
    expect(approved).toMatchObject({ __typename: 'PackageApplication', status: 'APPROVED', decidedAt: '2026-11-20T04:00:00.000Z', rejectionReason: null });
    expect((await t.gql(AppPackagesDocument, { id: a.id }, a.dev.token)).data!.app.quotaToday).toMatchObject({ limit: 100_000, source: 'TRAFFIC_PACKAGE' });
    expect((await t.gql(MyNotificationsDocument, {}, a.dev.token)).data!.myNotifications.edges[0].node).toMatchObject({ kind: 'APPLICATION_APPROVED', appId: a.id });
    expect(await decide(submitted.id, 'REJECT', 'late')).toMatchObject({ __typename: 'InvalidState', currentState: 'APPROVED', action: 'decideApplication' });
    // The next rung from 100,000 is 1,000,000; effective use is now measured against 100,000.
    const e = await eligibility(a);
    expect(e).toMatchObject({ currentQuota: 100_000, nextRung: 1_000_000 });
    expect(e.rules.find((r) => r.rule === 'EFFECTIVE_USE')).toMatchObject({ passed: false, threshold: '≥ 50000' });
  });

  it('approval re-checks eligibility: an app suspended meanwhile cannot be approved, and the reviewer rejects with a reason', async () => {
    const a = await app();
    await week(a.appkey, same(10_000, 10_000));
    const submitted = (await apply(a, 'TRAFFIC_100K')) as { id: string };
    await t.ds.query("UPDATE app SET status = 'SUSPENDED' WHERE id = ?", [a.id]);
    const refused = await decide(submitted.id, 'APPROVE');
    expect(refused).toMatchObject({ __typename: 'NotEligible', failedRules: [{ rule: 'APP_ONLINE', measured: 'SUSPENDED' }] });
    expect((await t.gql(PackageApplicationDocument, { id: submitted.id }, a.dev.token)).data!.packageApplication.status).toBe('PENDING');
    expect(await decide(submitted.id, 'REJECT')).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'reason', rule: 'REQUIRED' }] });
    expect(await decide(submitted.id, 'REJECT', '   ')).toMatchObject({ __typename: 'InvalidInput' });
    expect(await decide(submitted.id, 'REJECT', 'App suspended for arrears')).toMatchObject({ status: 'REJECTED', rejectionReason: 'App suspended for arrears' });
    expect((await t.gql(MyNotificationsDocument, {}, a.dev.token)).data!.myNotifications.edges[0].node).toMatchObject({ kind: 'APPLICATION_REJECTED' });
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [a.id]);
    expect((await t.gql(AppPackagesDocument, { id: a.id }, a.dev.token)).data!.app.quotaToday).toMatchObject({ limit: 20_000, source: 'TAG_DEFAULT' });
  });

  it('approval re-checks usage too: a day that ends badly after submission turns the rate below 98%', async () => {
    const a = await app();
    await week(a.appkey, same(20_000, 19_600));
    const submitted = (await apply(a, 'TRAFFIC_100K')) as { id: string };
    expect(submitted).toMatchObject({ status: 'PENDING' });
    // Next day: the window moves to 11-14..11-20; the 20th had 10,000 calls with 9,000 successful.
    await t.gql(RecordUsageDocument, { records: [{ idempotencyKey: `late-${++seq}`, appkey: a.appkey, date: '2026-11-20', apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 10_000, successful: 9_000 }] }] }, gateway);
    t.clock.set('2026-11-21T04:00:00Z');
    expect(failedRules(await decide(submitted.id, 'APPROVE'))).toEqual(['SUCCESS_RATE']);
  });
});

describe('value-added package applications (DOMAIN §2.4)', () => {
  const applyVa = async (a: { id: string; dev: { token: string } }, code: string) => (await t.gql(ApplyForValueAddedPackageDocument, { appId: a.id, packageCode: code }, a.dev.token)).data!.applyForValueAddedPackage;

  it('Wangwang chat history: an app declaring PERFORMANCE_APPRAISAL applies; once approved the package appears on the app', async () => {
    const a = await app('MERCHANT_BACKEND', { functions: ['PERFORMANCE_APPRAISAL'] });
    const res = await applyVa(a, 'WANGWANG_CHAT_HISTORY');
    expect(res).toMatchObject({ __typename: 'PackageApplication', kind: 'VALUE_ADDED', packageCode: 'WANGWANG_CHAT_HISTORY', status: 'PENDING', dueAt: '2026-11-25T16:00:00.000Z' });
    expect((await t.gql(AppPackagesDocument, { id: a.id }, a.dev.token)).data!.app.packages.map((p) => p.code)).toEqual(['BASIC_OPENNESS']);
    expect(await decide((res as { id: string }).id, 'APPROVE')).toMatchObject({ status: 'APPROVED' });
    expect((await t.gql(AppPackagesDocument, { id: a.id }, a.dev.token)).data!.app.packages.map((p) => p.code)).toEqual(['BASIC_OPENNESS', 'WANGWANG_CHAT_HISTORY']);
    expect(failedRules(await applyVa(a, 'WANGWANG_CHAT_HISTORY'))).toEqual(['NOT_ALREADY_HELD']);
  });

  it('Wangwang chat history: an app not declaring PERFORMANCE_APPRAISAL is refused at once', async () => {
    const a = await app('MERCHANT_BACKEND', { functions: ['ORDER_MANAGEMENT'] });
    const res = await applyVa(a, 'WANGWANG_CHAT_HISTORY');
    expect(res).toMatchObject({ __typename: 'NotEligible', failedRules: [{ rule: 'REQUIRED_FUNCTION', measured: 'ORDER_MANAGEMENT', threshold: 'PERFORMANCE_APPRAISAL' }] });
  });

  it.each([
    ['LOGISTICS_TREASURE', 'zhaopei.yzj@taobao.com', 'Supply and demand information'],
    ['JUHUASUAN', 'baoyi@taobao.com', 'Website traffic'],
  ])('%s is not applied for online: the refusal carries the EMAIL channel, the address and the materials', async (code, email, material) => {
    const a = await app('MERCHANT_BACKEND');
    const before = await appCountOfApplications();
    const res = await applyVa(a, code);
    expect(res).toMatchObject({ __typename: 'OfflineChannel', code: 'OFFLINE_CHANNEL', channel: 'EMAIL', contactEmail: email });
    expect((res as { requiredMaterials: string[] }).requiredMaterials).toContain(material);
    expect(await appCountOfApplications()).toBe(before);
  });

  it('a package that comes with the tag is not applied for; a traffic code is not a value-added package', async () => {
    const a = await app('MERCHANT_BACKEND');
    expect(failedRules(await applyVa(a, 'BASIC_OPENNESS'))).toEqual(['ONLINE_CHANNEL', 'APPLICABLE_TO_TAG', 'NOT_ALREADY_HELD']);
    expect(await applyVa(a, 'TRAFFIC_500K')).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'packageCode', rule: 'UNKNOWN_VALUE_ADDED_PACKAGE' }] });
  });
});

describe('reviewer queue', () => {
  it('lists pending applications earliest due first and flags the overdue ones', async () => {
    // Wednesday 2026-11-18 12:00 Beijing: due end of Monday 2026-11-23.
    t.clock.set('2026-11-18T04:00:00Z');
    const early = await app('MERCHANT_BACKEND', { functions: ['PERFORMANCE_APPRAISAL'] });
    const first = (await t.gql(ApplyForValueAddedPackageDocument, { appId: early.id, packageCode: 'WANGWANG_CHAT_HISTORY' }, early.dev.token)).data!.applyForValueAddedPackage as { id: string; dueAt: string };
    expect(first.dueAt).toBe('2026-11-23T16:00:00.000Z');
    t.clock.set('2026-11-20T04:00:00Z');
    const late = await app('MERCHANT_BACKEND', { functions: ['PERFORMANCE_APPRAISAL'] });
    const second = (await t.gql(ApplyForValueAddedPackageDocument, { appId: late.id, packageCode: 'WANGWANG_CHAT_HISTORY' }, late.dev.token)).data!.applyForValueAddedPackage as { id: string };

    // Tuesday 2026-11-24 00:00 Beijing: the first is overdue, the second not.
    t.clock.set('2026-11-23T16:00:00Z');
    const queue = (await t.gql(ApplicationReviewQueueDocument, { first: 100 }, reviewer)).data!.applicationReviewQueue;
    const ours = queue.filter((q) => [first.id, second.id].includes(q.id));
    expect(ours).toEqual([
      expect.objectContaining({ id: first.id, type: 'PACKAGE', subject: 'WANGWANG_CHAT_HISTORY', appId: early.id, overdue: true }),
      expect.objectContaining({ id: second.id, overdue: false, dueAt: '2026-11-25T16:00:00.000Z' }),
    ]);
    const dues = queue.map((q) => q.dueAt);
    expect([...dues].sort()).toEqual(dues);
    await decide(first.id, 'REJECT', 'not needed');
    expect((await t.gql(ApplicationReviewQueueDocument, { first: 100 }, reviewer)).data!.applicationReviewQueue.map((q) => q.id)).not.toContain(first.id);
  });
});

describe('roles and tenancy', () => {
  it("another developer's app and application answer NOT_FOUND", async () => {
    const a = await app();
    await week(a.appkey, same(10_000, 10_000));
    const submitted = (await apply(a, 'TRAFFIC_100K')) as { id: string };
    const other = await t.developer('Other');
    expect(errorCode(await t.gql(TrafficPackageEligibilityDocument, { appId: a.id }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(ApplyForTrafficPackageDocument, { appId: a.id, packageCode: 'TRAFFIC_100K' }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(ApplyForValueAddedPackageDocument, { appId: a.id, packageCode: 'WANGWANG_CHAT_HISTORY' }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(PackageApplicationDocument, { id: submitted.id }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(AppPackageApplicationsDocument, { appId: a.id }, other.token))).toBe('NOT_FOUND');
    expect((await t.gql(AppPackageApplicationsDocument, { appId: a.id }, a.dev.token)).data!.appPackageApplications.edges.map((e) => e.node).map((x) => x.id)).toEqual([submitted.id]);
  });

  it('reviewers and operators read eligibility and applications; only developers apply; only reviewers decide; the queue is for staff', async () => {
    const a = await app();
    await week(a.appkey, same(10_000, 10_000));
    const submitted = (await apply(a, 'TRAFFIC_100K')) as { id: string };
    for (const role of [Role.REVIEWER, Role.OPERATOR] as const) {
      const token = await t.token(role);
      expect((await t.gql(TrafficPackageEligibilityDocument, { appId: a.id }, token)).data!.trafficPackageEligibility.eligible).toBe(false); // pending now
      expect((await t.gql(PackageApplicationDocument, { id: submitted.id }, token)).data!.packageApplication.id).toBe(submitted.id);
      expect(errorCode(await t.gql(ApplyForTrafficPackageDocument, { appId: a.id, packageCode: 'TRAFFIC_100K' }, token))).toBe(refusedCode(role));
      expect((await t.gql(ApplicationReviewQueueDocument, {}, token)).data!.applicationReviewQueue.length).toBeGreaterThan(0);
    }
    for (const role of [Role.DEVELOPER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY] as const) {
      expect(errorCode(await t.gql(DecideApplicationDocument, { id: submitted.id, decision: 'APPROVE' }, await t.token(role)))).toBe(refusedCode(role));
    }
    for (const role of [Role.PARTNER, Role.GATEWAY] as const) {
      const token = await t.token(role);
      expect(errorCode(await t.gql(TrafficPackageEligibilityDocument, { appId: a.id }, token))).toBe(refusedCode(role));
      expect(errorCode(await t.gql(ApplicationReviewQueueDocument, {}, token))).toBe(refusedCode(role));
    }
    expect(errorCode(await t.gql(ApplicationReviewQueueDocument, {}, a.dev.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ApplyForTrafficPackageDocument, { appId: a.id, packageCode: 'TRAFFIC_100K' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(DecideApplicationDocument, { id: '999999999', decision: 'APPROVE' }, reviewer))).toBe('NOT_FOUND');
  });
});

describe('role matrix: roles outside each operation are FORBIDDEN, anonymous callers UNAUTHENTICATED', () => {
  const all = [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY] as const;
  it('each operation admits exactly its roles', async () => {
    const a = await app('MERCHANT_BACKEND', { functions: ['PERFORMANCE_APPRAISAL'] });
    const ops: [string, (token?: string) => Promise<unknown>, readonly Role[]][] = [
      ['trafficPackageEligibility', (tk) => t.gql(TrafficPackageEligibilityDocument, { appId: a.id }, tk), [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR]],
      ['applyForTrafficPackage', (tk) => t.gql(ApplyForTrafficPackageDocument, { appId: a.id, packageCode: 'TRAFFIC_500K' }, tk), [Role.DEVELOPER]],
      ['applyForValueAddedPackage', (tk) => t.gql(ApplyForValueAddedPackageDocument, { appId: a.id, packageCode: 'JUHUASUAN' }, tk), [Role.DEVELOPER]],
      ['decideApplication', (tk) => t.gql(DecideApplicationDocument, { id: '999999999', decision: 'APPROVE' }, tk), [Role.REVIEWER]],
      ['packageApplication', (tk) => t.gql(PackageApplicationDocument, { id: '999999999' }, tk), [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR]],
      ['appPackageApplications', (tk) => t.gql(AppPackageApplicationsDocument, { appId: a.id }, tk), [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR]],
      ['applicationReviewQueue', (tk) => t.gql(ApplicationReviewQueueDocument, {}, tk), [Role.REVIEWER, Role.OPERATOR]],
    ];
    for (const [name, call, allowed] of ops) {
      expect([name, errorCode((await call()) as never)]).toEqual([name, 'UNAUTHENTICATED']);
      for (const role of all) {
        // The owner's token for DEVELOPER, so an allowed developer call is not NOT_FOUND for tenancy.
        const token = role === Role.DEVELOPER ? a.dev.token : await t.token(role);
        const code = errorCode((await call(token)) as never);
        expect([name, role, code === refusedCode(role)]).toEqual([name, role, !allowed.includes(role)]);
      }
    }
  });
});

describe('an application is reviewed in a review round (issue 13): due time, decision and feedback thread live there', () => {
  const ROUND = 'round { id subjectType subjectId roundNo status dueAt decidedBy decidedAt explanation thread { edges { node { authorRole body } } } }';
  const read = async (id: string, token: string) =>
    (await t.post({ query: `query($id: ID!) { packageApplication(id: $id) { id status dueAt decidedBy rejectionReason ${ROUND} } }`, variables: { id } }, token)).data as {
      packageApplication: { dueAt: string; rejectionReason: string | null; round: { id: string; subjectType: string; subjectId: string; roundNo: number; status: string; dueAt: string; decidedBy: string | null; explanation: string | null; thread: { edges: { node: { authorRole: string; body: string } }[] } } };
    };
  const feedback = async (roundId: string, message: string, token: string) =>
    ((await t.post({ query: 'mutation($r: ID!, $m: String!) { postReviewFeedback(roundId: $r, message: $m) { __typename ... on InvalidState { currentState } } }', variables: { r: roundId, m: message } }, token)).data as { postReviewFeedback: { __typename: string; currentState?: string } }).postReviewFeedback;

  it('filed Fri 2026-11-20 12:00 Beijing: round 1 of the application, PENDING, due end of Wed 11-25; rejected with a reason, the developer asks in the thread and the reviewer answers', async () => {
    const a = await app();
    await week(a.appkey, same(10_000, 10_000));
    const submitted = (await apply(a, 'TRAFFIC_100K')) as { id: string };
    const pending = (await read(submitted.id, a.dev.token)).packageApplication;
    expect(pending.round).toMatchObject({ subjectType: 'PACKAGE_APPLICATION', subjectId: submitted.id, roundNo: 1, status: 'PENDING', dueAt: '2026-11-25T16:00:00.000Z', decidedBy: null, thread: { edges: [] } });
    expect(pending.dueAt).toBe(pending.round.dueAt);
    // A pending round has no thread yet (DOMAIN §3 rounds: feedback on rejected rounds).
    expect(await feedback(pending.round.id, 'Any news?', a.dev.token)).toMatchObject({ __typename: 'InvalidState', currentState: 'PENDING' });
    // decideReview does not decide an application's round: its workflow re-measures eligibility.
    const viaRound = await t.post({ query: 'mutation($i: DecideReviewInput!) { decideReview(input: $i) { __typename ... on InvalidState { message } } }', variables: { i: { roundId: pending.round.id, decision: 'APPROVE' } } }, reviewer);
    expect(viaRound.data).toEqual({ decideReview: { __typename: 'InvalidState', message: expect.stringContaining('decideApplication') } });

    expect(await decide(submitted.id, 'REJECT', 'The usage report for 11-17 is missing')).toMatchObject({ status: 'REJECTED', rejectionReason: 'The usage report for 11-17 is missing' });
    const rejected = (await read(submitted.id, a.dev.token)).packageApplication;
    expect(rejected.round).toMatchObject({ status: 'REJECTED', decidedBy: 'reviewer-1', explanation: 'The usage report for 11-17 is missing' });
    expect(await feedback(rejected.round.id, 'Which report is meant?', a.dev.token)).toEqual({ __typename: 'ReviewRound' });
    expect(await feedback(rejected.round.id, 'The export of Tuesday 11-17; attach it and apply again.', reviewer)).toEqual({ __typename: 'ReviewRound' });
    expect((await read(submitted.id, reviewer)).packageApplication.round.thread.edges.map((e) => e.node)).toEqual([
      { authorRole: 'DEVELOPER', body: 'Which report is meant?' },
      { authorRole: 'REVIEWER', body: 'The export of Tuesday 11-17; attach it and apply again.' },
    ]);
    // Another developer cannot read or post in it.
    const other = await t.developer('Other');
    expect(errorCode(await t.post({ query: 'mutation($r: ID!) { postReviewFeedback(roundId: $r, message: "hi") { __typename } }', variables: { r: rejected.round.id } }, other.token))).toBe('NOT_FOUND');
  });
});
