/**
 * Every list that can grow is a connection paged in SQL (issue 13, docs/schema-contract.md
 * "Connections"): the catalogue lists (tags, packages, capability categories, coupon policies,
 * price lists), `monthToDate`, `billingRuns`, on an app its secrets and operator-set quotas, and
 * lists that used to be read whole and sliced (a provider's products, a developer's partner grants).
 *
 * For each: paging with a small `first` walks the whole list in at least two pages, with no item
 * twice and none left out, in the order of one big page; the last page says hasNextPage false;
 * the statement that reads a page carries the page's LIMIT (it is paged in SQL, not sliced after
 * reading everything); a cursor this list did not issue is BAD_USER_INPUT naming `after`, and
 * `first` above the one bound of the API (100) is BAD_USER_INPUT naming `first`.
 */
import { Role } from '../../src/domain/common/role';
import { BillingFixture, calls } from '../support/billing-fixture';
import { data, errorCode, TestApp } from '../support/test-app';
import { PartnerDeveloperPackageApplicationsDocument } from '../../src/partner-operations/generated/graphql';

let t: TestApp;
let f: BillingFixture;
let operator: string;
let dev: { id: string; token: string };
let appId: string;
let roundId: string;
let productId: string;
let partner: string;

// Beijing 2026-11-19 14:00
const NOW = '2026-11-19T06:00:00Z';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: Record<string, unknown> }[];
}
const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { %s } }';

/** One list under test: how to ask for a page (the connection in the answer) and a node's identity. */
interface Case {
  name: string;
  token: () => string;
  query: string;
  variables?: () => Record<string, unknown>;
  pick: (d: Record<string, unknown>) => Page;
  key: (n: Record<string, unknown>) => string;
  /** Page size that gives at least two pages for the fixture's rows. */
  first: number;
}

beforeAll(async () => {
  t = await TestApp.start({ now: NOW });
  f = await BillingFixture.of(t);
  operator = await t.token(Role.OPERATOR, 'operator-1');
  dev = await t.developer('Paging Soft');

  // monthToDate: three apps of one developer with usage this month, none billed yet (one row each).
  t.clock.set('2026-11-01T00:00:00Z');
  const apps = [await f.newApp(dev), await f.newApp(dev), await f.newApp(dev)];
  t.clock.set(NOW);
  for (const a of apps) await f.report(a.appkey, '2026-11-18', { apiCalls: [calls('BASIC', 'IN_CLOUD', 1_000)] });
  appId = apps[0].id;

  // App.secrets: versions 1 to 4 (three rotations, no grace).
  for (let i = 0; i < 3; i++) {
    const res = await t.post({ query: 'mutation($id: ID!) { rotateAppSecret(appId: $id, graceHours: 0) { __typename } }', variables: { id: appId } }, dev.token);
    expect(data<{ rotateAppSecret: { __typename: string } }>(res).rotateAppSecret.__typename).toBe('IssuedAppSecret');
  }

  // App.operatorQuotas: three rows (one per effective date and app).
  for (const [from, quota] of [['2026-11-20', 1_000_000], ['2026-11-25', 2_000_000], ['2026-12-01', 2_500_000]] as const) {
    await t.ds.query(
      "INSERT INTO app_operator_quota (app_id, kind, daily_quota, effective_from, contract_reference, basis, set_by, set_at) VALUES (?, 'CONTRACT', ?, ?, 'C-1', NULL, 'operator-1', ?)",
      [appId, quota, from, new Date(NOW)],
    );
  }

  // myMarketProducts: three products of the developer; myPartnerGrants: three grants at one instant (the id breaks the tie).
  for (let i = 0; i < 3; i++) {
    const res = await t.post({ query: 'mutation($i: CreateMarketProductInput!) { createMarketProduct(input: $i) { __typename } }', variables: { i: { name: `Data Analysis ${i}`, saleMode: 'BY_CYCLE' } } }, dev.token);
    expect(data<{ createMarketProduct: { __typename: string } }>(res).createMarketProduct.__typename).toBe('MarketProduct');
    const granted = await t.post({ query: 'mutation($p: ID!) { grantPartnerAccess(partnerId: $p) { __typename } }', variables: { p: `paging-partner-${i}` } }, dev.token);
    expect(data<{ grantPartnerAccess: { __typename: string } }>(granted).grantPartnerAccess.__typename).toBe('PartnerGrant');
  }

  // App.reviewRounds: three rounds of the app (two rejected, one pending); ReviewRound.thread: four messages on round 1.
  const insertRound = async (type: string, subjectId: string, no: number, status: string) =>
    (
      await t.ds.query(
        "INSERT INTO review_round (subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, reasons) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, '[]')",
        [type, subjectId, dev.id, no, status, dev.id, new Date(NOW), new Date('2026-11-24T16:00:00Z')],
      )
    ).insertId as number;
  for (const no of [1, 2, 3]) {
    const id = await insertRound('APP', appId, no, no < 3 ? 'REJECTED' : 'PENDING');
    if (no === 1) roundId = String(id);
  }
  for (const [role, body] of [['DEVELOPER', 'why?'], ['REVIEWER', 'the logo'], ['DEVELOPER', 'which one?'], ['REVIEWER', 'the small one']]) {
    await t.ds.query('INSERT INTO review_message (round_id, author_id, author_role, body, posted_at) VALUES (?, ?, ?, ?, ?)', [roundId, role === 'DEVELOPER' ? dev.id : 'reviewer-1', role, body, new Date(NOW)]);
  }

  // appPackageApplications and PartnerDeveloper.packageApplications: three decided value-added applications, each with its round.
  for (let i = 0; i < 3; i++) {
    const { insertId } = await t.ds.query(
      "INSERT INTO package_application (app_id, developer_id, kind, package_code, requested_quota, status, submitted_at, eligibility) VALUES (?, ?, 'VALUE_ADDED', 'WANGWANG_CHAT_HISTORY', NULL, 'REJECTED', ?, '[]')",
      [appId, dev.id, new Date(NOW)],
    );
    await insertRound('PACKAGE_APPLICATION', String(insertId), 1, 'REJECTED');
  }
  partner = await t.token(Role.PARTNER, 'paging-partner-0');

  // Developer.pendingMemberCapabilityApplications: three pending applications, two of them due at one instant (the id breaks the tie).
  for (const due of ['2026-11-25T16:00:00Z', '2026-11-24T16:00:00Z', '2026-11-24T16:00:00Z']) {
    const { insertId } = await t.ds.query(
      "INSERT INTO member_capability_application (developer_id, category_code, product_kind, build, merchant_tier, material, status, eligibility, submitted_at) VALUES (?, 'APPAREL', 'MINI_PROGRAM', 'TEMPLATE', 'QUALITY', '{}', 'PENDING', '[]', ?)",
      [dev.id, new Date(NOW)],
    );
    await t.ds.query(
      "INSERT INTO review_round (subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, reasons) VALUES ('MEMBER_CAPABILITY_APPLICATION', ?, ?, NULL, 1, 'PENDING', ?, ?, ?, '[]')",
      [String(insertId), dev.id, dev.id, new Date(NOW), new Date(due)],
    );
  }

  // mySales: orders on the developer's three products in two Beijing months (six grouped rows); MarketProduct.reviewRounds: three rounds of one product.
  const products: { id: string }[] = await t.ds.query('SELECT id FROM market_product WHERE provider_id = ? ORDER BY id', [dev.id]);
  productId = String(products[0].id);
  for (const p of products) {
    for (const at of ['2026-10-10T02:00:00Z', '2026-11-10T02:00:00Z']) {
      await t.ds.query(
        "INSERT INTO market_order (buyer_id, product_id, version_id, subscription_id, type, trial, cycle, length, quantities, choices, amount, `lines`, created_at) VALUES ('buyer-1', ?, 1, 1, 'NEW', 0, 'MONTH', 1, '{}', '{}', '30.00', '[]', ?)",
        [p.id, new Date(at)],
      );
    }
  }
  for (const no of [1, 2, 3]) await insertRound('MARKET_PRODUCT', productId, no, no < 3 ? 'REJECTED' : 'PENDING');

  // billingRuns: two runs by hand and four scheduled periods, two of them due at the same instant.
  await f.run('TAOBAO', '2026-11-17');
  await f.run('TAOBAO', '2026-11-18');
  for (const [job, period, due] of [
    ['TAOBAO_BILLING', '2026-11-10', '2026-11-10T18:00:00.000Z'],
    ['LATE_USAGE', '2026-11-10', '2026-11-10T18:00:00.000Z'],
    ['TAOBAO_BILLING', '2026-11-11', '2026-11-11T18:00:00.000Z'],
    ['ARREARS_COLLECTION', '2026-11-11', '2026-11-11T19:00:00.000Z'],
  ]) {
    await t.ds.query("INSERT INTO scheduled_job_run (job, period, state, due_at, attempts) VALUES (?, ?, 'DONE', ?, 1)", [job, period, new Date(due)]);
  }
});
afterAll(() => t?.stop());

const node = (fields: string) => PAGE.replace('%s', fields);
const cases: Case[] = [
  { name: 'tags', token: () => dev.token, query: `query($first: Int, $after: String) { tags(first: $first, after: $after) { ${node('id code')} } }`, pick: (d) => d.tags as Page, key: (n) => String(n.code), first: 2 },
  { name: 'packages', token: () => dev.token, query: `query($first: Int, $after: String) { packages(first: $first, after: $after) { ${node('id code kind dailyQuota')} } }`, pick: (d) => d.packages as Page, key: (n) => String(n.code), first: 3 },
  {
    name: 'packages(kind: TRAFFIC)',
    token: () => dev.token,
    query: `query($first: Int, $after: String) { packages(kind: TRAFFIC, first: $first, after: $after) { ${node('id code kind dailyQuota')} } }`,
    pick: (d) => d.packages as Page,
    key: (n) => String(n.code),
    first: 2,
  },
  { name: 'capabilityCategories', token: () => dev.token, query: `query($first: Int, $after: String) { capabilityCategories(first: $first, after: $after) { ${node('id code')} } }`, pick: (d) => d.capabilityCategories as Page, key: (n) => String(n.code), first: 2 },
  { name: 'couponPolicies', token: () => operator, query: `query($first: Int, $after: String) { couponPolicies(first: $first, after: $after) { ${node('id code validFrom')} } }`, pick: (d) => d.couponPolicies as Page, key: (n) => String(n.code), first: 1 },
  { name: 'priceLists', token: () => operator, query: `query($first: Int, $after: String) { priceLists(first: $first, after: $after) { ${node('id platform effectiveFrom')} } }`, pick: (d) => d.priceLists as Page, key: (n) => String(n.id), first: 1 },
  {
    name: 'monthToDate (developer)',
    token: () => dev.token,
    query: `query($first: Int, $after: String) { monthToDate(first: $first, after: $after) { ${node('appId platform bills')} } }`,
    pick: (d) => d.monthToDate as Page,
    key: (n) => `${n.appId}|${n.platform}`,
    first: 2,
  },
  {
    name: 'monthToDate (operator, every developer)',
    token: () => operator,
    query: `query($first: Int, $after: String) { monthToDate(first: $first, after: $after) { ${node('appId platform bills')} } }`,
    pick: (d) => d.monthToDate as Page,
    key: (n) => `${n.appId}|${n.platform}`,
    first: 2,
  },
  {
    name: 'billingRuns',
    token: () => operator,
    query: `query($first: Int, $after: String) { billingRuns(first: $first, after: $after) { ${node('job period trigger runId dueAt startedAt')} } }`,
    pick: (d) => d.billingRuns as Page,
    key: (n) => `${n.job}|${n.period}|${n.trigger}|${n.runId}`,
    first: 2,
  },
  { name: 'myMarketProducts', token: () => dev.token, query: `query($first: Int, $after: String) { myMarketProducts(first: $first, after: $after) { ${node('id name')} } }`, pick: (d) => d.myMarketProducts as Page, key: (n) => String(n.id), first: 2 },
  { name: 'myPartnerGrants', token: () => dev.token, query: `query($first: Int, $after: String) { myPartnerGrants(first: $first, after: $after) { ${node('id partnerId')} } }`, pick: (d) => d.myPartnerGrants as Page, key: (n) => String(n.id), first: 2 },
  {
    name: 'App.secrets',
    token: () => dev.token,
    query: `query($id: ID!, $first: Int, $after: String) { app(id: $id) { secrets(first: $first, after: $after) { ${node('version state')} } } }`,
    variables: () => ({ id: appId }),
    pick: (d) => (d.app as { secrets: Page }).secrets,
    key: (n) => String(n.version),
    first: 3,
  },
  {
    name: 'App.operatorQuotas',
    token: () => dev.token,
    query: `query($id: ID!, $first: Int, $after: String) { app(id: $id) { operatorQuotas(first: $first, after: $after) { ${node('id effectiveFrom dailyQuota')} } } }`,
    variables: () => ({ id: appId }),
    pick: (d) => (d.app as { operatorQuotas: Page }).operatorQuotas,
    key: (n) => String(n.id),
    first: 2,
  },
  {
    name: 'App.reviewRounds',
    token: () => dev.token,
    query: `query($id: ID!, $first: Int, $after: String) { app(id: $id) { reviewRounds(first: $first, after: $after) { ${node('id roundNo')} } } }`,
    variables: () => ({ id: appId }),
    pick: (d) => (d.app as { reviewRounds: Page }).reviewRounds,
    key: (n) => String(n.roundNo),
    first: 2,
  },
  {
    name: 'ReviewRound.thread',
    token: () => dev.token,
    query: `query($id: ID!, $first: Int, $after: String) { reviewRound(id: $id) { thread(first: $first, after: $after) { ${node('id body')} } } }`,
    variables: () => ({ id: roundId }),
    pick: (d) => (d.reviewRound as { thread: Page }).thread,
    key: (n) => String(n.id),
    first: 3,
  },
  {
    name: 'MarketProduct.reviewRounds',
    token: () => dev.token,
    query: `query($id: ID!, $first: Int, $after: String) { marketProduct(id: $id) { reviewRounds(first: $first, after: $after) { ${node('id roundNo')} } } }`,
    variables: () => ({ id: productId }),
    pick: (d) => (d.marketProduct as { reviewRounds: Page }).reviewRounds,
    key: (n) => String(n.roundNo),
    first: 2,
  },
  {
    name: 'appPackageApplications',
    token: () => dev.token,
    query: `query($id: ID!, $first: Int, $after: String) { appPackageApplications(appId: $id, first: $first, after: $after) { ${node('id status')} } }`,
    variables: () => ({ id: appId }),
    pick: (d) => d.appPackageApplications as Page,
    key: (n) => String(n.id),
    first: 2,
  },
  {
    name: 'Developer.pendingMemberCapabilityApplications',
    token: () => dev.token,
    query: `query($first: Int, $after: String) { me { pendingMemberCapabilityApplications(first: $first, after: $after) { ${node('id dueAt')} } } }`,
    pick: (d) => (d.me as { pendingMemberCapabilityApplications: Page }).pendingMemberCapabilityApplications,
    key: (n) => `${n.dueAt}|${n.id}`,
    first: 2,
  },
  { name: 'mySales', token: () => dev.token, query: `query($first: Int, $after: String) { mySales(first: $first, after: $after) { ${node('productId month orders amount')} } }`, pick: (d) => d.mySales as Page, key: (n) => `${n.month}|${n.productId}`, first: 4 },
];

const ask = async (c: Case, args: { first?: number; after?: string }) => t.post({ query: c.query, variables: { ...(c.variables?.() ?? {}), ...args } }, c.token());

describe.each(cases)('$name pages in SQL', (c) => {
  it('small pages walk the whole list once, in order: no overlap, no gap, hasNextPage false at the end', async () => {
    const all = c.pick(data(await ask(c, { first: 100 })));
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.edges.length).toBe(all.totalCount);
    expect(all.totalCount).toBeGreaterThan(c.first);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const { result, statements } = await t.queries.during(() => ask(c, { first: c.first, ...(after ? { after } : {}) }));
      const page = c.pick(data(result));
      pages++;
      // Paged in SQL: a statement reads at most first + 1 rows (LIMIT first + 1; the per-parent rank of the children loader; monthToDate LIMIT ? with its window count).
      expect(statements.some((s) => new RegExp(`LIMIT ${c.first + 1}\\b|keyset_rank <= \\?|keyset_total`).test(s))).toBe(true);
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(false);
      expect(page.edges.length).toBeLessThanOrEqual(c.first);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.edges.map((e) => c.key(e.node)));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(c.first);
      after = page.pageInfo.endCursor!;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.edges.map((e) => c.key(e.node)));
  });

  it.each([
    [{ after: 'bm9wZQ' }, 'after', 'INVALID_CURSOR'],
    [{ after: Buffer.from('ks:[1,2,3,4]').toString('base64url') }, 'after', 'INVALID_CURSOR'], // the shape of no order of this API
    [{ first: 101 }, 'first', 'OUT_OF_RANGE'],
    [{ first: 0 }, 'first', 'OUT_OF_RANGE'],
  ])('%j is BAD_USER_INPUT naming %s / %s', async (args, field, rule) => {
    const res = await ask(c, args as { first?: number; after?: string });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ violations: [{ field, rule }] });
  });
});

describe('children of a list of apps: one statement for the page, whatever the number of apps', () => {
  it('myApps with each app’s secrets and operator quotas (first: 1) reads the same statements for 1 app and for 4', async () => {
    const owner = await t.developer('Children Soft');
    const query = '{ myApps(first: 50) { edges { node { id secrets(first: 1) { totalCount edges { node { version } } } operatorQuotas(first: 1) { totalCount } } } } }';
    const read = async () => t.queries.during(() => t.post({ query }, owner.token));
    await f.newApp(owner);
    const one = await read();
    for (let i = 0; i < 3; i++) await f.newApp(owner);
    const four = await read();
    const apps = data<{ myApps: { edges: { node: { secrets: { totalCount: number; edges: unknown[] } } }[] } }>(four.result).myApps.edges;
    expect(apps).toHaveLength(4);
    for (const a of apps) expect(a.node.secrets).toMatchObject({ totalCount: 1, edges: [{ node: { version: 1 } }] });
    expect(four.statements.length).toBe(one.statements.length);
    expect(four.statements.filter((s) => /FROM app_secret/.test(s))).toHaveLength(1);
    expect(four.statements.filter((s) => /FROM app_operator_quota/.test(s))).toHaveLength(1);
  });
});

describe('PartnerDeveloper.packageApplications pages in SQL (the manifest document, by hash)', () => {
  it('first 2 then the rest: no overlap, no gap, newest first, hasNextPage false at the end; a bad cursor names after, first 101 names first', async () => {
    const read = (v: { first?: number; after?: string }) => t.persisted(PartnerDeveloperPackageApplicationsDocument, { developerId: dev.id, ...v }, partner);
    const all = (await read({ first: 100 })).data!.partnerDeveloper.packageApplications;
    expect(all.totalCount).toBe(3);
    const one = (await read({ first: 2 })).data!.partnerDeveloper.packageApplications;
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await read({ first: 2, after: one.pageInfo.endCursor! })).data!.partnerDeveloper.packageApplications;
    expect(two.pageInfo.hasNextPage).toBe(false);
    const ids = [...one.edges, ...two.edges].map((e) => e.node.id);
    expect(ids).toEqual(all.edges.map((e) => e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => Number(b) - Number(a)));
    const bad = await read({ after: 'bm9wZQ' });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field: 'after', rule: 'INVALID_CURSOR' }] });
    const big = await read({ first: 101 });
    expect(big.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', violations: [{ field: 'first', rule: 'OUT_OF_RANGE' }] });
  });
});

describe('rounds and threads of a list of apps: one statement per page of parents', () => {
  it('myApps with each app’s review rounds and each round’s thread (first: 1) reads the same statements for 1 app and for 4', async () => {
    const owner = await t.developer('Thread Soft');
    const query = '{ myApps(first: 10) { edges { node { id reviewRounds(first: 1) { totalCount edges { node { thread(first: 1) { totalCount edges { node { body } } } } } } } } } }';
    const read = async () => t.queries.during(() => t.post({ query }, owner.token));
    const addApp = async () => {
      const app = await f.newApp(owner);
      const { insertId } = await t.ds.query(
        "INSERT INTO review_round (subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, reasons) VALUES ('APP', ?, ?, NULL, 1, 'REJECTED', ?, ?, ?, '[]')",
        [app.id, owner.id, owner.id, new Date(NOW), new Date(NOW)],
      );
      for (const body of ['why?', 'the logo']) await t.ds.query("INSERT INTO review_message (round_id, author_id, author_role, body, posted_at) VALUES (?, ?, 'DEVELOPER', ?, ?)", [insertId, owner.id, body, new Date(NOW)]);
    };
    await addApp();
    const one = await read();
    for (let i = 0; i < 3; i++) await addApp();
    const four = await read();
    const apps = data<{ myApps: { edges: { node: { reviewRounds: { totalCount: number; edges: { node: { thread: unknown } }[] } } }[] } }>(four.result).myApps.edges;
    expect(apps).toHaveLength(4);
    for (const a of apps) expect(a.node.reviewRounds).toMatchObject({ totalCount: 1, edges: [{ node: { thread: { totalCount: 2, edges: [{ node: { body: 'why?' } }] } } }] });
    expect(four.statements.length).toBe(one.statements.length);
    expect(four.statements.filter((s) => /FROM review_round/.test(s))).toHaveLength(1);
    expect(four.statements.filter((s) => /FROM review_message/.test(s))).toHaveLength(1);
  });
});
