/**
 * Inputs that used to end in INTERNAL_SERVER_ERROR (issue 12 §2) and the document limits of §5:
 * every one is now a typed refusal naming the field and rule, or an HTTP 4xx with a code, and
 * nothing is written. Over HTTP against a fresh database.
 */
import { Role } from '../../src/domain/common/role';
import { RepairUnknownEnumValues1796167468456 } from '../../migrations/1796167468456-RepairUnknownEnumValues';
import { errorCode, GqlResponse, TestApp } from '../support/test-app';

let t: TestApp;
let dev: { id: string; token: string };
let operator: string;
let gateway: string;
let reviewerToken: string;
const savedNodeEnv = process.env.NODE_ENV;

beforeAll(async () => {
  // Express picks its error page from NODE_ENV when the app is made: development shows stacks.
  process.env.NODE_ENV = 'development';
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' });
  dev = await t.developer('Edge Soft');
  operator = await t.token(Role.OPERATOR, 'op-1');
  gateway = await t.token(Role.GATEWAY, 'gw-1');
  reviewerToken = await t.token(Role.REVIEWER, 'rev-edge');
});
afterAll(async () => {
  process.env.NODE_ENV = savedNodeEnv;
  await t?.stop();
});

type Payload = { __typename: string; code?: string; violations?: { field: string; rule: string }[]; id?: string; appkey?: string; declaredFunctions?: string[] };
const data = (res: GqlResponse<unknown>, field: string): Payload => (res.data as Record<string, Payload>)[field];
const rules = (p: Payload) => (p.violations ?? []).map((v) => `${v.field} ${v.rule}`);
const count = async (table: string) => Number((await t.ds.query(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n);

const CREATE_APP = 'mutation($i: CreateAppInput!) { createApp(input: $i) { __typename ... on App { id appkey declaredFunctions } ... on InvalidInput { code violations { field rule } } } }';
const UPDATE_APP = 'mutation($id: ID!, $i: UpdateAppInput!) { updateApp(id: $id, input: $i) { __typename ... on App { id declaredFunctions } ... on InvalidInput { code violations { field rule } } } }';
const READ_APP = 'query($id: ID!) { app(id: $id) { id declaredFunctions } }';
const createApp = (input: Record<string, unknown>, token = dev.token) => t.post({ query: CREATE_APP, variables: { i: { name: 'Proto App', tagCode: 'MERCHANT_BACKEND', ...input } } }, token);

describe('declared functions are checked against the enum values, not with `in` (Object.prototype members refused)', () => {
  it.each([['constructor'], ['toString'], ['__proto__'], ['hasOwnProperty']])('createApp declaredFunctions ["%s"] → InvalidInput declaredFunctions / UNKNOWN_FUNCTION, no app written', async (fn) => {
    const before = await count('app');
    const res = await createApp({ declaredFunctions: [fn] });
    expect(res.status).toBe(200);
    expect(rules(data(res, 'createApp'))).toEqual(['declaredFunctions UNKNOWN_FUNCTION']);
    expect(await count('app')).toBe(before);
  });

  it('updateApp declaredFunctions ["toString"] → InvalidInput, the app keeps its functions and reads back', async () => {
    const created = data(await createApp({ declaredFunctions: ['MARKETING'] }), 'createApp');
    expect(created.__typename).toBe('App');
    const res = await t.post({ query: UPDATE_APP, variables: { id: created.id, i: { declaredFunctions: ['toString'] } } }, dev.token);
    expect(rules(data(res, 'updateApp'))).toEqual(['declaredFunctions UNKNOWN_FUNCTION']);
    const read = await t.post({ query: READ_APP, variables: { id: created.id } }, dev.token);
    expect(read.errors).toBeUndefined();
    expect(data(read, 'app').declaredFunctions).toEqual(['MARKETING']);
  });

  it('the repair migration drops unknown values from app.declared_functions and review_round.reasons; the app reads again (owner and reviewer); down restores', async () => {
    const created = data(await createApp({ declaredFunctions: ['MARKETING', 'LOGISTICS'] }), 'createApp');
    // A row written by the old `in` check.
    await t.ds.query(`UPDATE app SET declared_functions = '["constructor","MARKETING","toString","LOGISTICS"]' WHERE id = ?`, [created.id]);
    const broken = await t.post({ query: READ_APP, variables: { id: created.id } }, dev.token);
    expect(errorCode(broken)).toBe('INTERNAL_SERVER_ERROR');

    const migration = new RepairUnknownEnumValues1796167468456();
    const runner = t.ds.createQueryRunner();
    try {
      await t.ds.query('DROP TABLE IF EXISTS repair_unknown_enum_value');
      await migration.up(runner);
      const reviewer = await t.token(Role.REVIEWER, 'rev-1');
      for (const token of [dev.token, reviewer]) {
        const read = await t.post({ query: READ_APP, variables: { id: created.id } }, token);
        expect(read.errors).toBeUndefined();
        expect(data(read, 'app').declaredFunctions).toEqual(['MARKETING', 'LOGISTICS']);
      }
      await migration.down(runner);
      const [row] = await t.ds.query('SELECT CAST(declared_functions AS CHAR) AS v FROM app WHERE id = ?', [created.id]);
      expect(JSON.parse(row.v)).toEqual(['constructor', 'MARKETING', 'toString', 'LOGISTICS']);
      await migration.up(runner); // the migrated state the rest of the file runs on
    } finally {
      await runner.release();
    }
  });
});

describe('text that is not well-formed Unicode is refused once, at the edge, naming the argument path', () => {
  const LONE = 'bad \ud800 text';

  it('createApp with a lone surrogate in the description → InvalidInput description / NOT_WELL_FORMED_UNICODE, nothing written', async () => {
    const before = await count('app');
    const res = await createApp({ description: LONE });
    expect(rules(data(res, 'createApp'))).toEqual(['description NOT_WELL_FORMED_UNICODE']);
    expect(await count('app')).toBe(before);
  });

  it('a trailing low surrogate alone (\\udc00) is refused; a real pair (😀) is accepted', async () => {
    expect(rules(data(await createApp({ description: 'x\udc00' }), 'createApp'))).toEqual(['description NOT_WELL_FORMED_UNICODE']);
    expect(data(await createApp({ description: 'ok 😀 应用' }), 'createApp').__typename).toBe('App');
  });

  it('adjustBalance(reason) with a lone surrogate → InvalidInput reason, no ledger entry', async () => {
    const before = await count('ledger_entry');
    const res = await t.post(
      { query: 'mutation($r: String!) { adjustBalance(developerId: "' + dev.id + '", amount: "1.00", idempotencyKey: "edge-1", reason: $r) { __typename ... on InvalidInput { violations { field rule } } } }', variables: { r: '\ud800' } },
      operator,
    );
    expect(rules(data(res, 'adjustBalance'))).toEqual(['reason NOT_WELL_FORMED_UNICODE']);
    expect(await count('ledger_entry')).toBe(before);
  });

  it('inside a list of input objects the path names the element: upsertPackage requiredMaterials[1]', async () => {
    const res = await t.post(
      {
        query: 'mutation($i: UpsertPackageInput!) { upsertPackage(input: $i) { __typename ... on InvalidInput { violations { field rule } } } }',
        variables: { i: { code: 'EDGE_PKG', name: 'Edge', kind: 'VALUE_ADDED', applicationChannel: 'EMAIL', contactEmail: 'a@b.cn', requiredMaterials: ['licence', 'x\ud800'] } },
      },
      operator,
    );
    expect(rules(data(res, 'upsertPackage'))).toEqual(['requiredMaterials[1] NOT_WELL_FORMED_UNICODE']);
  });

  // The operations the issue found writing broken JSON (audit entries, material, review events).
  const MATERIAL = { categoryCode: 'X', build: 'CUSTOM', merchantTier: 'QUALITY', productKind: 'MINI_PROGRAM', isvName: 'Edge', dingTalkContact: 'dt', usageScenario: 'scenario', demoDocumentUrl: 'https://example.com/demo', permissionsRequested: ['read'] };
  it.each<[string, string, string, Record<string, unknown>, () => string, string]>([
    ['applyForMemberCapability (usageScenario)', 'applyForMemberCapability', 'mutation($v: MemberCapabilityApplicationInput!) { applyForMemberCapability(input: $v) { __typename ... on InvalidInput { violations { field rule } } } }', { ...MATERIAL, usageScenario: LONE }, () => dev.token, 'usageScenario'],
    ['applyForMemberCapability (permissionsRequested[0])', 'applyForMemberCapability', 'mutation($v: MemberCapabilityApplicationInput!) { applyForMemberCapability(input: $v) { __typename ... on InvalidInput { violations { field rule } } } }', { ...MATERIAL, permissionsRequested: [LONE] }, () => dev.token, 'permissionsRequested[0]'],
    ['decideReview (explanation)', 'decideReview', 'mutation($v: DecideReviewInput!) { decideReview(input: $v) { __typename ... on InvalidInput { violations { field rule } } } }', { roundId: '1', decision: 'REJECT', reasons: ['OTHER'], explanation: LONE }, () => reviewerToken, 'explanation'],
    ['rejectInvoice (reason)', 'rejectInvoice', 'mutation($v: String!) { rejectInvoice(id: "1", reason: $v) { __typename ... on InvalidInput { violations { field rule } } } }', LONE as never, () => operator, 'reason'],
  ])('%s with a lone surrogate → InvalidInput naming the field', async (_name, field, query, v, token, path) => {
    const res = await t.post({ query, variables: { v } }, token());
    expect(res.errors).toBeUndefined();
    expect(rules(data(res, field))).toEqual([`${path} NOT_WELL_FORMED_UNICODE`]);
  });

  it('a query argument (no result union) → BAD_USER_INPUT naming the argument', async () => {
    const res = await t.post({ query: 'query($f: String!) { billsCsv(platform: TAOBAO, period: $f) }', variables: { f: '2026-11-\ud800' } }, operator);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.violations).toEqual([expect.objectContaining({ field: 'period', rule: 'NOT_WELL_FORMED_UNICODE' })]);
  });

  it('an ID argument with a lone surrogate → BAD_USER_INPUT (it would reach SQL)', async () => {
    const res = await t.post({ query: 'query($id: ID!) { app(id: $id) { id } }', variables: { id: '1\ud800' } }, dev.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('control characters other than tab, LF and CR are refused (CONTROL_CHARACTER); tab and newline pass', async () => {
    expect(rules(data(await createApp({ description: 'a\u0000b' }), 'createApp'))).toEqual(['description CONTROL_CHARACTER']);
    expect(rules(data(await createApp({ description: 'bell\u0007' }), 'createApp'))).toEqual(['description CONTROL_CHARACTER']);
    expect(data(await createApp({ description: 'line one\nline\ttwo\r\n' }), 'createApp').__typename).toBe('App');
  });
});

describe('every string input is limited to its column (characters, as MySQL counts them)', () => {
  const PLACE = 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { __typename ... on InvalidInput { violations { field rule } } } }';

  it('placeOrder NEW with a 256-character buyerEmail (the column holds 200) → InvalidInput buyerEmail / TOO_LONG', async () => {
    const before = await count('market_order');
    const res = await t.post({ query: PLACE, variables: { i: { type: 'NEW', versionId: '1', cycle: 'MONTH', buyerEmail: `${'a'.repeat(250)}@b.cn` } } }, dev.token);
    expect(res.errors).toBeUndefined();
    expect(rules(data(res, 'placeOrder'))).toEqual(['buyerEmail TOO_LONG']);
    expect(await count('market_order')).toBe(before);
  });

  it('placeOrder RENEW with a 31-character buyerPhone (the column holds 30) → InvalidInput buyerPhone / TOO_LONG', async () => {
    const res = await t.post({ query: PLACE, variables: { i: { type: 'RENEW', subscriptionId: '1', buyerPhone: '1'.repeat(31) } } }, dev.token);
    expect(rules(data(res, 'placeOrder'))).toEqual(['buyerPhone TOO_LONG']);
  });

  it('placeOrder UPGRADE with both too long → both named', async () => {
    const res = await t.post({ query: PLACE, variables: { i: { type: 'UPGRADE', subscriptionId: '1', buyerPhone: '1'.repeat(31), buyerEmail: 'e'.repeat(201) } } }, dev.token);
    expect(rules(data(res, 'placeOrder')).sort()).toEqual(['buyerEmail TOO_LONG', 'buyerPhone TOO_LONG']);
  });

  it('setCalendarDay(note) of 101 characters (the column holds 100) → InvalidInput note / TOO_LONG', async () => {
    const res = await t.post({ query: 'mutation($n: String) { setCalendarDay(date: "2026-12-24", kind: WORKDAY, note: $n) { __typename ... on InvalidInput { violations { field rule } } } }', variables: { n: 'n'.repeat(101) } }, operator);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    expect(rules(data(res, 'setCalendarDay'))).toEqual(['note TOO_LONG']);
  });
});

describe('counters beyond 2^31 and the per-record ingestion limit', () => {
  const RECORD = 'mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename ... on InvalidInput { violations { field rule } } ... on UsageBatchReceipt { applied } } }';
  const rec = (appkey: string, key: string, total: number) => ({ idempotencyKey: key, appkey, date: '2026-11-20', apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total, successful: 0 }] });

  it('a record of 2,147,483,647 calls is refused (at most 10^9 a record: COUNT_TOO_LARGE); 3 records of 10^9 read back as usedToday 3,000,000,000', async () => {
    const app = data(await createApp({}), 'createApp');
    const big = await t.post({ query: RECORD, variables: { r: [rec(app.appkey!, 'max-1', 2_147_483_647)] } }, gateway);
    expect(rules(data(big, 'recordUsage'))).toEqual(['records[0].apiCalls[0].total COUNT_TOO_LARGE']);

    const ok = await t.post({ query: RECORD, variables: { r: [1, 2, 3].map((i) => rec(app.appkey!, `giga-${i}`, 1_000_000_000)) } }, gateway);
    expect(data(ok, 'recordUsage')).toEqual({ __typename: 'UsageBatchReceipt', applied: 3 });
    const perm = await t.post({ query: `{ callPermission(appkey: "${app.appkey}", category: BASIC, source: IN_CLOUD) { allowed usedToday } }` }, gateway);
    expect(perm.errors).toBeUndefined();
    expect((perm.data as { callPermission: { usedToday: number } }).callPermission.usedToday).toBe(3_000_000_000);
  });
});

describe('malformed requests answer 4xx with a code, never an internal error', () => {
  it('subscription { tags { edges { node { code } } } } → 400 OPERATION_NOT_SUPPORTED', async () => {
    const res = await t.post({ query: 'subscription { tags { edges { node { code } } } }' });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('OPERATION_NOT_SUPPORTED');
  });

  it('60 records with category "NOPE": every error (the 51st "too many errors" too) is BAD_USER_INPUT, HTTP 400', async () => {
    const records = Array.from({ length: 60 }, (_, i) => ({ idempotencyKey: `nope-${i}`, appkey: '00000000', date: '2026-11-20', apiCalls: [{ category: 'NOPE', source: 'IN_CLOUD', total: 1, successful: 1 }] }));
    const res = await t.post({ query: 'mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename } }', variables: { r: records } }, gateway);
    expect(res.status).toBe(400);
    expect(res.errors!.length).toBe(51);
    expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  const raw = async (headers: Record<string, string>, body: string | Buffer) => {
    const res = await fetch(t.server.url, { method: 'POST', headers, body });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  it.each([
    ['content-encoding: br2', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'application/json', 'content-encoding': 'br2' }],
    ['charset=latin1', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'application/json; charset=latin1' }],
    ['content-encoding: gzip with a body that is not gzip', 400, 'BAD_REQUEST', { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    ['malformed JSON', 400, 'BAD_REQUEST', { 'content-type': 'application/json' }],
  ])('%s → %d JSON with code %s and no stack (NODE_ENV=development)', async (_name, status, code, headers) => {
    const res = await raw(headers, '{"query": "{ __typename }"');
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/application\/json/);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe(code);
    expect(res.text).not.toMatch(/\bat \S+ \(|node_modules|<html|<pre/i);
  });
});

describe('POST /graphql reads the same whichever HTTP path serves it (the lane for a JSON body of stated length, express for the rest)', () => {
  const typename = JSON.stringify({ query: '{ __typename }' });
  const post = async (headers: Record<string, string>, body: RequestInit['body'], extra: RequestInit = {}) => {
    const res = await fetch(t.server.url, { method: 'POST', headers, body, ...extra });
    return { status: res.status, json: (await res.json()) as { data?: { __typename?: string }; errors?: { extensions: { code: string } }[] } };
  };

  it('a JSON scalar is not a request (strict, like express.json): 400 BAD_REQUEST', async () => {
    const res = await post({ 'content-type': 'application/json' }, '"{ __typename }"');
    expect(res.status).toBe(400);
    expect(res.json.errors![0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a UTF-8 byte-order mark before the JSON is skipped, charset utf-8 stated or not', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/json; charset=UTF-8']) {
      const res = await post({ 'content-type': type }, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(typename)]));
      expect([res.status, res.json.data?.__typename]).toEqual([200, 'Query']);
    }
  });

  it('a chunked body (no content-length) and an identity content-encoding are answered the same: 200 Query', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(typename.slice(0, 5)));
        c.enqueue(new TextEncoder().encode(typename.slice(5)));
        c.close();
      },
    });
    const chunked = await post({ 'content-type': 'application/json' }, stream, { duplex: 'half' } as RequestInit);
    expect([chunked.status, chunked.json.data?.__typename]).toEqual([200, 'Query']);
    const identity = await post({ 'content-type': 'application/json', 'content-encoding': 'identity' }, typename);
    expect([identity.status, identity.json.data?.__typename]).toEqual([200, 'Query']);
  });
});

describe('Money and LocalDate are checked at the edge (issue 13): a malformed value is BAD_USER_INPUT naming the argument, nothing runs', () => {
  const RECHARGE = 'mutation($a: Money!, $k: String!) { recharge(amount: $a, idempotencyKey: $k) { __typename ... on BillingAccount { balance } } }';
  const ledgerRows = async () => count('ledger_entry');

  it.each([
    ['three decimal places', '10.001'],
    ['a JSON number (would pass through a float)', 10.5],
    ['a thousands separator', '1,000.00'],
    ['an exponent', '1e3'],
    ['15 integer digits (DECIMAL(16,2) holds 14)', '100000000000000'],
    ['an empty string', ''],
  ])('recharge amount with %s → BAD_USER_INPUT naming $a; no ledger row', async (_name, amount) => {
    const before = await ledgerRows();
    const res = await t.post({ query: RECHARGE, variables: { a: amount, k: `edge-${String(amount)}` } }, dev.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/\$a.*Money/);
    expect(await ledgerRows()).toBe(before);
  });

  it('an inline Money literal with three places is a validation error (GRAPHQL_VALIDATION_FAILED), not an internal one', async () => {
    const res = await t.post({ query: 'mutation { recharge(amount: "1.005", idempotencyKey: "edge-lit") { __typename } }' }, dev.token);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/Money/);
  });

  it('Money is answered with exactly two places: "12.3" recharged reads back as "12.30" in the balance', async () => {
    const d = await t.developer('Money Places');
    const res = await t.post({ query: RECHARGE, variables: { a: '12.3', k: 'edge-places' } }, d.token);
    expect(res.errors).toBeUndefined();
    const bal = await t.post({ query: '{ balance { balance ledgerSum } }' }, d.token);
    expect(bal.data).toEqual({ balance: { balance: '12.30', ledgerSum: '12.30' } });
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['2026-1-5'], ['20261120'], ['2026-11-20T00:00:00Z']])('workingDays from %s → BAD_USER_INPUT naming $f (a LocalDate is a real calendar date)', async (from) => {
    const res = await t.post({ query: 'query($f: LocalDate!) { workingDays(from: $f, to: "2026-11-30") { count } }', variables: { f: from } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/\$f.*LocalDate/);
  });

  it('a LocalDate inside an input object names its path (records[0].date)', async () => {
    const res = await t.post({ query: 'mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename } }', variables: { r: [{ idempotencyKey: 'edge-d', appkey: 'x', date: '2026-02-29' }] } }, gateway);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/at "r\[0\]\.date"/);
  });
});

describe('document limits (issue 12 §5)', () => {
  it('200 @include on fragment spreads → 400 TOO_MANY_DIRECTIVES (counted everywhere); 20 pass', async () => {
    const doc = (n: number) => `query { ${Array.from({ length: n }, () => '...F @include(if: true)').join(' ')} } fragment F on Query { __typename }`;
    const many = await t.post({ query: doc(200) }, dev.token);
    expect(many.status).toBe(400);
    expect(errorCode(many)).toBe('TOO_MANY_DIRECTIVES');
    const some = await t.post({ query: doc(20) }, dev.token);
    expect(some.errors).toBeUndefined();
  });

  it('directives on inline fragments, spreads and fields add up (20 pass, 21 refused)', async () => {
    const inline = Array.from({ length: 10 }, () => '... @skip(if: false) { __typename }').join(' ');
    const spreads = Array.from({ length: 10 }, () => '...F @include(if: true)').join(' ');
    const res = await t.post({ query: `query { ${inline} ${spreads} } fragment F on Query { __typename }` }, dev.token);
    expect(res.errors).toBeUndefined(); // 20
    const res21 = await t.post({ query: `query { ${inline} ${spreads} __typename @include(if: true) } fragment F on Query { __typename }` }, dev.token);
    expect(errorCode(res21)).toBe('TOO_MANY_DIRECTIVES');
  });

  it('anonymous callers have a 500-token budget (GRAPHQL_ANONYMOUS_MAX_TOKENS); a credential keeps 2,000', async () => {
    const doc = `{ ${'__typename '.repeat(600)}}`; // 602 tokens
    const anon = await t.post({ query: doc });
    expect(anon.status).toBe(400);
    expect(errorCode(anon)).toBe('TOO_MANY_TOKENS');
    const signedIn = await t.post({ query: doc }, dev.token);
    expect(signedIn.errors).toBeUndefined();
    const small = await t.post({ query: `{ ${'__typename '.repeat(400)}}` });
    expect(small.errors).toBeUndefined();
    // The same budget for a GET (Apollo serves queries by GET with a preflight header).
    const get = await fetch(`${t.server.url}?query=${encodeURIComponent(doc)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('TOO_MANY_TOKENS');
  });
});

describe('anonymous callers have their own per-IP rate limit (RATE_LIMIT_ANONYMOUS_POINTS)', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await TestApp.start({ env: { RATE_LIMIT_ANONYMOUS_POINTS: '3', RATE_LIMIT_POINTS: '100' } });
  });
  afterAll(async () => small?.stop());

  it('the 4th anonymous request in the window → 429 RATE_LIMITED with Retry-After; a developer from the same IP is not affected', async () => {
    for (let i = 0; i < 3; i++) expect((await small.post({ query: '{ __typename }' })).errors).toBeUndefined();
    const res = await fetch(small.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('RATE_LIMITED');
    const token = await small.token(Role.REVIEWER, 'rev-x');
    expect((await small.post({ query: '{ __typename }' }, token)).errors).toBeUndefined();
  });
});
