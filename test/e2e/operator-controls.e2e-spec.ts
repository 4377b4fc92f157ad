/**
 * Operator controls (issue 18 part 2), over HTTP against a fresh database; the clock starts at
 * Friday 2026-11-20 12:00 Beijing (04:00 UTC). Rules checked: suspendApp / restoreApp move an app
 * ONLINE ↔ SUSPENDED (quota 0, callPermission APP_SUSPENDED at once, secrets verify nothing, review
 * and applications frozen, audited, the owner told the reason); operators set quotas for CONTRACT
 * tags (ISV_BACKEND, naming the contract) and UV_BASED tags (XTAO_SITE) in force from their date;
 * the ISV-onboarded standing follows its stated rule and an operator can set or clear it.
 */
import { Role } from '../../src/domain/common/role';
import { data, errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let gateway: string;
let operator: string;
let reviewer: string;
beforeAll(async () => {
  t = await TestApp.start();
  gateway = await t.token(Role.GATEWAY, 'gateway-1');
  operator = await t.token(Role.OPERATOR, 'operator-1');
  reviewer = await t.token(Role.REVIEWER, 'reviewer-1');
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set('2026-11-20T04:00:00Z'));

const gql = async <T>(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<T> => data<T>(await t.post({ query, variables }, token));

async function app(tagCode: string, status = 'ONLINE', declaredFunctions: string[] = [], dev?: { id: string; token: string }) {
  dev ??= await t.developer('Operated Soft');
  const { createApp } = await gql<{ createApp: { id: string; appkey: string } }>(
    'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id appkey } } }',
    { i: { name: 'Operated App', tagCode, declaredFunctions, callbackUrl: 'https://isv.example.com/cb' } },
    dev.token,
  );
  if (status !== 'DEVELOPING') await t.ds.query('UPDATE app SET status = ? WHERE id = ?', [status, createApp.id]);
  return { ...createApp, dev };
}

const SUSPEND = 'mutation($id: ID!, $r: String!) { suspendApp(appId: $id, reason: $r) { __typename ... on App { id status suspension { reason suspendedAt } } ... on InvalidState { currentState action message } ... on InvalidInput { violations { field rule } } } }';
const RESTORE = 'mutation($id: ID!) { restoreApp(appId: $id) { __typename ... on App { id status suspension { reason } } ... on InvalidState { currentState action } } }';
const suspend = (id: string, reason: string, token = operator) => t.post({ query: SUSPEND, variables: { id, r: reason } }, token);
const restore = (id: string, token = operator) => t.post({ query: RESTORE, variables: { id } }, token);
const permission = async (appkey: string, category = 'BASIC') =>
  (await gql<{ callPermission: { allowed: boolean; reason: string | null; limit: number | null } }>('query($k: String!, $c: ApiCategory!) { callPermission(appkey: $k, category: $c, source: IN_CLOUD) { allowed reason limit } }', { k: appkey, c: category }, gateway))
    .callPermission;
const QUOTA = 'query($id: ID!) { app(id: $id) { status quotaToday { date limit baseLimit source operatorQuota { kind dailyQuota effectiveFrom contractReference basis } } } }';
const quota = async (id: string, token: string) => (await gql<{ app: { status: string; quotaToday: Record<string, unknown> } }>(QUOTA, { id }, token)).app.quotaToday;
const notes = async (token: string) =>
  (await gql<{ notifications: { edges: { node: { kind: string; appId: string | null; message: string } }[] } }>('{ notifications { edges { node { kind appId message } } } }', {}, token)).notifications.edges.map((e) => e.node);
const auditOf = async (action: string, entityId: string) =>
  (
    await gql<{ auditLog: { edges: { node: { actorId: string; actorRole: string; before: unknown; after: unknown } }[] } }>(
      'query($a: String, $e: ID) { auditLog(first: 10, action: $a, entityId: $e) { edges { node { actorId actorRole before after } } } }',
      { a: action, e: entityId },
      operator,
    )
  ).auditLog.edges.map((e) => e.node);

describe('suspendApp / restoreApp', () => {
  it('suspension cuts callPermission at once (APP_SUSPENDED), quota 0, secrets verify nothing, the owner is told the reason; restoration brings it all back', async () => {
    const a = await app('MERCHANT_BACKEND');
    expect(await permission(a.appkey)).toEqual({ allowed: true, reason: null, limit: 100_000 });

    const res = data<{ suspendApp: unknown }>(await suspend(a.id, '  Violation of 002 article 3: resale of buyer data  ')).suspendApp;
    expect(res).toEqual({ __typename: 'App', id: a.id, status: 'SUSPENDED', suspension: { reason: 'Violation of 002 article 3: resale of buyer data', suspendedAt: '2026-11-20T04:00:00.000Z' } });
    expect(await permission(a.appkey)).toEqual({ allowed: false, reason: 'APP_SUSPENDED', limit: 0 });
    expect(await permission(a.appkey, 'FREE')).toMatchObject({ allowed: false, reason: 'APP_SUSPENDED' });
    expect(await quota(a.id, a.dev.token)).toMatchObject({ limit: 0, source: 'SUSPENDED', operatorQuota: null });
    expect((await gql<{ appSecrets: unknown }>('query($k: String!) { appSecrets(appkey: $k) { verifiable secrets { version } } }', { k: a.appkey }, gateway)).appSecrets).toEqual({ verifiable: false, secrets: [] });
    // The owner reads the reason on the app and in a notification.
    expect((await gql<{ app: unknown }>('query($id: ID!) { app(id: $id) { suspension { reason } } }', { id: a.id }, a.dev.token)).app).toEqual({ suspension: { reason: 'Violation of 002 article 3: resale of buyer data' } });
    expect(await notes(a.dev.token)).toEqual([{ kind: 'APP_SUSPENDED', appId: a.id, message: `App Operated App (${a.appkey}) is suspended: Violation of 002 article 3: resale of buyer data` }]);
    expect(await auditOf('suspendApp', a.id)).toEqual([{ actorId: 'operator-1', actorRole: 'OPERATOR', before: { status: 'ONLINE' }, after: { status: 'SUSPENDED', reason: 'Violation of 002 article 3: resale of buyer data' } }]);

    expect(data<{ restoreApp: unknown }>(await restore(a.id)).restoreApp).toEqual({ __typename: 'App', id: a.id, status: 'ONLINE', suspension: null });
    expect(await permission(a.appkey)).toEqual({ allowed: true, reason: null, limit: 100_000 });
    expect(await quota(a.id, a.dev.token)).toMatchObject({ limit: 100_000, source: 'TAG_DEFAULT' });
    expect((await notes(a.dev.token))[0]).toMatchObject({ kind: 'APP_RESTORED', appId: a.id });
    expect(await auditOf('restoreApp', a.id)).toEqual([{ actorId: 'operator-1', actorRole: 'OPERATOR', before: { status: 'SUSPENDED' }, after: { status: 'ONLINE' } }]);
    const [row] = await t.ds.query('SELECT suspended_by, restored_by, restored_at FROM app_suspension WHERE app_id = ?', [a.id]);
    expect(row).toMatchObject({ suspended_by: 'operator-1', restored_by: 'operator-1' });
  });

  it('while suspended, the app is frozen: no edit, no review submission, no new application, no grant of a pending one (approved once restored)', async () => {
    const a = await app('MERCHANT_BACKEND', 'ONLINE', ['PERFORMANCE_APPRAISAL']);
    const applied = await gql<{ applyForValueAddedPackage: { __typename: string; id: string } }>(
      'mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "WANGWANG_CHAT_HISTORY") { __typename ... on PackageApplication { id } } }',
      { id: a.id },
      a.dev.token,
    );
    expect(applied.applyForValueAddedPackage.__typename).toBe('PackageApplication');
    data(await suspend(a.id, 'arrears'));

    const edit = await gql<{ updateApp: unknown }>('mutation($id: ID!) { updateApp(id: $id, input: { name: "Renamed" }) { __typename ... on InvalidState { currentState } } }', { id: a.id }, a.dev.token);
    expect(edit.updateApp).toEqual({ __typename: 'InvalidState', currentState: 'SUSPENDED' });
    const submit = await gql<{ submitAppForReview: unknown }>('mutation($id: ID!) { submitAppForReview(appId: $id) { __typename ... on InvalidState { currentState } } }', { id: a.id }, a.dev.token);
    expect(submit.submitAppForReview).toEqual({ __typename: 'InvalidState', currentState: 'SUSPENDED' });
    const again = await gql<{ applyForTrafficPackage: { __typename: string } }>('mutation($id: ID!) { applyForTrafficPackage(appId: $id, packageCode: "TRAFFIC_500K") { __typename } }', { id: a.id }, a.dev.token);
    expect(again.applyForTrafficPackage.__typename).toBe('NotEligible');
    // A pending application cannot be granted while suspended (approval re-checks APP_NOT_SUSPENDED); it stays PENDING.
    const decided = await gql<{ decideApplication: unknown }>(
      'mutation($id: ID!) { decideApplication(id: $id, decision: APPROVE) { __typename ... on NotEligible { failedRules { rule measured } } } }',
      { id: applied.applyForValueAddedPackage.id },
      reviewer,
    );
    expect(decided.decideApplication).toEqual({ __typename: 'NotEligible', failedRules: [{ rule: 'APP_NOT_SUSPENDED', measured: 'SUSPENDED' }] });
    const [{ status }] = await t.ds.query('SELECT status FROM package_application WHERE id = ?', [applied.applyForValueAddedPackage.id]);
    expect(status).toBe('PENDING');

    data(await restore(a.id));
    const afterRestore = await gql<{ decideApplication: { __typename: string; status: string } }>(
      'mutation($id: ID!) { decideApplication(id: $id, decision: APPROVE) { __typename ... on PackageApplication { status } } }',
      { id: applied.applyForValueAddedPackage.id },
      reviewer,
    );
    expect(afterRestore.decideApplication).toEqual({ __typename: 'PackageApplication', status: 'APPROVED' });
  });

  it('refusals: only ONLINE suspends and only SUSPENDED restores; a reason is required; staff other than operators and the owner are FORBIDDEN; nothing is written', async () => {
    const dev = await app('MERCHANT_BACKEND', 'DEVELOPING');
    expect(data<{ suspendApp: unknown }>(await suspend(dev.id, 'x')).suspendApp).toMatchObject({ __typename: 'InvalidState', currentState: 'DEVELOPING', action: 'suspendApp' });
    const on = await app('MERCHANT_BACKEND');
    expect(data<{ restoreApp: unknown }>(await restore(on.id)).restoreApp).toEqual({ __typename: 'InvalidState', currentState: 'ONLINE', action: 'restoreApp' });
    expect(data<{ suspendApp: unknown }>(await suspend(on.id, '   ')).suspendApp).toEqual({ __typename: 'InvalidInput', violations: [{ field: 'reason', rule: 'REQUIRED' }] });
    expect(data<{ suspendApp: unknown }>(await suspend(on.id, 'x'.repeat(501))).suspendApp).toEqual({ __typename: 'InvalidInput', violations: [{ field: 'reason', rule: 'TOO_LONG' }] });
    for (const token of [on.dev.token, reviewer, gateway]) {
      expect(errorCode(await suspend(on.id, 'x', token))).toBe('FORBIDDEN');
      expect(errorCode(await restore(on.id, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await suspend('999999999', 'x'))).toBe('NOT_FOUND');
    expect(errorCode(await restore('not-an-id'))).toBe('NOT_FOUND');
    expect(await permission(on.appkey)).toMatchObject({ allowed: true });
    const [{ n }] = await t.ds.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action IN ('suspendApp', 'restoreApp') AND entity_id IN (?, ?)", [dev.id, on.id]);
    expect(Number(n)).toBe(0);
  });

  it('two operators suspending one app at once: exactly one suspension stands', async () => {
    const a = await app('MERCHANT_BACKEND');
    const answers = await Promise.all([suspend(a.id, 'first'), suspend(a.id, 'second', await t.token(Role.OPERATOR, 'operator-2'))]);
    const kinds = answers.map((r) => data<{ suspendApp: { __typename: string } }>(r).suspendApp.__typename).sort();
    expect(kinds).toEqual(['App', 'InvalidState']);
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM app_suspension WHERE app_id = ?', [a.id]);
    expect(Number(n)).toBe(1);
  });
});

const SET_QUOTA =
  'mutation($i: SetAppQuotaInput!) { setAppQuota(input: $i) { __typename ... on OperatorQuota { appId kind dailyQuota effectiveFrom contractReference basis } ... on InvalidInput { violations { field rule } } } }';
const setQuota = (i: Record<string, unknown>, token = operator) => t.post({ query: SET_QUOTA, variables: { i } }, token);

describe('operator-set quotas: CONTRACT and UV_BASED tags, in force from their date', () => {
  it('ISV_BACKEND (CONTRACT): 3,000,000/day under contract TOP-2026-0042 from 2026-11-22; 4,000,000 from 2026-12-01; the app shows the contract', async () => {
    const a = await app('ISV_BACKEND');
    const set = data<{ setAppQuota: unknown }>(await setQuota({ appId: a.id, dailyQuota: 3_000_000, effectiveFrom: '2026-11-22', contractReference: ' TOP-2026-0042 ' })).setAppQuota;
    expect(set).toEqual({ __typename: 'OperatorQuota', appId: a.id, kind: 'CONTRACT', dailyQuota: 3_000_000, effectiveFrom: '2026-11-22', contractReference: 'TOP-2026-0042', basis: null });
    data(await setQuota({ appId: a.id, dailyQuota: 4_000_000, effectiveFrom: '2026-12-01', contractReference: 'TOP-2026-0042 amendment 1' }));

    // Before its date the tag default applies.
    expect(await quota(a.id, a.dev.token)).toEqual({ date: '2026-11-20', limit: 100_000, baseLimit: 100_000, source: 'TAG_DEFAULT', operatorQuota: null });
    t.clock.set('2026-11-21T16:00:00Z'); // 00:00 Beijing on the 22nd
    expect(await quota(a.id, a.dev.token)).toEqual({
      date: '2026-11-22',
      limit: 3_000_000,
      baseLimit: 3_000_000,
      source: 'CONTRACT',
      operatorQuota: { kind: 'CONTRACT', dailyQuota: 3_000_000, effectiveFrom: '2026-11-22', contractReference: 'TOP-2026-0042', basis: null },
    });
    expect(await permission(a.appkey)).toMatchObject({ allowed: true, limit: 3_000_000 });
    t.clock.set('2026-11-30T15:59:59Z');
    expect(await quota(a.id, reviewer)).toMatchObject({ date: '2026-11-30', limit: 3_000_000 });
    t.clock.set('2026-11-30T16:00:00Z');
    expect(await quota(a.id, operator)).toMatchObject({ date: '2026-12-01', limit: 4_000_000, source: 'CONTRACT', operatorQuota: { contractReference: 'TOP-2026-0042 amendment 1' } });

    // Emergency traffic works on the contract quota: 50% of 4,000,000.
    const em = await gql<{ reportQuotaExhausted: { granted: boolean; quotaToday: { limit: number } } }>('mutation($k: String!) { reportQuotaExhausted(appkey: $k) { ... on EmergencyTrafficAnswer { granted quotaToday { limit } } } }', { k: a.appkey }, gateway);
    expect(em.reportQuotaExhausted).toEqual({ granted: true, quotaToday: { limit: 6_000_000 } });

    const listed = await gql<{ app: { operatorQuotas: { edges: { node: { effectiveFrom: string; dailyQuota: number } }[] } } }>('query($id: ID!) { app(id: $id) { operatorQuotas { edges { node { effectiveFrom dailyQuota } } } } }', { id: a.id }, a.dev.token);
    expect(listed.app.operatorQuotas.edges.map((e) => e.node)).toEqual([
      { effectiveFrom: '2026-12-01', dailyQuota: 4_000_000 },
      { effectiveFrom: '2026-11-22', dailyQuota: 3_000_000 },
    ]);
    const audit = await auditOf('setAppQuota', a.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actorId: 'operator-1', before: null, after: { dailyQuota: 3_000_000, effectiveFrom: '2026-11-22', contractReference: 'TOP-2026-0042' } });
    expect((await notes(a.dev.token)).map((n) => n.message)).toContain(`App Operated App (${a.appkey}): a quota of 3000000 calls/day applies from 2026-11-22 under contract TOP-2026-0042.`);
  });

  it('XTAO_SITE (UV_BASED): no fixed quota until an operator sets the monthly adjustment; then 800,000 from today, replaced on the same date, and no emergency traffic', async () => {
    const a = await app('XTAO_SITE');
    expect(await quota(a.id, a.dev.token)).toMatchObject({ limit: null, source: 'UV_BASED', operatorQuota: null });
    data(await setQuota({ appId: a.id, dailyQuota: 700_000, effectiveFrom: '2026-11-20', basis: 'transaction volume 2026-10' }));
    const replaced = data<{ setAppQuota: unknown }>(await setQuota({ appId: a.id, dailyQuota: 800_000, effectiveFrom: '2026-11-20', basis: 'transaction volume 2026-10, corrected' })).setAppQuota;
    expect(replaced).toMatchObject({ kind: 'UV_ADJUSTMENT', dailyQuota: 800_000, contractReference: null, basis: 'transaction volume 2026-10, corrected' });
    expect(await quota(a.id, a.dev.token)).toMatchObject({ limit: 800_000, source: 'UV_OPERATOR_SET', operatorQuota: { kind: 'UV_ADJUSTMENT', dailyQuota: 800_000 } });
    expect(await permission(a.appkey)).toMatchObject({ allowed: true, limit: 800_000 });
    const audit = await auditOf('setAppQuota', a.id);
    expect(audit[0]).toMatchObject({ before: { dailyQuota: 700_000 }, after: { dailyQuota: 800_000 } });
    const em = await gql<{ reportQuotaExhausted: { granted: boolean; reason: string } }>('mutation($k: String!) { reportQuotaExhausted(appkey: $k) { ... on EmergencyTrafficAnswer { granted reason } } }', { k: a.appkey }, gateway);
    expect(em.reportQuotaExhausted).toEqual({ granted: false, reason: 'TAG_EXCLUDED' });
  });

  it('a contract quota replaced between two usage batches is the base ingestion grants emergency traffic from (200,000 → 100,000: the 150,001st call of the day grants 50,000)', async () => {
    const a = await app('ISV_BACKEND');
    data(await setQuota({ appId: a.id, dailyQuota: 200_000, effectiveFrom: '2026-11-20', contractReference: 'TOP-7' }));
    const record = (key: string, total: number) =>
      gql<{ recordUsage: { __typename: string } }>(
        'mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename } }',
        { r: [{ idempotencyKey: key, appkey: a.appkey, date: '2026-11-20', apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total, successful: total }] }] },
        gateway,
      );
    expect((await record(`op-q-${a.id}-1`, 150_000)).recordUsage.__typename).toBe('UsageBatchReceipt');
    expect(await quota(a.id, a.dev.token)).toMatchObject({ limit: 200_000 });
    // The batch above read the app with its 200,000; the operator now replaces it for the same date.
    data(await setQuota({ appId: a.id, dailyQuota: 100_000, effectiveFrom: '2026-11-20', contractReference: 'TOP-7b' }));
    // Past USAGE_QUOTA_STATE_MAX_AGE_SECONDS (5 s) the next batch reads the app again.
    t.clock.set('2026-11-20T04:00:06Z');
    expect((await record(`op-q-${a.id}-2`, 1)).recordUsage.__typename).toBe('UsageBatchReceipt');
    // DOMAIN §2.2: 50 % of the 100,000 in force, on top of it.
    expect(await quota(a.id, a.dev.token)).toMatchObject({ baseLimit: 100_000, limit: 150_000, source: 'CONTRACT' });
    expect(await permission(a.appkey)).toMatchObject({ allowed: false, limit: 150_000 });
  });

  it('a contract quota does not lift a DEVELOPING app above the development-test quota (5,000)', async () => {
    const a = await app('ISV_BACKEND', 'DEVELOPING');
    data(await setQuota({ appId: a.id, dailyQuota: 3_000_000, effectiveFrom: '2026-11-20', contractReference: 'TOP-1' }));
    expect(await quota(a.id, a.dev.token)).toMatchObject({ limit: 5000, source: 'DEVELOPMENT_TEST', operatorQuota: null });
  });

  it('refusals name field and rule: LADDER tag, contract missing, quota out of range, past or bad date; other roles FORBIDDEN; nothing written', async () => {
    const ladder = await app('MERCHANT_BACKEND');
    const contract = await app('ISV_BACKEND');
    const refused = async (i: Record<string, unknown>) => (data<{ setAppQuota: { violations: { field: string; rule: string }[] } }>(await setQuota(i)).setAppQuota.violations ?? []).map((v) => `${v.field} ${v.rule}`);
    expect(await refused({ appId: ladder.id, dailyQuota: 500_000, effectiveFrom: '2026-11-20' })).toEqual(['appId LADDER_TAG']);
    expect(await refused({ appId: contract.id, dailyQuota: 500_000, effectiveFrom: '2026-11-20' })).toEqual(['contractReference REQUIRED']);
    expect(await refused({ appId: contract.id, dailyQuota: 0, effectiveFrom: '2026-11-19', contractReference: 'c' })).toEqual(['dailyQuota OUT_OF_RANGE', 'effectiveFrom IN_THE_PAST']);
    expect(await refused({ appId: contract.id, dailyQuota: 1_000_000_001, effectiveFrom: '2026-11-20', contractReference: 'c' })).toEqual(['dailyQuota OUT_OF_RANGE']);
    // effectiveFrom is a LocalDate: a date that is not on the calendar is refused before the resolver, naming the field.
    const badDate = await setQuota({ appId: contract.id, dailyQuota: 1, effectiveFrom: '2026-13-01', contractReference: 'c' });
    expect(errorCode(badDate)).toBe('BAD_USER_INPUT');
    expect(badDate.errors![0].message).toMatch(/effectiveFrom.*LocalDate/);
    for (const token of [contract.dev.token, reviewer, gateway]) expect(errorCode(await setQuota({ appId: contract.id, dailyQuota: 1, effectiveFrom: '2026-11-20', contractReference: 'c' }, token))).toBe('FORBIDDEN');
    expect(errorCode(await setQuota({ appId: '999999999', dailyQuota: 1, effectiveFrom: '2026-11-20', contractReference: 'c' }))).toBe('NOT_FOUND');
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM app_operator_quota WHERE app_id IN (?, ?)', [ladder.id, contract.id]);
    expect(Number(n)).toBe(0);
  });
});

const STANDING = '{ me { onboarded onboardedBasis } }';
const SET_ONBOARDED = 'mutation($d: ID!, $o: Boolean) { setIsvOnboarded(developerId: $d, onboarded: $o) { ... on Developer { id onboarded onboardedBasis } } }';
const memberInput = (patch: Record<string, unknown> = {}) => ({
  categoryCode: 'APPAREL',
  productKind: 'MINI_PROGRAM',
  build: 'TEMPLATE',
  merchantTier: 'POTENTIAL',
  merchantSegment: 'Apparel stores with 10,000+ members',
  isvName: 'Hangzhou Soft',
  dingTalkContact: 'dingtalk-12345',
  demoDocumentUrl: 'https://docs.example.com/member-demo',
  permissionsRequested: ['taobao.crm.member.read'],
  usageScenario: 'A member points mall inside the store',
  companyIntroduction: null,
  successCases: null,
  ...patch,
});
const applyMember = async (token: string) =>
  (
    await gql<{ applyForMemberCapability: { __typename: string; violations?: { field: string; rule: string }[] } }>(
      'mutation($i: MemberCapabilityApplicationInput!) { applyForMemberCapability(input: $i) { __typename ... on InvalidInput { violations { field rule } } } }',
      { i: memberInput() },
      token,
    )
  ).applyForMemberCapability;

describe('ISV onboarded: an ISV with an app that went online is onboarded; an operator sets or clears it', () => {
  it('a new ISV is asked for its company introduction and cases; once its app is approved ONLINE it is not asked again', async () => {
    const dev = await t.developer('Fresh ISV', 'ISV');
    expect((await gql<{ me: unknown }>(STANDING, {}, dev.token)).me).toEqual({ onboarded: false, onboardedBasis: 'NOT_ONBOARDED' });
    expect((await applyMember(dev.token)).violations).toEqual([
      { field: 'companyIntroduction', rule: 'REQUIRED_FOR_NEW_ISV' },
      { field: 'successCases', rule: 'REQUIRED_FOR_NEW_ISV' },
    ]);
    // Through review, as in production: submit, a reviewer approves → ONLINE.
    const a = await app('MERCHANT_BACKEND', 'DEVELOPING', [], dev);
    const round = await gql<{ submitAppForReview: { id: string } }>('mutation($id: ID!) { submitAppForReview(appId: $id) { ... on ReviewRound { id } } }', { id: a.id }, dev.token);
    const approved = await gql<{ decideReview: { __typename: string } }>('mutation($i: DecideReviewInput!) { decideReview(input: $i) { __typename } }', { i: { roundId: round.submitAppForReview.id, decision: 'APPROVE' } }, reviewer);
    expect(approved.decideReview.__typename).toBe('ReviewRound');
    expect((await gql<{ me: unknown }>(STANDING, {}, dev.token)).me).toEqual({ onboarded: true, onboardedBasis: 'APP_ONLINE' });
    expect(await applyMember(dev.token)).toEqual({ __typename: 'MemberCapabilityApplication' });
    // A suspension does not undo onboarding.
    data(await suspend(a.id, 'arrears'));
    expect((await gql<{ me: unknown }>(STANDING, {}, dev.token)).me).toEqual({ onboarded: true, onboardedBasis: 'APP_ONLINE' });
  });

  it('an operator clears it (asked again), hands it back to the rule (null), or sets it for an ISV without apps; audited; others FORBIDDEN', async () => {
    const online = await app('MERCHANT_BACKEND');
    const cleared = await gql<{ setIsvOnboarded: unknown }>(SET_ONBOARDED, { d: online.dev.id, o: false }, operator);
    expect(cleared.setIsvOnboarded).toEqual({ id: online.dev.id, onboarded: false, onboardedBasis: 'OPERATOR_CLEARED' });
    expect((await applyMember(online.dev.token)).violations?.map((v) => v.rule)).toEqual(['REQUIRED_FOR_NEW_ISV', 'REQUIRED_FOR_NEW_ISV']);
    expect((await gql<{ setIsvOnboarded: unknown }>(SET_ONBOARDED, { d: online.dev.id, o: null }, operator)).setIsvOnboarded).toMatchObject({ onboarded: true, onboardedBasis: 'APP_ONLINE' });

    const newcomer = await t.developer('Known ISV', 'ISV');
    expect((await gql<{ setIsvOnboarded: unknown }>(SET_ONBOARDED, { d: newcomer.id, o: true }, operator)).setIsvOnboarded).toMatchObject({ onboarded: true, onboardedBasis: 'OPERATOR_SET' });
    expect(await applyMember(newcomer.token)).toEqual({ __typename: 'MemberCapabilityApplication' });
    expect(await auditOf('setIsvOnboarded', newcomer.id)).toEqual([{ actorId: 'operator-1', actorRole: 'OPERATOR', before: { onboardedOverride: null }, after: { onboardedOverride: true } }]);

    for (const token of [newcomer.token, reviewer, gateway]) expect(errorCode(await t.post({ query: SET_ONBOARDED, variables: { d: newcomer.id, o: false } }, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.post({ query: SET_ONBOARDED, variables: { d: 'no-such-developer', o: true } }, operator))).toBe('NOT_FOUND');
  });
});

describe('no N+1', () => {
  it("myApps with secrets, suspension, operator quotas and quota today reads in a fixed number of statements, whatever the number of apps", async () => {
    const dev = await t.developer('Many Apps');
    const query = '{ myApps(first: 50) { edges { node { id secrets { totalCount edges { node { version state } } } suspension { reason } operatorQuotas { totalCount edges { node { dailyQuota } } } quotaToday { limit source operatorQuota { contractReference } } } } } }';
    const count = async () => (await t.queries.during(() => t.post({ query }, dev.token))).statements.length;
    const one = await app('ISV_BACKEND', 'ONLINE', [], dev);
    data(await setQuota({ appId: one.id, dailyQuota: 2_000_000, effectiveFrom: '2026-11-20', contractReference: 'C-1' }));
    data(await suspend((await app('MERCHANT_BACKEND', 'ONLINE', [], dev)).id, 'arrears'));
    const before = await count();
    for (let i = 0; i < 4; i++) {
      const more = await app(i % 2 ? 'ISV_BACKEND' : 'XTAO_SITE', 'ONLINE', [], dev);
      data(await setQuota({ appId: more.id, dailyQuota: 1_000_000 + i, effectiveFrom: '2026-11-20', contractReference: 'C-2', basis: 'b' }));
      if (i === 0) data(await suspend(more.id, 'arrears'));
    }
    expect((await gql<{ myApps: { edges: unknown[] } }>('{ myApps(first: 50) { edges { node { id } } } }', {}, dev.token)).myApps.edges).toHaveLength(6);
    expect(await count()).toBe(before);
  });
});
