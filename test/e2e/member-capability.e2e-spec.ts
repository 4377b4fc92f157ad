/**
 * Member open-capability applications (DOMAIN §4; issue 4 step 4), over HTTP against a fresh
 * database. The clock stands at Friday 2026-11-20 12:00 Beijing.
 */
import { Role } from '../../src/domain/common/role';
import {
  ApplicationReviewQueueDocument,
  ApplyForMemberCapabilityDocument,
  CapabilityCategoriesDocument,
  DecideMemberCapabilityApplicationDocument,
  LiftMemberCapabilityBarDocument,
  MemberCapabilityApplicationDocument,
  MemberCapabilityApplicationInput,
  MemberCapabilityStandingDocument,
  MyMemberCapabilityApplicationsDocument,
  MyMemberCapabilityStandingDocument,
  MyNotificationsDocument,
  UpsertCapabilityCategoryDocument,
} from '../generated/graphql';
import { errorCode, TestApp, refusedCode } from '../support/test-app';

let t: TestApp;
let reviewer: string;
let operator: string;
beforeAll(async () => {
  t = await TestApp.start();
  reviewer = await t.token(Role.REVIEWER, 'reviewer-1');
  operator = await t.token(Role.OPERATOR, 'operator-1');
});
afterAll(() => t?.stop());

const template = (patch: Partial<MemberCapabilityApplicationInput> = {}): MemberCapabilityApplicationInput => ({
  categoryCode: 'APPAREL',
  productKind: 'MINI_PROGRAM',
  build: 'TEMPLATE',
  merchantTier: 'POTENTIAL',
  merchantSegment: 'Apparel stores with 10,000+ members',
  isvName: 'Hangzhou Soft',
  dingTalkContact: 'dingtalk-12345',
  demoDocumentUrl: 'https://docs.example.com/member-demo',
  permissionsRequested: ['taobao.crm.member.read', 'taobao.crm.points.write'],
  usageScenario: 'A member points mall inside the store',
  companyIntroduction: 'Ten years of e-commerce software',
  successCases: 'Points malls for 30 apparel brands',
  ...patch,
});
const custom = (patch: Partial<MemberCapabilityApplicationInput> = {}) =>
  template({ build: 'CUSTOM', merchantTier: 'QUALITY', merchantSegment: null, merchantName: 'Brand Flagship Store', merchantId: '2200000001', ...patch });

const apply = async (token: string, input: MemberCapabilityApplicationInput) => (await t.gql(ApplyForMemberCapabilityDocument, { input }, token)).data!.applyForMemberCapability;
const failedRules = (payload: unknown) => ((payload as { failedRules?: { rule: string }[] }).failedRules ?? []).map((r) => r.rule);
const reject = async (id: string, codes: string[], note?: string) =>
  (await t.gql(DecideMemberCapabilityApplicationDocument, { id, decision: 'REJECT', rejectionCodes: codes as never, note }, reviewer)).data!.decideMemberCapabilityApplication;
const count = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM member_capability_application'))[0].n);

describe('category table (operator-maintained)', () => {
  it('lists the seeded categories with "custom only"; an operator adds and changes one', async () => {
    const dev = await t.developer();
    const list = (await t.gql(CapabilityCategoriesDocument, {}, dev.token)).data!.capabilityCategories.edges.map((e) => e.node);
    expect(list.find((c) => c.code === 'LUXURY')).toMatchObject({ customOnly: true });
    expect(list.find((c) => c.code === 'APPAREL')).toMatchObject({ customOnly: false });
    expect((await t.gql(UpsertCapabilityCategoryDocument, { input: { code: 'PETS', name: 'Pet supplies', customOnly: false } }, operator)).data!.upsertCapabilityCategory).toMatchObject({ __typename: 'CapabilityCategory', code: 'PETS' });
    expect((await t.gql(UpsertCapabilityCategoryDocument, { input: { code: 'PETS', name: 'Pet supplies', customOnly: true } }, operator)).data!.upsertCapabilityCategory).toMatchObject({ customOnly: true });
    expect((await t.gql(UpsertCapabilityCategoryDocument, { input: { code: 'bad code', name: '', customOnly: false } }, operator)).data!.upsertCapabilityCategory).toMatchObject({
      __typename: 'InvalidInput',
      violations: [{ field: 'code', rule: 'BAD_CODE' }, { field: 'name', rule: 'REQUIRED' }],
    });
    for (const role of [Role.DEVELOPER, Role.REVIEWER, Role.GATEWAY, Role.PARTNER] as const) {
      expect(errorCode(await t.gql(UpsertCapabilityCategoryDocument, { input: { code: 'X1', name: 'x', customOnly: false } }, await t.token(role)))).toBe(refusedCode(role));
    }
    expect(errorCode(await t.gql(CapabilityCategoriesDocument, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('applyForMemberCapability (DOMAIN §4)', () => {
  it('a TEMPLATE application with a POTENTIAL merchant passes the threshold: PENDING, due at the end of Wednesday 2026-11-25', async () => {
    const dev = await t.developer();
    const res = await apply(dev.token, template());
    expect(res).toMatchObject({
      __typename: 'MemberCapabilityApplication',
      status: 'PENDING',
      build: 'TEMPLATE',
      merchantTier: 'POTENTIAL',
      merchantSegment: 'Apparel stores with 10,000+ members',
      permissionsRequested: ['taobao.crm.member.read', 'taobao.crm.points.write'],
      dueAt: '2026-11-25T16:00:00.000Z',
      developerId: dev.id,
    });
  });

  it('a CUSTOM application with a POTENTIAL merchant is refused: custom needs QUALITY', async () => {
    const dev = await t.developer();
    const before = await count();
    const res = await apply(dev.token, custom({ merchantTier: 'POTENTIAL' }));
    expect(res).toMatchObject({ __typename: 'NotEligible', failedRules: [{ rule: 'MERCHANT_TIER', measured: 'POTENTIAL', threshold: 'QUALITY' }] });
    expect(await count()).toBe(before);
    expect(await apply(dev.token, custom())).toMatchObject({ __typename: 'MemberCapabilityApplication', merchantName: 'Brand Flagship Store', merchantId: '2200000001' });
  });

  it('a custom-only category refuses templates and takes custom builds', async () => {
    const dev = await t.developer();
    expect(await apply(dev.token, template({ categoryCode: 'LUXURY', merchantTier: 'QUALITY' }))).toMatchObject({ __typename: 'NotEligible', failedRules: [{ rule: 'CATEGORY_BUILD', measured: 'TEMPLATE' }] });
    expect(await apply(dev.token, custom({ categoryCode: 'LUXURY' }))).toMatchObject({ __typename: 'MemberCapabilityApplication' });
  });

  it('an unlisted category and an ORDINARY template merchant are refused together', async () => {
    const dev = await t.developer();
    expect(failedRules(await apply(dev.token, template({ categoryCode: 'WEAPONS', merchantTier: 'ORDINARY' })))).toEqual(['CATEGORY_LISTED', 'MERCHANT_TIER']);
  });

  it('every required material field is named when missing', async () => {
    const dev = await t.developer();
    const res = await apply(
      dev.token,
      custom({ merchantName: '', merchantId: null, isvName: '', dingTalkContact: '', demoDocumentUrl: 'not a url', permissionsRequested: [], usageScenario: ' ' }),
    );
    expect(res.__typename).toBe('InvalidInput');
    expect((res as { violations: { field: string; rule: string }[] }).violations.map((v) => `${v.field} ${v.rule}`)).toEqual([
      'merchantName REQUIRED_FOR_CUSTOM',
      'merchantId REQUIRED_FOR_CUSTOM',
      'isvName REQUIRED',
      'dingTalkContact REQUIRED',
      'demoDocumentUrl NOT_HTTP_URL',
      'permissionsRequested REQUIRED',
      'usageScenario REQUIRED',
    ]);
    expect(await apply(dev.token, template({ merchantSegment: '' }))).toMatchObject({ violations: [{ field: 'merchantSegment', rule: 'REQUIRED_FOR_TEMPLATE' }] });
  });

  it('ISV onboarding threshold: an ISV not yet onboarded must attach a company introduction and success cases; an onboarded one need not', async () => {
    const dev = await t.developer('New ISV', 'ISV');
    const res = await apply(dev.token, template({ companyIntroduction: null, successCases: '' }));
    expect((res as { violations: { field: string; rule: string }[] }).violations.map((v) => `${v.field} ${v.rule}`)).toEqual([
      'companyIntroduction REQUIRED_FOR_NEW_ISV',
      'successCases REQUIRED_FOR_NEW_ISV',
    ]);
    await t.ds.query('UPDATE developer SET onboarded = 1 WHERE id = ?', [dev.id]);
    expect(await apply(dev.token, template({ companyIntroduction: null, successCases: null }))).toMatchObject({ __typename: 'MemberCapabilityApplication' });
    const merchant = await t.developer('Self-developing shop', 'SELF_DEVELOPING_MERCHANT');
    expect(await apply(merchant.token, template({ companyIntroduction: null, successCases: null }))).toMatchObject({ __typename: 'MemberCapabilityApplication' });
  });
});

describe('review, rejection codes and the 3-strikes bar', () => {
  it('a reviewer approves; a decided application cannot be decided again', async () => {
    const dev = await t.developer();
    const a = (await apply(dev.token, template())) as { id: string };
    const res = (await t.gql(DecideMemberCapabilityApplicationDocument, { id: a.id, decision: 'APPROVE' }, reviewer)).data!.decideMemberCapabilityApplication;
    expect(res).toMatchObject({ status: 'APPROVED', rejectionCodes: null, strike: false });
    expect(await reject(a.id, ['OTHER'], 'x')).toMatchObject({ __typename: 'InvalidState', currentState: 'APPROVED' });
  });

  it('a rejection needs a code; OTHER needs a note; the codes are kept', async () => {
    const dev = await t.developer();
    const a = (await apply(dev.token, template())) as { id: string };
    expect(await reject(a.id, [])).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'rejectionCodes', rule: 'REQUIRED' }] });
    expect(await reject(a.id, ['OTHER'])).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'note', rule: 'REQUIRED_FOR_OTHER' }] });
    expect(await reject(a.id, ['INCOMPLETE_MATERIAL', 'OTHER'], 'Demo document is empty')).toMatchObject({
      status: 'REJECTED',
      rejectionCodes: ['INCOMPLETE_MATERIAL', 'OTHER'],
      rejectionNote: 'Demo document is empty',
      strike: false,
    });
    expect((await t.gql(MyMemberCapabilityStandingDocument, {}, dev.token)).data!.myMemberCapabilityStanding).toEqual({ developerId: dev.id, strikes: 0, barred: false });
  });

  it('three non-compliant rejections bar new applications; INCOMPLETE_MATERIAL does not count; an operator lifts the bar', async () => {
    const dev = await t.developer();
    const codes = [['WEAK_MEMBER_MINDSET'], ['INCOMPLETE_MATERIAL'], ['FORCED_JOIN_IN_GAME', 'BENEFIT_ONLY_RECRUITMENT'], ['BENEFIT_ONLY_RECRUITMENT']];
    const strikes: boolean[] = [];
    for (const c of codes) {
      const a = (await apply(dev.token, template())) as { id: string };
      strikes.push(((await reject(a.id, c)) as { strike: boolean }).strike);
    }
    expect(strikes).toEqual([true, false, true, true]);
    expect((await t.gql(MemberCapabilityStandingDocument, { developerId: dev.id }, reviewer)).data!.memberCapabilityStanding).toEqual({ developerId: dev.id, strikes: 3, barred: true });
    const before = await count();
    expect(await apply(dev.token, template())).toMatchObject({ __typename: 'NotEligible', failedRules: [{ rule: 'NOT_BARRED', measured: '3 non-compliant rejections', threshold: 'fewer than 3' }] });
    expect(await count()).toBe(before);
    const kinds = (await t.gql(MyNotificationsDocument, {}, dev.token)).data!.myNotifications.edges.map((e) => e.node.kind);
    expect(kinds[0]).toBe('MEMBER_CAPABILITY_BARRED');

    for (const role of [Role.DEVELOPER, Role.REVIEWER, Role.GATEWAY, Role.PARTNER] as const) {
      expect(errorCode(await t.gql(LiftMemberCapabilityBarDocument, { developerId: dev.id }, await t.token(role)))).toBe(refusedCode(role));
    }
    expect((await t.gql(LiftMemberCapabilityBarDocument, { developerId: dev.id }, operator)).data!.liftMemberCapabilityBar).toEqual({ developerId: dev.id, strikes: 0, barred: false });
    expect(await apply(dev.token, template())).toMatchObject({ __typename: 'MemberCapabilityApplication' });
    expect(errorCode(await t.gql(LiftMemberCapabilityBarDocument, { developerId: 'nobody' }, operator))).toBe('NOT_FOUND');
  });

  it('member-capability applications join the reviewer queue, by due time', async () => {
    const dev = await t.developer();
    const a = (await apply(dev.token, template())) as { id: string };
    const queue = (await t.gql(ApplicationReviewQueueDocument, { first: 100 }, reviewer)).data!.applicationReviewQueue;
    expect(queue.find((q) => q.id === a.id && q.type === 'MEMBER_CAPABILITY')).toMatchObject({ subject: 'APPAREL', appId: null, overdue: false });
    const dues = queue.map((q) => q.dueAt);
    expect([...dues].sort()).toEqual(dues);
  });
});

describe('roles and tenancy', () => {
  it('only developers apply; only reviewers decide; another developer gets NOT_FOUND', async () => {
    const dev = await t.developer();
    const a = (await apply(dev.token, template())) as { id: string };
    for (const role of [Role.REVIEWER, Role.OPERATOR, Role.GATEWAY, Role.PARTNER] as const) {
      expect(errorCode(await t.gql(ApplyForMemberCapabilityDocument, { input: template() }, await t.token(role)))).toBe(refusedCode(role));
    }
    for (const role of [Role.DEVELOPER, Role.OPERATOR, Role.GATEWAY, Role.PARTNER] as const) {
      expect(errorCode(await t.gql(DecideMemberCapabilityApplicationDocument, { id: a.id, decision: 'APPROVE' }, await t.token(role)))).toBe(refusedCode(role));
    }
    const other = await t.developer('Other');
    expect(errorCode(await t.gql(MemberCapabilityApplicationDocument, { id: a.id }, other.token))).toBe('NOT_FOUND');
    expect((await t.gql(MemberCapabilityApplicationDocument, { id: a.id }, operator)).data!.memberCapabilityApplication.id).toBe(a.id);
    expect((await t.gql(MyMemberCapabilityApplicationsDocument, {}, dev.token)).data!.myMemberCapabilityApplications.edges.map((e) => e.node).map((x) => x.id)).toEqual([a.id]);
    expect((await t.gql(MyMemberCapabilityApplicationsDocument, {}, other.token)).data!.myMemberCapabilityApplications.edges.map((e) => e.node)).toEqual([]);
    expect(errorCode(await t.gql(MemberCapabilityStandingDocument, { developerId: dev.id }, dev.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DecideMemberCapabilityApplicationDocument, { id: '999999999', decision: 'APPROVE' }, reviewer))).toBe('NOT_FOUND');
  });

  it('an unregistered developer is told to register', async () => {
    const res = await apply(await t.token(Role.DEVELOPER), template());
    expect(res).toMatchObject({ __typename: 'InvalidInput', violations: [{ field: 'developer', rule: 'NOT_REGISTERED' }] });
  });
});

describe('role matrix: roles outside each operation are FORBIDDEN, anonymous callers UNAUTHENTICATED', () => {
  it('each operation admits exactly its roles', async () => {
    const dev = await t.developer();
    const all = [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY] as const;
    const ops: [string, (token?: string) => Promise<unknown>, readonly Role[]][] = [
      ['capabilityCategories', (tk) => t.gql(CapabilityCategoriesDocument, {}, tk), [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR]],
      ['upsertCapabilityCategory', (tk) => t.gql(UpsertCapabilityCategoryDocument, { input: { code: 'TOYS', name: 'Toys', customOnly: false } }, tk), [Role.OPERATOR]],
      ['applyForMemberCapability', (tk) => t.gql(ApplyForMemberCapabilityDocument, { input: template({ categoryCode: 'NOPE' }) }, tk), [Role.DEVELOPER]],
      ['decideMemberCapabilityApplication', (tk) => t.gql(DecideMemberCapabilityApplicationDocument, { id: '999999999', decision: 'APPROVE' }, tk), [Role.REVIEWER]],
      ['liftMemberCapabilityBar', (tk) => t.gql(LiftMemberCapabilityBarDocument, { developerId: dev.id }, tk), [Role.OPERATOR]],
      ['myMemberCapabilityStanding', (tk) => t.gql(MyMemberCapabilityStandingDocument, {}, tk), [Role.DEVELOPER]],
      ['memberCapabilityStanding', (tk) => t.gql(MemberCapabilityStandingDocument, { developerId: dev.id }, tk), [Role.REVIEWER, Role.OPERATOR]],
      ['myMemberCapabilityApplications', (tk) => t.gql(MyMemberCapabilityApplicationsDocument, {}, tk), [Role.DEVELOPER]],
      ['memberCapabilityApplication', (tk) => t.gql(MemberCapabilityApplicationDocument, { id: '999999999' }, tk), [Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR]],
    ];
    for (const [name, call, allowed] of ops) {
      expect([name, errorCode((await call()) as never)]).toEqual([name, 'UNAUTHENTICATED']);
      for (const role of all) {
        const token = role === Role.DEVELOPER ? dev.token : await t.token(role);
        const code = errorCode((await call(token)) as never);
        expect([name, role, code === refusedCode(role)]).toEqual([name, role, !allowed.includes(role)]);
      }
    }
  });
});

describe('a member-capability application is reviewed in a review round (issue 13)', () => {
  it('filed Fri 2026-11-20: round 1, due end of Wed 11-25; rejected OTHER with a note, the note is the round explanation, and the thread is open to the developer and the reviewer', async () => {
    const dev = await t.developer();
    const a = (await apply(dev.token, template())) as { id: string };
    const read = async () =>
      ((await t.post({ query: 'query($id: ID!) { memberCapabilityApplication(id: $id) { dueAt rejectionNote round { id subjectType subjectId status dueAt decidedBy explanation thread { edges { node { authorRole body } } } } } }', variables: { id: a.id } }, dev.token)).data as {
        memberCapabilityApplication: { dueAt: string; rejectionNote: string | null; round: { id: string; subjectType: string; subjectId: string; status: string; dueAt: string; decidedBy: string | null; explanation: string | null; thread: { edges: { node: { authorRole: string; body: string } }[] } } };
      }).memberCapabilityApplication;
    expect(await read()).toMatchObject({ dueAt: '2026-11-25T16:00:00.000Z', round: { subjectType: 'MEMBER_CAPABILITY_APPLICATION', subjectId: a.id, status: 'PENDING', dueAt: '2026-11-25T16:00:00.000Z' } });
    expect(await reject(a.id, ['OTHER'], 'The demo document link answers 404')).toMatchObject({ status: 'REJECTED', rejectionNote: 'The demo document link answers 404', strike: false });
    const rejected = await read();
    expect(rejected.round).toMatchObject({ status: 'REJECTED', decidedBy: 'reviewer-1', explanation: 'The demo document link answers 404' });
    const post = (message: string, token: string) => t.post({ query: 'mutation($r: ID!, $m: String!) { postReviewFeedback(roundId: $r, message: $m) { __typename } }', variables: { r: rejected.round.id, m: message } }, token);
    expect((await post('Fixed: the link works now', dev.token)).data).toEqual({ postReviewFeedback: { __typename: 'ReviewRound' } });
    expect((await post('Thanks: file a new application with it', reviewer)).data).toEqual({ postReviewFeedback: { __typename: 'ReviewRound' } });
    expect((await read()).round.thread.edges.map((e) => e.node.authorRole)).toEqual(['DEVELOPER', 'REVIEWER']);
  });
});
