/**
 * App review workflow (issue 3, DOMAIN §3 and §2.2) over HTTP against a fresh database:
 * submit → reject with reasons → feedback and reply → resubmit with a new SLA → approve → the
 * tag's default online quota; roles, cross-tenant refusals, concurrent decisions, the queue.
 */
import { Role } from '../../src/domain/common/role';
import {
  AppReviewHistoryDocument,
  CreateAppDocument,
  CreateAppInput,
  DecideReviewDocument,
  MyAppsReviewHistoryDocument,
  PostReviewFeedbackDocument,
  ReviewQueueDocument,
  ReviewRoundDocument,
  SubmitAppForReviewDocument,
  UpdateAppDocument,
} from '../generated/graphql';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' }); // Friday 2026-11-20, 12:00 Beijing
});
afterAll(() => t?.stop());

const validApp = (patch: Partial<CreateAppInput> = {}): CreateAppInput => ({
  name: 'Order Helper',
  description: 'Syncs orders for merchants',
  logoUrl: 'https://cdn.example.com/logo.png',
  callbackUrl: 'https://example.com/callback',
  tagCode: 'MERCHANT_BACKEND',
  declaredFunctions: ['ORDER_MANAGEMENT'],
  ...patch,
});

async function createApp(token: string, patch: Partial<CreateAppInput> = {}) {
  const res = await t.gql(CreateAppDocument, { input: validApp(patch) }, token);
  const payload = res.data!.createApp;
  if (payload.__typename !== 'App') throw new Error(`createApp refused: ${JSON.stringify(payload)}`);
  return payload;
}

async function submit(token: string, appId: string) {
  const payload = (await t.gql(SubmitAppForReviewDocument, { appId }, token)).data!.submitAppForReview;
  if (payload.__typename !== 'ReviewRound') throw new Error(`submit refused: ${JSON.stringify(payload)}`);
  return payload;
}

const events = async (roundId: string): Promise<{ action: string; actor_id: string; actor_role: string; detail: unknown }[]> =>
  t.ds.query('SELECT action, actor_id, actor_role, detail FROM review_event WHERE round_id = ? ORDER BY id', [roundId]);

describe('the whole cycle, MERCHANT_BACKEND (default online quota 100,000/day)', () => {
  it('submit → reject → feedback and reply → resubmit (new SLA) → approve → quota 100,000', async () => {
    t.clock.set('2026-11-20T04:00:00Z'); // Fri 2026-11-20 12:00 Beijing
    const dev = await t.developer('Acme Soft');
    const reviewerA = await t.token(Role.REVIEWER, 'reviewer-a');
    const app = await createApp(dev.token);

    // 1. submit: DEVELOPING → IN_REVIEW; due end of Wed 2026-11-25 (Mon 23, Tue 24, Wed 25)
    const r1 = await submit(dev.token, app.id);
    expect(r1).toMatchObject({
      subjectType: 'APP',
      subjectId: app.id,
      roundNo: 1,
      status: 'PENDING',
      tagCode: 'MERCHANT_BACKEND',
      submittedAt: '2026-11-20T04:00:00.000Z',
      dueAt: '2026-11-25T16:00:00.000Z',
      dueProvisional: false,
      overdue: false,
      workingDaysLeft: 3,
      decidedBy: null,
      reasons: [],
      thread: { totalCount: 0, edges: [] },
      app: { id: app.id, status: 'IN_REVIEW' },
    });
    // §2.2: under review the app keeps the development-test quota
    expect((await t.gql(AppReviewHistoryDocument, { id: app.id }, dev.token)).data!.app.quotaToday).toEqual({ limit: 5_000, source: 'DEVELOPMENT_TEST' });

    // resubmitting an app under review is refused naming the state; nothing written
    const again = (await t.gql(SubmitAppForReviewDocument, { appId: app.id }, dev.token)).data!.submitAppForReview;
    expect(again).toMatchObject({ __typename: 'InvalidState', code: 'INVALID_STATE', currentState: 'IN_REVIEW', action: 'submitAppForReview' });
    // feedback before a decision is refused: the thread opens on a rejected round
    const early = (await t.gql(PostReviewFeedbackDocument, { roundId: r1.id, message: 'any news?' }, dev.token)).data!.postReviewFeedback;
    expect(early).toMatchObject({ __typename: 'InvalidState', currentState: 'PENDING' });

    // 2. reject on Tue 2026-11-24 with two reason codes and an explanation
    t.clock.set('2026-11-24T03:00:00Z');
    const rejected = (
      await t.gql(
        DecideReviewDocument,
        { input: { roundId: r1.id, decision: 'REJECT', reasons: ['OWN_REGISTRATION_OR_LOGIN', 'INCOMPLETE_MATERIAL'], explanation: 'The app asks merchants to create a separate account.' } },
        reviewerA,
      )
    ).data!.decideReview;
    expect(rejected).toMatchObject({
      __typename: 'ReviewRound',
      status: 'REJECTED',
      decidedBy: 'reviewer-a',
      decidedAt: '2026-11-24T03:00:00.000Z',
      reasons: ['OWN_REGISTRATION_OR_LOGIN', 'INCOMPLETE_MATERIAL'],
      explanation: 'The app asks merchants to create a separate account.',
      workingDaysLeft: null,
      overdue: false,
      app: { status: 'REJECTED', quotaToday: { limit: 5_000, source: 'DEVELOPMENT_TEST' } },
    });
    // deciding a decided round is refused naming its state
    const twice = (await t.gql(DecideReviewDocument, { input: { roundId: r1.id, decision: 'APPROVE' } }, reviewerA)).data!.decideReview;
    expect(twice).toMatchObject({ __typename: 'InvalidState', currentState: 'REJECTED', action: 'decideReview' });

    // 3. the developer asks, a reviewer answers: the thread stays with round 1
    const asked = (await t.gql(PostReviewFeedbackDocument, { roundId: r1.id, message: "I can't understand the reason" }, dev.token)).data!.postReviewFeedback;
    expect(asked).toMatchObject({ __typename: 'ReviewRound', thread: { totalCount: 1, edges: [{ node: { authorRole: 'DEVELOPER', authorId: dev.id, body: "I can't understand the reason" } }] } });
    const reviewerB = await t.token(Role.REVIEWER, 'reviewer-b');
    const answered = (await t.gql(PostReviewFeedbackDocument, { roundId: r1.id, message: 'Use the platform login instead of your own.' }, reviewerB)).data!.postReviewFeedback;
    expect(answered.__typename === 'ReviewRound' && answered.thread.edges.map(({ node: m }) => [m.authorRole, m.authorId])).toEqual([
      ['DEVELOPER', dev.id],
      ['REVIEWER', 'reviewer-b'],
    ]);

    // 4. fix and resubmit on Mon 2026-11-30: a new round, its 3 working days count from the resubmission
    t.clock.set('2026-11-30T02:00:00Z'); // Mon 10:00 Beijing → Tue 1, Wed 2, Thu 3 Dec
    const fixed = (await t.gql(UpdateAppDocument, { id: app.id, input: { description: 'Syncs orders; signs in with the platform account' } }, dev.token)).data!.updateApp;
    expect(fixed.__typename).toBe('App');
    const r2 = await submit(dev.token, app.id);
    expect(r2).toMatchObject({ roundNo: 2, status: 'PENDING', submittedAt: '2026-11-30T02:00:00.000Z', dueAt: '2026-12-03T16:00:00.000Z', workingDaysLeft: 3, thread: { totalCount: 0, edges: [] }, app: { status: 'IN_REVIEW' } });

    // 5. approve: ONLINE, the tag's default online quota (DOMAIN §2.1: 100,000/day)
    t.clock.set('2026-12-01T08:00:00Z');
    const approved = (await t.gql(DecideReviewDocument, { input: { roundId: r2.id, decision: 'APPROVE', explanation: 'Looks good.' } }, reviewerA)).data!.decideReview;
    expect(approved).toMatchObject({
      __typename: 'ReviewRound',
      status: 'APPROVED',
      decidedBy: 'reviewer-a',
      reasons: [],
      explanation: 'Looks good.',
      app: { status: 'ONLINE', quotaToday: { limit: 100_000, source: 'TAG_DEFAULT' } },
    });
    // feedback on an approved round is refused naming its state
    const late = (await t.gql(PostReviewFeedbackDocument, { roundId: r2.id, message: 'thanks' }, dev.token)).data!.postReviewFeedback;
    expect(late).toMatchObject({ __typename: 'InvalidState', currentState: 'APPROVED', action: 'postReviewFeedback' });
    // an online app is not submitted again
    expect((await t.gql(SubmitAppForReviewDocument, { appId: app.id }, dev.token)).data!.submitAppForReview).toMatchObject({ __typename: 'InvalidState', currentState: 'ONLINE' });

    // 6. the history, newest first, each round with its reasons and thread; the quota the developer sees
    const { data } = await t.gql(AppReviewHistoryDocument, { id: app.id }, dev.token);
    expect(data!.app.status).toBe('ONLINE');
    expect(data!.app.quotaToday).toEqual({ limit: 100_000, source: 'TAG_DEFAULT' });
    expect(data!.app.reviewRounds.edges.map(({ node: r }) => [r.roundNo, r.status, r.reasons.length, r.thread.totalCount])).toEqual([
      [2, 'APPROVED', 0, 0],
      [1, 'REJECTED', 2, 2],
    ]);
    // a reviewer sees the same history
    expect((await t.gql(AppReviewHistoryDocument, { id: app.id }, reviewerB)).data!.app.reviewRounds.totalCount).toBe(2);

    // 7. audit: who, when, what for every step
    expect((await events(r1.id)).map((e) => [e.action, e.actor_id, e.actor_role])).toEqual([
      ['SUBMITTED', dev.id, 'DEVELOPER'],
      ['REJECTED', 'reviewer-a', 'REVIEWER'],
      ['FEEDBACK_POSTED', dev.id, 'DEVELOPER'],
      ['FEEDBACK_POSTED', 'reviewer-b', 'REVIEWER'],
    ]);
    const rejection = (await events(r1.id))[1];
    const detail = typeof rejection.detail === 'string' ? JSON.parse(rejection.detail) : rejection.detail;
    expect(detail).toMatchObject({ subjectState: { from: 'IN_REVIEW', to: 'REJECTED' }, reasons: ['OWN_REGISTRATION_OR_LOGIN', 'INCOMPLETE_MATERIAL'] });
    expect((await events(r2.id)).map((e) => e.action)).toEqual(['SUBMITTED', 'APPROVED']);
  });
});

describe('submission and decision checks', () => {
  it('a brand word in any case in the name or logo URL is refused naming each field; nothing changes', async () => {
    const dev = await t.developer();
    const app = await createApp(dev.token, { name: 'TMall Order Sync', logoUrl: 'https://img.example.com/Taobao/logo.png' });
    const res = (await t.gql(SubmitAppForReviewDocument, { appId: app.id }, dev.token)).data!.submitAppForReview;
    expect(res.__typename).toBe('InvalidInput');
    expect(res.__typename === 'InvalidInput' && res.violations.map((v) => `${v.field}:${v.rule}`)).toEqual(['name:BRAND_WORD', 'logoUrl:BRAND_WORD']);
    expect((await t.gql(AppReviewHistoryDocument, { id: app.id }, dev.token)).data!.app).toMatchObject({ status: 'DEVELOPING', reviewRounds: { totalCount: 0, edges: [] } });
  });

  it('a rejection without reasons or explanation, or with an unknown reason, is refused naming the fields; the round stays pending', async () => {
    const dev = await t.developer();
    const round = await submit(dev.token, (await createApp(dev.token)).id);
    const reviewer = await t.token(Role.REVIEWER);
    const bare = (await t.gql(DecideReviewDocument, { input: { roundId: round.id, decision: 'REJECT' } }, reviewer)).data!.decideReview;
    expect(bare.__typename === 'InvalidInput' && bare.violations.map((v) => `${v.field}:${v.rule}`)).toEqual(['reasons:REQUIRED', 'explanation:REQUIRED']);
    const unknown = (await t.gql(DecideReviewDocument, { input: { roundId: round.id, decision: 'REJECT', reasons: ['UGLY'], explanation: 'x' } }, reviewer)).data!.decideReview;
    expect(unknown.__typename === 'InvalidInput' && unknown.violations.map((v) => v.rule)).toEqual(['UNKNOWN_REASON']);
    expect((await t.gql(ReviewRoundDocument, { id: round.id }, reviewer)).data!.reviewRound.status).toBe('PENDING');
  });
});

describe('SLA: the Beijing date of submission decides', () => {
  it('23:59 and 00:01 Beijing on the same UTC day (2026-11-19) get different due dates', async () => {
    const dev = await t.developer();
    t.clock.set('2026-11-19T15:59:00Z'); // Thu 23:59 Beijing → Fri 20, Mon 23, Tue 24
    const before = await submit(dev.token, (await createApp(dev.token)).id);
    t.clock.set('2026-11-19T16:01:00Z'); // Fri 00:01 Beijing → Mon 23, Tue 24, Wed 25
    const after = await submit(dev.token, (await createApp(dev.token)).id);
    expect(before.dueAt).toBe('2026-11-24T16:00:00.000Z');
    expect(after.dueAt).toBe('2026-11-25T16:00:00.000Z');
  });

  it('a submission before National Day counts the make-up Saturday: Wed 2026-09-30 → end of Sat 2026-10-10', async () => {
    const dev = await t.developer();
    t.clock.set('2026-09-30T02:00:00Z');
    expect((await submit(dev.token, (await createApp(dev.token)).id)).dueAt).toBe('2026-10-10T16:00:00.000Z');
  });
  it('a round whose window reaches 2027 (no calendar rows yet) is due by the plain week and marked provisional', async () => {
    const dev = await t.developer();
    t.clock.set('2026-12-30T02:00:00Z'); // Wed → Thu 31, Fri 2027-01-01 (plain week), Mon 2027-01-04
    expect(await submit(dev.token, (await createApp(dev.token)).id)).toMatchObject({ dueAt: '2027-01-04T16:00:00.000Z', dueProvisional: true });
  });
});

describe('concurrency', () => {
  it('reviewers deciding the same round at once (3 approve, 3 reject, in parallel over HTTP): exactly one decision stands, the others are refused', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const dev = await t.developer();
    const app = await createApp(dev.token);
    const round = await submit(dev.token, app.id);
    const tokens = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => t.token(Role.REVIEWER, `rev-${i}`)));
    const responses = await Promise.all(
      tokens.map((token, i) =>
        t.gql(DecideReviewDocument, { input: i % 2 === 0 ? { roundId: round.id, decision: 'APPROVE' } : { roundId: round.id, decision: 'REJECT', reasons: ['OTHER'], explanation: 'no' } }, token),
      ),
    );
    const results = responses.map((r) => r.data!.decideReview);
    const winners = results.filter((r) => r.__typename === 'ReviewRound');
    const losers = results.filter((r) => r.__typename === 'InvalidState');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(5);
    const winner = winners[0].__typename === 'ReviewRound' ? winners[0] : null;
    for (const loser of losers) expect(loser).toMatchObject({ currentState: winner!.status, action: 'decideReview' });
    // the stored state is the winner's, for the round and the app, with one decision in the audit
    const { data } = await t.gql(AppReviewHistoryDocument, { id: app.id }, dev.token);
    expect(data!.app.status).toBe(winner!.status === 'APPROVED' ? 'ONLINE' : 'REJECTED');
    expect(data!.app.reviewRounds.edges[0].node).toMatchObject({ status: winner!.status, decidedBy: winner!.decidedBy });
    expect((await events(round.id)).filter((e) => e.action !== 'SUBMITTED').map((e) => e.actor_id)).toEqual([winner!.decidedBy]);
  });
});

describe('roles and tenants', () => {
  // PARTNER credentials run only persisted operations (issue 6): see the authorization matrix, which
  // checks PARTNER both over HTTP (refused by the allowlist) and at field level (FORBIDDEN).
  it.each([Role.REVIEWER, Role.OPERATOR, Role.GATEWAY] as const)('submitAppForReview by %s is FORBIDDEN', async (role) => {
    const dev = await t.developer();
    const app = await createApp(dev.token);
    expect(errorCode(await t.gql(SubmitAppForReviewDocument, { appId: app.id }, await t.token(role)))).toBe('FORBIDDEN');
  });

  it.each([Role.DEVELOPER, Role.OPERATOR, Role.GATEWAY] as const)('decideReview by %s is FORBIDDEN; the round stays pending', async (role) => {
    const dev = await t.developer();
    const round = await submit(dev.token, (await createApp(dev.token)).id);
    const res = await t.gql(DecideReviewDocument, { input: { roundId: round.id, decision: 'APPROVE' } }, role === Role.DEVELOPER ? dev.token : await t.token(role));
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await t.gql(ReviewRoundDocument, { id: round.id }, dev.token)).data!.reviewRound.status).toBe('PENDING');
  });

  it.each([Role.OPERATOR, Role.GATEWAY] as const)('postReviewFeedback by %s is FORBIDDEN', async (role) => {
    expect(errorCode(await t.gql(PostReviewFeedbackDocument, { roundId: '1', message: 'hi' }, await t.token(role)))).toBe('FORBIDDEN');
  });

  it.each([Role.DEVELOPER, Role.GATEWAY] as const)('reviewQueue by %s is FORBIDDEN', async (role) => {
    expect(errorCode(await t.gql(ReviewQueueDocument, {}, await t.token(role)))).toBe('FORBIDDEN');
  });

  it('anonymous callers are UNAUTHENTICATED on every review operation', async () => {
    expect(errorCode(await t.gql(SubmitAppForReviewDocument, { appId: '1' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(DecideReviewDocument, { input: { roundId: '1', decision: 'APPROVE' } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(PostReviewFeedbackDocument, { roundId: '1', message: 'x' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ReviewQueueDocument, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ReviewRoundDocument, { id: '1' }))).toBe('UNAUTHENTICATED');
  });

  it("another developer's app and rounds answer NOT_FOUND, exactly like ids that do not exist; nothing changes", async () => {
    const owner = await t.developer('Owner');
    const other = await t.developer('Other');
    const app = await createApp(owner.token);
    const round = await submit(owner.token, app.id);
    await t.gql(DecideReviewDocument, { input: { roundId: round.id, decision: 'REJECT', reasons: ['OTHER'], explanation: 'x' } }, await t.token(Role.REVIEWER));

    const otherSubmit = await t.gql(SubmitAppForReviewDocument, { appId: app.id }, other.token);
    const missingSubmit = await t.gql(SubmitAppForReviewDocument, { appId: '999999999' }, other.token);
    expect(errorCode(otherSubmit)).toBe('NOT_FOUND');
    expect(otherSubmit.errors![0].message).toBe(`App ${app.id} not found`);
    expect(errorCode(missingSubmit)).toBe('NOT_FOUND');

    expect(errorCode(await t.gql(PostReviewFeedbackDocument, { roundId: round.id, message: 'mine now' }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(ReviewRoundDocument, { id: round.id }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(AppReviewHistoryDocument, { id: app.id }, other.token))).toBe('NOT_FOUND');
    const mine = (await t.gql(AppReviewHistoryDocument, { id: app.id }, owner.token)).data!.app;
    expect(mine).toMatchObject({ status: 'REJECTED' });
    expect(mine.reviewRounds.totalCount).toBe(1);
    expect(mine.reviewRounds.edges[0].node.thread).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('reviewQueue (reviewer, operator): pending rounds by due time, overdue flagged, working days left', () => {
  it('orders by dueAt then id, flags overdue, counts working days left, filters by tag, pages by cursor, drops decided rounds', async () => {
    const dev = await t.developer();
    const at = async (now: string, tagCode: string) => {
      t.clock.set(now);
      return submit(dev.token, (await createApp(dev.token, { tagCode })).id);
    };
    const c = await at('2026-11-16T02:00:00Z', 'TAOBAOKE'); // Mon 16 → Tue 17, Wed 18, Thu 19: due end of Thu 11-19
    const a = await at('2026-11-19T02:00:00Z', 'TAOBAOKE'); // Thu 19 → Fri 20, Mon 23, Tue 24: due end of Tue 11-24
    const b = await at('2026-11-20T04:00:00Z', 'ONLINE_ORDERING'); // Fri 20 → Wed 11-25
    const d = await at('2026-11-20T05:00:00Z', 'ONLINE_ORDERING'); // Fri 20 → Wed 11-25 (same due time: id decides)
    expect([c.dueAt, a.dueAt, b.dueAt, d.dueAt]).toEqual(['2026-11-19T16:00:00.000Z', '2026-11-24T16:00:00.000Z', '2026-11-25T16:00:00.000Z', '2026-11-25T16:00:00.000Z']);

    t.clock.set('2026-11-24T10:00:00Z'); // Tue 2026-11-24 18:00 Beijing
    const reviewer = await t.token(Role.REVIEWER);
    const taobaoke = (await t.gql(ReviewQueueDocument, { tagCode: 'TAOBAOKE' }, reviewer)).data!.reviewQueue;
    expect(taobaoke.totalCount).toBe(2);
    expect(taobaoke.edges.map((e) => [e.node.id, e.node.overdue, e.node.workingDaysLeft, e.node.app?.tag.code])).toEqual([
      [c.id, true, -3, 'TAOBAOKE'], // due Thu 19; Fri 20, Mon 23, Tue 24 late
      [a.id, false, 0, 'TAOBAOKE'], // due today, on time until 24:00 Beijing
    ]);

    // cursor pages: one row at a time, same order, then the end
    const operator = await t.token(Role.OPERATOR);
    const p1 = (await t.gql(ReviewQueueDocument, { tagCode: 'ONLINE_ORDERING', first: 1 }, operator)).data!.reviewQueue;
    expect(p1.edges.map((e) => [e.node.id, e.node.workingDaysLeft])).toEqual([[b.id, 1]]);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect(p1.totalCount).toBe(2);
    const p2 = (await t.gql(ReviewQueueDocument, { tagCode: 'ONLINE_ORDERING', first: 1, after: p1.pageInfo.endCursor }, operator)).data!.reviewQueue;
    expect(p2.edges.map((e) => e.node.id)).toEqual([d.id]);
    expect(p2.pageInfo.hasNextPage).toBe(false);

    // unfiltered: every pending round, never out of due order, ours in order among them
    const all = (await t.gql(ReviewQueueDocument, { first: 100 }, reviewer)).data!.reviewQueue;
    const dues = all.edges.map((e) => e.node.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const ids = all.edges.map((e) => e.node.id);
    expect([c.id, a.id, b.id, d.id].map((id) => ids.indexOf(id))).toEqual([...[c.id, a.id, b.id, d.id].map((id) => ids.indexOf(id))].sort((x, y) => x - y));
    expect(all.edges.every((e) => e.node.overdue === e.node.dueAt <= '2026-11-24T10:00:00.000Z')).toBe(true);

    // a decided round leaves the queue
    await t.gql(DecideReviewDocument, { input: { roundId: a.id, decision: 'APPROVE' } }, reviewer);
    expect((await t.gql(ReviewQueueDocument, { tagCode: 'TAOBAOKE' }, reviewer)).data!.reviewQueue.edges.map((e) => e.node.id)).toEqual([c.id]);
  });

  it('no N+1: a page of many rounds with app, tag and working days left costs the same statements as a page of two', async () => {
    const reviewer = await t.token(Role.REVIEWER);
    const small = await t.queries.during(() => t.gql(ReviewQueueDocument, { first: 2 }, reviewer));
    const large = await t.queries.during(() => t.gql(ReviewQueueDocument, { first: 100 }, reviewer));
    expect(large.result.data!.reviewQueue.edges.length).toBeGreaterThan(8);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('bad page arguments are BAD_USER_INPUT naming the field', async () => {
    const reviewer = await t.token(Role.REVIEWER);
    expect(errorCode(await t.gql(ReviewQueueDocument, { first: 0 }, reviewer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(ReviewQueueDocument, { after: 'bm9wZQ' }, reviewer))).toBe('BAD_USER_INPUT');
  });
});

describe('App.reviewRounds', () => {
  it('no N+1: the review history of 6 apps with threads costs the same statements as of 1 app', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const reviewer = await t.token(Role.REVIEWER);
    const withHistory = async (n: number) => {
      const dev = await t.developer();
      for (let i = 0; i < n; i++) {
        const round = await submit(dev.token, (await createApp(dev.token)).id);
        await t.gql(DecideReviewDocument, { input: { roundId: round.id, decision: 'REJECT', reasons: ['OTHER'], explanation: 'x' } }, reviewer);
        await t.gql(PostReviewFeedbackDocument, { roundId: round.id, message: 'why?' }, dev.token);
      }
      return dev;
    };
    const [one, six] = [await withHistory(1), await withHistory(6)];
    const small = await t.queries.during(() => t.gql(MyAppsReviewHistoryDocument, { first: 100 }, one.token));
    const large = await t.queries.during(() => t.gql(MyAppsReviewHistoryDocument, { first: 100 }, six.token));
    expect(large.result.data!.myApps.edges.map((e) => e.node.reviewRounds.edges[0].node.thread.edges.map(({ node: m }) => m.body))).toEqual(Array(6).fill(['why?']));
    expect(large.statements.length).toBe(small.statements.length);
  });
});
