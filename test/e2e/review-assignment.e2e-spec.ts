/**
 * Reviewer assignment (issue 18 part 3), over HTTP against a fresh database; the clock starts at
 * Friday 2026-11-20 12:00 Beijing (04:00 UTC). Rules checked: reviewers claim and release review
 * rounds and package / member-capability applications; leads (named by an operator, and operators)
 * assign and release anyone's; queues filter MINE / UNASSIGNED / ALL; two concurrent claims leave
 * exactly one holder; a round due within 24 working hours (REVIEW_AT_RISK_WORKING_HOURS) is at risk;
 * decisions record who decided.
 */
import { Role } from '../../src/domain/common/role';
import { data, errorCode, TestApp } from '../support/test-app';

let t: TestApp;
let revA: string;
let revB: string;
let lead: string;
let operator: string;
beforeAll(async () => {
  t = await TestApp.start();
  revA = await t.token(Role.REVIEWER, 'rev-a');
  revB = await t.token(Role.REVIEWER, 'rev-b');
  lead = await t.token(Role.REVIEWER, 'rev-lead');
  operator = await t.token(Role.OPERATOR, 'operator-1');
});
afterAll(() => t?.stop());
afterEach(() => t.clock.set('2026-11-20T04:00:00Z'));

const gql = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => data<T>(await t.post({ query, variables }, token));

async function submittedRound(): Promise<{ roundId: string; dev: { id: string; token: string } }> {
  const dev = await t.developer('Queued Soft');
  const { createApp } = await gql<{ createApp: { id: string } }>('mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', { i: { name: 'Queued App', tagCode: 'MERCHANT_BACKEND', declaredFunctions: [] } }, dev.token);
  const { submitAppForReview } = await gql<{ submitAppForReview: { id: string } }>('mutation($id: ID!) { submitAppForReview(appId: $id) { ... on ReviewRound { id } } }', { id: createApp.id }, dev.token);
  return { roundId: submitAppForReview.id, dev };
}

const HELD = '__typename ... on ReviewAssignment { kind itemId assigneeId assignedBy assignedAt } ... on InvalidState { currentState action message }';
const RESULT = `${HELD} ... on InvalidInput { violations { field rule } }`;
const claim = (kind: string, id: string, token: string) => t.post({ query: `mutation($k: ReviewItemKind!, $id: ID!) { claimReviewItem(kind: $k, id: $id) { ${HELD} } }`, variables: { k: kind, id } }, token);
const release = (kind: string, id: string, token: string) =>
  t.post({ query: 'mutation($k: ReviewItemKind!, $id: ID!) { releaseReviewItem(kind: $k, id: $id) { __typename ... on ReleasedReviewItem { kind itemId releasedFrom } ... on InvalidState { currentState } } }', variables: { k: kind, id } }, token);
const assign = (kind: string, id: string, reviewerId: string, token: string) =>
  t.post({ query: `mutation($k: ReviewItemKind!, $id: ID!, $r: ID!) { assignReviewItem(kind: $k, id: $id, reviewerId: $r) { ${RESULT} } }`, variables: { k: kind, id, r: reviewerId } }, token);
const roundQueue = async (assigned: string, token: string) =>
  (await gql<{ reviewQueue: { totalCount: number; edges: { node: { id: string } }[] } }>('query($a: AssignmentFilter!) { reviewQueue(first: 100, assigned: $a) { totalCount edges { node { id } } } }', { a: assigned }, token)).reviewQueue.edges.map(
    (e) => e.node.id,
  );
const roundView = async (id: string) =>
  (await gql<{ reviewRound: { decidedBy: string | null; assignment: { assigneeId: string } | null; timing: { workingHoursLeft: number; atRisk: boolean } } }>(
    'query($id: ID!) { reviewRound(id: $id) { decidedBy assignment { assigneeId assignedBy } timing { workingHoursLeft atRisk } } }',
    { id },
    revA,
  )).reviewRound;

describe('claim and release review rounds; queues by MINE / UNASSIGNED / ALL', () => {
  it('rev-a claims a round: it leaves UNASSIGNED and shows in rev-a\'s MINE only; rev-b cannot claim or release it; rev-a releases it back', async () => {
    const { roundId } = await submittedRound();
    expect(await roundQueue('UNASSIGNED', revA)).toContain(roundId);
    expect(await roundQueue('MINE', revA)).not.toContain(roundId);

    const claimed = data<{ claimReviewItem: unknown }>(await claim('REVIEW_ROUND', roundId, revA)).claimReviewItem;
    expect(claimed).toEqual({ __typename: 'ReviewAssignment', kind: 'REVIEW_ROUND', itemId: roundId, assigneeId: 'rev-a', assignedBy: 'rev-a', assignedAt: '2026-11-20T04:00:00.000Z' });
    expect(await roundQueue('MINE', revA)).toEqual([roundId]);
    expect(await roundQueue('UNASSIGNED', revA)).not.toContain(roundId);
    expect(await roundQueue('MINE', revB)).toEqual([]);
    expect(await roundQueue('ALL', revB)).toContain(roundId);
    expect((await roundView(roundId)).assignment).toEqual({ assigneeId: 'rev-a', assignedBy: 'rev-a' });

    // Claiming one's own item again changes nothing; another reviewer is refused, naming the holder.
    expect(data<{ claimReviewItem: unknown }>(await claim('REVIEW_ROUND', roundId, revA)).claimReviewItem).toMatchObject({ __typename: 'ReviewAssignment', assigneeId: 'rev-a' });
    expect(data<{ claimReviewItem: unknown }>(await claim('REVIEW_ROUND', roundId, revB)).claimReviewItem).toEqual({
      __typename: 'InvalidState',
      currentState: 'CLAIMED',
      action: 'claimReviewItem',
      message: 'held by reviewer rev-a: they or a lead release it',
    });
    expect(data<{ releaseReviewItem: unknown }>(await release('REVIEW_ROUND', roundId, revB)).releaseReviewItem).toEqual({ __typename: 'InvalidState', currentState: 'CLAIMED' });

    expect(data<{ releaseReviewItem: unknown }>(await release('REVIEW_ROUND', roundId, revA)).releaseReviewItem).toEqual({ __typename: 'ReleasedReviewItem', kind: 'REVIEW_ROUND', itemId: roundId, releasedFrom: 'rev-a' });
    expect(await roundQueue('UNASSIGNED', revB)).toContain(roundId);
    expect(data<{ releaseReviewItem: unknown }>(await release('REVIEW_ROUND', roundId, revA)).releaseReviewItem).toEqual({ __typename: 'InvalidState', currentState: 'UNASSIGNED' });

    const audit = await gql<{ auditLog: { edges: { node: { action: string; actorId: string } }[] } }>('query($e: ID) { auditLog(first: 10, entityId: $e, entityType: "REVIEW_ROUND") { edges { node { action actorId } } } }', { e: roundId }, operator);
    expect(audit.auditLog.edges.map((e) => `${e.node.action} ${e.node.actorId}`)).toEqual(['releaseReviewItem rev-a', 'claimReviewItem rev-a']);
  });

  it('five reviewers claiming one round at once: exactly one holds it, four are told it is CLAIMED', async () => {
    const { roundId } = await submittedRound();
    const tokens = await Promise.all(['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => t.token(Role.REVIEWER, id)));
    const answers = await Promise.all(tokens.map((tk) => claim('REVIEW_ROUND', roundId, tk)));
    const kinds = answers.map((r) => data<{ claimReviewItem: { __typename: string; currentState?: string } }>(r).claimReviewItem);
    expect(kinds.filter((k) => k.__typename === 'ReviewAssignment')).toHaveLength(1);
    expect(kinds.filter((k) => k.__typename === 'InvalidState' && k.currentState === 'CLAIMED')).toHaveLength(4);
    const rows = await t.ds.query("SELECT assignee_id FROM review_assignment WHERE item_kind = 'REVIEW_ROUND' AND item_id = ?", [roundId]);
    expect(rows).toHaveLength(1);
    expect((await roundView(roundId)).assignment?.assigneeId).toBe(rows[0].assignee_id);
  });

  it('a decided round cannot be claimed; the decision records who decided', async () => {
    const { roundId } = await submittedRound();
    data(await claim('REVIEW_ROUND', roundId, revA));
    expect(data<{ decideReview: { __typename: string } }>(await t.post({ query: 'mutation($i: DecideReviewInput!) { decideReview(input: $i) { __typename } }', variables: { i: { roundId, decision: 'APPROVE' } } }, revA)).decideReview.__typename).toBe('ReviewRound');
    expect((await roundView(roundId)).decidedBy).toBe('rev-a');
    expect(data<{ claimReviewItem: unknown }>(await claim('REVIEW_ROUND', roundId, revB)).claimReviewItem).toMatchObject({ __typename: 'InvalidState', currentState: 'APPROVED', action: 'claimReviewItem' });
    expect(await roundQueue('MINE', revA)).not.toContain(roundId);
  });
});

describe('leads assign', () => {
  it('a reviewer is not a lead until an operator names one; a lead assigns, reassigns and releases anyone\'s item; an operator assigns too', async () => {
    const { roundId } = await submittedRound();
    expect(errorCode(await assign('REVIEW_ROUND', roundId, 'rev-b', lead))).toBe('FORBIDDEN');
    const named = await gql<{ setReviewLead: unknown }>('mutation { setReviewLead(reviewerId: "rev-lead", lead: true) { __typename ... on ReviewLead { reviewerId lead } } }', {}, operator);
    expect(named.setReviewLead).toEqual({ __typename: 'ReviewLead', reviewerId: 'rev-lead', lead: true });

    data(await claim('REVIEW_ROUND', roundId, revA));
    expect(data<{ assignReviewItem: unknown }>(await assign('REVIEW_ROUND', roundId, 'rev-b', lead)).assignReviewItem).toMatchObject({ __typename: 'ReviewAssignment', assigneeId: 'rev-b', assignedBy: 'rev-lead' });
    expect(await roundQueue('MINE', revB)).toEqual([roundId]);
    expect(await roundQueue('MINE', revA)).toEqual([]);
    expect(data<{ releaseReviewItem: unknown }>(await release('REVIEW_ROUND', roundId, lead)).releaseReviewItem).toMatchObject({ __typename: 'ReleasedReviewItem', releasedFrom: 'rev-b' });
    expect(data<{ assignReviewItem: unknown }>(await assign('REVIEW_ROUND', roundId, 'rev-a', operator)).assignReviewItem).toMatchObject({ assigneeId: 'rev-a', assignedBy: 'operator-1' });
    expect(data<{ assignReviewItem: unknown }>(await assign('REVIEW_ROUND', roundId, '  ', operator)).assignReviewItem).toEqual({ __typename: 'InvalidInput', violations: [{ field: 'reviewerId', rule: 'BAD_REVIEWER_ID' }] });

    const audit = await gql<{ auditLog: { edges: { node: { before: { assigneeId: string } | null; after: { assigneeId: string } } }[] } }>(
      'query($e: ID) { auditLog(first: 10, action: "assignReviewItem", entityId: $e) { edges { node { before after } } } }',
      { e: roundId },
      operator,
    );
    expect(audit.auditLog.edges.map((e) => [e.node.before?.assigneeId ?? null, e.node.after.assigneeId])).toEqual([
      [null, 'rev-a'],
      ['rev-a', 'rev-b'],
    ]);

    data(await t.post({ query: 'mutation { setReviewLead(reviewerId: "rev-lead", lead: false) { __typename } }' }, operator));
    expect(errorCode(await assign('REVIEW_ROUND', roundId, 'rev-b', lead))).toBe('FORBIDDEN');
  });
});

describe('package and member-capability applications', () => {
  it('claimed from the application queue, filtered MINE / UNASSIGNED, each item naming its kind and holder', async () => {
    const dev = await t.developer('Applying ISV');
    const { createApp } = await gql<{ createApp: { id: string } }>('mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', { i: { name: 'Appraisal App', tagCode: 'MERCHANT_BACKEND', declaredFunctions: ['PERFORMANCE_APPRAISAL'] } }, dev.token);
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [createApp.id]);
    const pkg = await gql<{ applyForValueAddedPackage: { id: string } }>('mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "WANGWANG_CHAT_HISTORY") { ... on PackageApplication { id } } }', { id: createApp.id }, dev.token);
    const mc = await gql<{ applyForMemberCapability: { id: string } }>(
      'mutation($i: MemberCapabilityApplicationInput!) { applyForMemberCapability(input: $i) { ... on MemberCapabilityApplication { id } } }',
      {
        i: {
          categoryCode: 'APPAREL', productKind: 'MINI_PROGRAM', build: 'TEMPLATE', merchantTier: 'POTENTIAL', merchantSegment: 'Apparel stores', isvName: 'Applying ISV', dingTalkContact: 'dt-1',
          demoDocumentUrl: 'https://docs.example.com/demo', permissionsRequested: ['taobao.crm.member.read'], usageScenario: 'Points mall', companyIntroduction: 'Ten years', successCases: '30 brands',
        },
      },
      dev.token,
    );
    const pkgId = pkg.applyForValueAddedPackage.id;
    const mcId = mc.applyForMemberCapability.id;
    const queue = async (assigned: string, token: string) =>
      (await gql<{ applicationReviewQueue: { kind: string; id: string; assignment: { assigneeId: string } | null; timing: { atRisk: boolean } }[] }>(
        'query($a: AssignmentFilter!) { applicationReviewQueue(first: 100, assigned: $a) { kind id assignment { assigneeId } timing { atRisk workingHoursLeft } } }',
        { a: assigned },
        token,
      )).applicationReviewQueue;

    expect((await queue('UNASSIGNED', revA)).map((q) => `${q.kind} ${q.id}`)).toEqual(expect.arrayContaining([`PACKAGE_APPLICATION ${pkgId}`, `MEMBER_CAPABILITY_APPLICATION ${mcId}`]));
    data(await claim('PACKAGE_APPLICATION', pkgId, revA));
    data(await claim('MEMBER_CAPABILITY_APPLICATION', mcId, revB));
    expect((await queue('MINE', revA)).map((q) => [q.kind, q.id, q.assignment?.assigneeId])).toEqual([['PACKAGE_APPLICATION', pkgId, 'rev-a']]);
    expect((await queue('MINE', revB)).map((q) => [q.kind, q.id, q.assignment?.assigneeId])).toEqual([['MEMBER_CAPABILITY_APPLICATION', mcId, 'rev-b']]);
    expect((await queue('UNASSIGNED', revA)).map((q) => q.id)).not.toEqual(expect.arrayContaining([pkgId]));
    expect(data<{ claimReviewItem: unknown }>(await claim('PACKAGE_APPLICATION', pkgId, revB)).claimReviewItem).toMatchObject({ __typename: 'InvalidState', currentState: 'CLAIMED' });

    const shown = await gql<{ packageApplication: { assignment: { assigneeId: string } } }>('query($id: ID!) { packageApplication(id: $id) { assignment { assigneeId } } }', { id: pkgId }, revB);
    expect(shown.packageApplication.assignment).toEqual({ assigneeId: 'rev-a' });
    const decided = await gql<{ decideApplication: { decidedBy: string } }>('mutation($id: ID!) { decideApplication(id: $id, decision: APPROVE) { ... on PackageApplication { decidedBy } } }', { id: pkgId }, revA);
    expect(decided.decideApplication.decidedBy).toBe('rev-a');
    expect((await queue('MINE', revA)).map((q) => q.id)).toEqual([]);
  });
});

describe('at risk: due within 24 working hours', () => {
  it('submitted Fri 2026-11-20 12:00 Beijing, due end of Wed 11-25: 84 h left (weekend off); Tue 18:00 30 h; Wed 00:00 24 h, at risk; overdue after', async () => {
    const { roundId } = await submittedRound();
    expect((await roundView(roundId)).timing).toEqual({ workingHoursLeft: 84, atRisk: false });
    t.clock.set('2026-11-24T10:00:00Z');
    expect((await roundView(roundId)).timing).toEqual({ workingHoursLeft: 30, atRisk: false });
    t.clock.set('2026-11-24T16:00:00Z');
    expect((await roundView(roundId)).timing).toEqual({ workingHoursLeft: 24, atRisk: true });
    t.clock.set('2026-11-25T16:00:00Z');
    expect((await roundView(roundId)).timing).toEqual({ workingHoursLeft: 0, atRisk: false });
  });
});

describe('roles and refusals', () => {
  it('only reviewers claim; reviewers and operators release and assign; only operators name leads; unknown items are NOT_FOUND', async () => {
    const { roundId, dev } = await submittedRound();
    for (const token of [dev.token, operator, await t.token(Role.GATEWAY, 'gw')]) expect(errorCode(await claim('REVIEW_ROUND', roundId, token))).toBe('FORBIDDEN');
    expect(errorCode(await release('REVIEW_ROUND', roundId, dev.token))).toBe('FORBIDDEN');
    expect(errorCode(await assign('REVIEW_ROUND', roundId, 'rev-a', dev.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.post({ query: 'mutation { setReviewLead(reviewerId: "rev-a", lead: true) { __typename } }' }, revA))).toBe('FORBIDDEN');
    expect(errorCode(await claim('REVIEW_ROUND', '999999999', revA))).toBe('NOT_FOUND');
    expect(errorCode(await claim('PACKAGE_APPLICATION', 'x', revA))).toBe('NOT_FOUND');
    expect(errorCode(await release('MEMBER_CAPABILITY_APPLICATION', '999999999', revA))).toBe('NOT_FOUND');
    expect(errorCode(await t.post({ query: '{ reviewQueue(assigned: MINE) { totalCount } }' }, dev.token))).toBe('FORBIDDEN');
  });
});
