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

/** A developer's ONLINE app with a pending value-added package application, and a pending member-capability application. */
async function pendingApplications(): Promise<{ appId: string; pkgId: string; mcId: string }> {
  const dev = await t.developer('Queue ISV');
  const { createApp } = await gql<{ createApp: { id: string } }>('mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', { i: { name: 'Queue Appraisal', tagCode: 'MERCHANT_BACKEND', declaredFunctions: ['PERFORMANCE_APPRAISAL'] } }, dev.token);
  await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [createApp.id]);
  const pkg = await gql<{ applyForValueAddedPackage: { id: string } }>('mutation($id: ID!) { applyForValueAddedPackage(appId: $id, packageCode: "WANGWANG_CHAT_HISTORY") { ... on PackageApplication { id } } }', { id: createApp.id }, dev.token);
  const mc = await gql<{ applyForMemberCapability: { id: string } }>(
    'mutation($i: MemberCapabilityApplicationInput!) { applyForMemberCapability(input: $i) { ... on MemberCapabilityApplication { id } } }',
    {
      i: {
        categoryCode: 'APPAREL', productKind: 'MINI_PROGRAM', build: 'TEMPLATE', merchantTier: 'POTENTIAL', merchantSegment: 'Apparel stores', isvName: 'Queue ISV', dingTalkContact: 'dt-2',
        demoDocumentUrl: 'https://docs.example.com/demo', permissionsRequested: ['taobao.crm.member.read'], usageScenario: 'Points mall', companyIntroduction: 'Ten years', successCases: '30 brands',
      },
    },
    dev.token,
  );
  return { appId: createApp.id, pkgId: pkg.applyForValueAddedPackage.id, mcId: mc.applyForMemberCapability.id };
}

interface QueueItem {
  id: string;
  kind: string;
  itemId: string;
  status: string;
  subject: string;
  appId: string | null;
  tagCode: string | null;
  dueAt: string;
  submittedAt: string;
  overdue: boolean;
  round: { id: string; app: { id: string } | null } | null;
  packageApplication: { id: string; packageCode: string } | null;
  memberCapabilityApplication: { id: string; categoryCode: string } | null;
  assignment: { assigneeId: string } | null;
}
interface QueuePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: QueueItem }[];
}
const QUEUE = `query($kind: ReviewItemKind, $first: Int, $after: String, $tag: ID, $a: AssignmentFilter) {
  reviewerQueue(kind: $kind, first: $first, after: $after, tagCode: $tag, assigned: $a) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id kind itemId status subject appId tagCode dueAt submittedAt overdue
      round { id app { id } } packageApplication { id packageCode } memberCapabilityApplication { id categoryCode } assignment { assigneeId } } }
  }
}`;
const reviewerQueue = async (vars: Record<string, unknown>, token: string = revA) => (await gql<{ reviewerQueue: QueuePage }>(QUEUE, vars, token)).reviewerQueue;

describe('reviewerQueue: one queue of every workflow (issue 13), earliest due first, keyset-paged', () => {
  it('a round, a package application and a member-capability application (all submitted Fri 2026-11-20, due end of Wed 11-25) are one queue; each names its kind, item and workflow row', async () => {
    const { roundId } = await submittedRound();
    const { appId, pkgId, mcId } = await pendingApplications();
    const page = await reviewerQueue({ first: 100 });
    const ours = page.edges.map((e) => e.node).filter((n) => [`REVIEW_ROUND:${roundId}`, `PACKAGE_APPLICATION:${pkgId}`, `MEMBER_CAPABILITY_APPLICATION:${mcId}`].includes(n.id));
    expect(ours).toEqual([
      expect.objectContaining({ kind: 'MEMBER_CAPABILITY_APPLICATION', itemId: mcId, status: 'PENDING', subject: 'APPAREL', appId: null, tagCode: null, dueAt: '2026-11-25T16:00:00.000Z', overdue: false, round: null, packageApplication: null, memberCapabilityApplication: { id: mcId, categoryCode: 'APPAREL' } }),
      expect.objectContaining({ kind: 'PACKAGE_APPLICATION', itemId: pkgId, subject: 'WANGWANG_CHAT_HISTORY', appId, tagCode: 'MERCHANT_BACKEND', dueAt: '2026-11-25T16:00:00.000Z', packageApplication: { id: pkgId, packageCode: 'WANGWANG_CHAT_HISTORY' }, round: null }),
      expect.objectContaining({ kind: 'REVIEW_ROUND', itemId: roundId, tagCode: 'MERCHANT_BACKEND', dueAt: '2026-11-25T16:00:00.000Z', round: expect.objectContaining({ id: roundId }), packageApplication: null }),
    ]);
    const order = page.edges.map((e) => `${e.node.dueAt} ${e.node.submittedAt}`);
    expect([...order].sort()).toEqual(order);
    expect(page.totalCount).toBe(page.edges.length);

    // kind and tag filters: the member-capability application has no tag, so a tag filter drops it.
    expect((await reviewerQueue({ first: 100, kind: 'PACKAGE_APPLICATION' })).edges.every((e) => e.node.kind === 'PACKAGE_APPLICATION')).toBe(true);
    const tagged = (await reviewerQueue({ first: 100, tag: 'MERCHANT_BACKEND' })).edges.map((e) => e.node.id);
    expect(tagged).toEqual(expect.arrayContaining([`REVIEW_ROUND:${roundId}`, `PACKAGE_APPLICATION:${pkgId}`]));
    expect(tagged).not.toContain(`MEMBER_CAPABILITY_APPLICATION:${mcId}`);

    // Deciding takes an item out; claiming moves it to MINE.
    data(await claim('MEMBER_CAPABILITY_APPLICATION', mcId, revB));
    expect((await reviewerQueue({ first: 100, a: 'MINE' }, revB)).edges.map((e) => e.node.id)).toContain(`MEMBER_CAPABILITY_APPLICATION:${mcId}`);
    expect((await reviewerQueue({ first: 100, a: 'UNASSIGNED' })).edges.map((e) => e.node.id)).not.toContain(`MEMBER_CAPABILITY_APPLICATION:${mcId}`);
    await gql('mutation($id: ID!) { decideApplication(id: $id, decision: REJECT, reason: "not needed") { __typename } }', { id: pkgId }, revA);
    expect((await reviewerQueue({ first: 100 })).edges.map((e) => e.node.id)).not.toContain(`PACKAGE_APPLICATION:${pkgId}`);
  });

  it('paging one item at a time visits every item once, in the order of the whole list, with full page info', async () => {
    await submittedRound();
    await pendingApplications();
    const whole = await reviewerQueue({ first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: QueuePage = await reviewerQueue({ first: 1, after });
      expect(page.totalCount).toBe(whole.totalCount);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[0].cursor);
      seen.push(page.edges[0].node.id);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((e) => e.node.id));
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('first is 1 to 100 (the shared bound), and after must be a cursor of this queue: BAD_USER_INPUT', async () => {
    expect(errorCode(await t.post({ query: QUEUE, variables: { first: 101 } }, revA))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.post({ query: QUEUE, variables: { first: 0 } }, revA))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.post({ query: QUEUE, variables: { after: 'bm9wZQ' } }, revA))).toBe('BAD_USER_INPUT');
  });

  it('no N+1: a page of many items of a kind, with round, application, assignment and timing, costs the same statements as a page of two', async () => {
    for (let i = 0; i < 5; i++) {
      await submittedRound();
      await pendingApplications();
    }
    for (const kind of ['REVIEW_ROUND', 'PACKAGE_APPLICATION', 'MEMBER_CAPABILITY_APPLICATION']) {
      const small = await t.queries.during(() => t.post({ query: QUEUE, variables: { kind, first: 2 } }, revA));
      const large = await t.queries.during(() => t.post({ query: QUEUE, variables: { kind, first: 100 } }, revA));
      expect([kind, data<{ reviewerQueue: QueuePage }>(large.result).reviewerQueue.edges.length > 4]).toEqual([kind, true]);
      expect([kind, large.statements.length]).toEqual([kind, small.statements.length]);
    }
  });
});

describe('decideReviewItem: one decision input for every workflow (issue 13)', () => {
  const DECIDE = `mutation($i: DecideReviewItemInput!) { decideReviewItem(input: $i) {
    __typename ... on ReviewItem { id kind itemId status decidedBy subject round { status reasons explanation } packageApplication { status rejectionReason } memberCapabilityApplication { status rejectionCodes rejectionNote strike } }
    ... on InvalidInput { violations { field rule } } ... on InvalidState { currentState reason } } }`;
  const decide = async (i: Record<string, unknown>) => (await gql<{ decideReviewItem: Record<string, unknown> }>(DECIDE, { i }, revA)).decideReviewItem;

  it('a round approved, a package application rejected with its reason, a member-capability application rejected OTHER with a note; each then leaves the queue', async () => {
    const { roundId } = await submittedRound();
    const { pkgId, mcId } = await pendingApplications();
    expect(await decide({ kind: 'REVIEW_ROUND', itemId: roundId, decision: 'APPROVE' })).toMatchObject({ __typename: 'ReviewItem', id: `REVIEW_ROUND:${roundId}`, status: 'APPROVED', decidedBy: 'rev-a', round: { status: 'APPROVED', reasons: [] } });
    expect(await decide({ kind: 'PACKAGE_APPLICATION', itemId: pkgId, decision: 'REJECT', explanation: 'No appraisal module in the demo' })).toMatchObject({
      __typename: 'ReviewItem',
      kind: 'PACKAGE_APPLICATION',
      itemId: pkgId,
      status: 'REJECTED',
      subject: 'WANGWANG_CHAT_HISTORY',
      packageApplication: { status: 'REJECTED', rejectionReason: 'No appraisal module in the demo' },
    });
    expect(await decide({ kind: 'MEMBER_CAPABILITY_APPLICATION', itemId: mcId, decision: 'REJECT', reasons: ['OTHER'], explanation: 'Demo link broken' })).toMatchObject({
      status: 'REJECTED',
      memberCapabilityApplication: { status: 'REJECTED', rejectionCodes: ['OTHER'], rejectionNote: 'Demo link broken', strike: false },
    });
    const left = (await reviewerQueue({ first: 100 })).edges.map((e) => e.node.id);
    for (const id of [`REVIEW_ROUND:${roundId}`, `PACKAGE_APPLICATION:${pkgId}`, `MEMBER_CAPABILITY_APPLICATION:${mcId}`]) expect(left).not.toContain(id);
    // Decided once, whichever way it is asked.
    expect(await decide({ kind: 'PACKAGE_APPLICATION', itemId: pkgId, decision: 'APPROVE' })).toMatchObject({ __typename: 'InvalidState', currentState: 'REJECTED', reason: 'ALREADY_DECIDED' });
  });

  it("each kind's codes: packages take none, member capabilities their own, rounds the app reasons; every broken rule named", async () => {
    const { roundId } = await submittedRound();
    const { pkgId, mcId } = await pendingApplications();
    const rules = (r: Record<string, unknown>) => (r.violations as { field: string; rule: string }[]).map((v) => `${v.field}:${v.rule}`);
    expect(rules(await decide({ kind: 'PACKAGE_APPLICATION', itemId: pkgId, decision: 'REJECT', reasons: ['OTHER'] }))).toEqual(['reasons:UNKNOWN_REASON', 'explanation:REQUIRED']);
    expect(rules(await decide({ kind: 'MEMBER_CAPABILITY_APPLICATION', itemId: mcId, decision: 'REJECT', reasons: ['PROHIBITED_CONTENT'] }))).toEqual(['reasons:UNKNOWN_REASON']);
    expect(rules(await decide({ kind: 'REVIEW_ROUND', itemId: roundId, decision: 'REJECT', reasons: ['WEAK_MEMBER_MINDSET'], explanation: 'x' }))).toEqual(['reasons:UNKNOWN_REASON']);
    expect(errorCode(await t.post({ query: DECIDE, variables: { i: { kind: 'MEMBER_CAPABILITY_APPLICATION', itemId: '999999999', decision: 'APPROVE' } } }, revA))).toBe('NOT_FOUND');
  });
});
