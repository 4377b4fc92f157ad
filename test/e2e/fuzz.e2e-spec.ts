/**
 * Schema-driven fuzzing (issue 12, "Keep it fixed"): every Query and Mutation of the running
 * schema (read by introspection, so a new operation is covered without editing this file) is
 * called with generated arguments by every role: empty, very long, unicode with lone surrogates
 * and control characters, negative, huge, non-integer, 30-digit decimals, malformed dates,
 * unknown enum values, SQL metacharacters, deep nesting, many aliases, and valid-ish values (real
 * ids, appkeys and codes of existing rows) so deeper code runs. A case fails on HTTP 5xx, an
 * INTERNAL_SERVER_ERROR, or an error carrying a stack or SQL text; afterwards the invariants must
 * hold: balance = ledger sum for every account, every JSON column parses, every app reads back
 * through `app(id)` as its owner, every developer through `me`, every review round as a reviewer.
 *
 * Seeded and bounded: FUZZ_SEED (default: random, printed on failure), FUZZ_CASES (default 2500).
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import { Role } from '../../src/domain/common/role';
import { GqlResponse, TestApp } from '../support/test-app';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CASES = Number(process.env.FUZZ_CASES ?? 2500);
/** FUZZ_ONLY: a regular expression over `Query.x` / `Mutation.y` to fuzz a few operations; FUZZ_VERBOSE=1 prints every case. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
const VERBOSE = process.env.FUZZ_VERBOSE === '1';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with FUZZ_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
const rnd = prng(SEED);
/** How hostile the current case is: the chance that a leaf gets a hostile value instead of a valid-ish one. */
let hostility = 0.35;

const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(10_000),
  'é'.repeat(301),
  '应用 😀 العربية',
  'lone \ud800 surrogate',
  '\udc00',
  'nul\u0000byte',
  'esc\u001b[31m',
  "' OR '1'='1",
  '"; DROP TABLE app; --',
  '%_\\',
  '\\u0000',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '{"a":1}',
  'constructor',
  '__proto__',
  'toString',
];
const NUMBERISH = ['0', '-1', '-0.01', '1e400', '123456789012345678901234567890', '0.123456789012345678901234567890', '123456789012345678901234567890.123456789012345678901234567890', 'NaN', 'Infinity', '12.34', '1.005', '9999999999999999.99'];
const DATEISH = ['2026-11-20', '2026-11-19', '2026-11', '2026-02-30', '2026-13-01', '99999-01-01', '0000-00-00', '2026-11-20T00:00:00Z', 'yesterday', '2025-01-01', '2026-12-31', '1969-12-31'];
const URLISH = ['https://example.com/cb', 'http://localhost:1/x', 'javascript:alert(1)', 'ftp://x', 'https://' + 'a'.repeat(600) + '.com'];
const INTS = [0, 1, -1, 2, 7, 30, 100, 2_147_483_647, -2_147_483_648, 1_000_000_000, 1.5, 1e20, -0.5];

/** Real values of existing rows, gathered from the database before and during the run. */
interface Pool {
  ids: string[];
  appkeys: string[];
  codes: string[];
  developers: string[];
}

function leafValue(type: GraphQLNamedType, argName: string, pool: Pool): unknown {
  const name = argName.toLowerCase();
  if (isEnumType(type)) return rnd.chance(hostility / 3) ? 'NOPE' : rnd.pick(type.getValues()).value;
  if (!isScalarType(type)) return null;
  switch (type.name) {
    case 'Boolean':
      return rnd.chance(0.5);
    case 'Int':
    case 'SafeInt':
    case 'Float':
      return rnd.chance(1 - hostility) ? rnd.pick([1, 2, 10, 0]) : rnd.pick(INTS);
    case 'ID': {
      if (rnd.chance(1 - hostility)) {
        if (name.includes('developer') || name.includes('partner') || name.includes('actor')) return rnd.pick([...pool.developers, 'erp-partner-1']);
        if (name.includes('code') || name.includes('tag') || name.includes('package')) return rnd.pick(pool.codes);
        return rnd.pick(pool.ids);
      }
      return rnd.pick(['0', '-1', '99999999999999999999999', 'abc', '', '1.5', ...HOSTILE_STRINGS]);
    }
    case 'DateTimeISO':
      return rnd.pick(['2026-11-20T04:00:00.000Z', 'not-a-date', '', '2026-02-30T00:00:00Z']);
    default: {
      // String (and any other scalar): valid-ish by the argument's name most of the time.
      if (rnd.chance(1 - hostility)) {
        if (name.includes('appkey')) return rnd.pick(pool.appkeys);
        if (name.includes('developer')) return rnd.pick(pool.developers);
        if (/date|from$|^to$|valid|effective/.test(name)) return rnd.pick(['2026-11-20', '2026-11-19', '2026-12-01', '2026-11-01']);
        if (/period/.test(name)) return rnd.pick(['2026-11-19', '2026-10', '2026-11']);
        if (/amount|price|deposit|^month|^year|onetime/.test(name)) return rnd.pick(['12.34', '1.00', '0.01', '-5.00', '100']);
        if (/percent/.test(name)) return rnd.pick(['10', '5.5', '0']);
        if (/url/.test(name)) return rnd.pick(['https://example.com/cb', 'https://isv.example.com/produce']);
        if (/email/.test(name)) return rnd.pick(['a@b.cn', 'not-an-email', 'x'.repeat(250) + '@b.cn']);
        if (/code|model|meter/.test(name)) return rnd.pick([...pool.codes, 'PER_HUNDRED', 'GRADUATED', 'API:BASIC:IN_CLOUD', 'NOPE']);
        if (/key/.test(name)) return `fuzz-${rnd.int(1e9)}`;
        if (/json/.test(name)) return rnd.pick(['{}', '{"prices":{"BASIC":"1.00"}}', '{"tiers":[{"upTo":null,"unitPrice":"0.01"}]}', '[', 'null', '{"constructor":1}']);
        if (/function|reason/.test(name)) return rnd.pick(['PERFORMANCE_APPRAISAL', 'MARKETING', 'OTHER', 'INCOMPLETE_MATERIAL', 'constructor']);
        return rnd.pick(['Fuzz name', 'ok', 'a reason', '应用']);
      }
      // The inputs that used to reach the database broken come up often.
      if (rnd.chance(0.5)) return rnd.pick(['lone \ud800 surrogate', '\udc00', 'nul\u0000byte', 'x'.repeat(10_000), 'é'.repeat(301)]);
      return rnd.pick([...HOSTILE_STRINGS, ...NUMBERISH, ...DATEISH, ...URLISH]);
    }
  }
}

function inputValue(type: GraphQLInputType, argName: string, pool: Pool, depth: number): unknown {
  if (isNonNullType(type)) {
    const v = inputValue(type.ofType, argName, pool, depth);
    return v === null && !rnd.chance(0.03) ? inputValue(type.ofType, argName, pool, depth + 1) : v;
  }
  if (rnd.chance(hostility / 8)) return null;
  if (isListType(type)) {
    const n = rnd.chance(hostility / 6) ? 60 : 1 + rnd.int(3);
    return Array.from({ length: n }, () => inputValue(type.ofType, argName, pool, depth + 1));
  }
  if (isInputObjectType(type)) {
    if (depth > 6) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) || rnd.chance(0.5)) out[f.name] = inputValue(f.type, f.name, pool, depth + 1);
    }
    return out;
  }
  return leafValue(type, argName, pool);
}

/** A selection of the field's result: its leaves and one level of objects under it, through unions too. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) return `{ __typename ${named.getTypes().map((m) => `... on ${m.name} ${selection(m, depth)}`).join(' ')} }`;
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const fields = Object.values(named.getFields()) as GraphQLField<unknown, unknown>[];
  const parts = ['__typename'];
  for (const f of fields) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const child = getNamedType(f.type);
    if (isLeafType(child)) parts.push(f.name);
    else if (depth < 1) parts.push(`${f.name} ${selection(f.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

interface Case {
  operation: string;
  role: Role;
  body: Record<string, unknown>;
}

const ROLES: readonly Role[] = [Role.ANONYMOUS, Role.DEVELOPER, Role.REVIEWER, Role.OPERATOR, Role.PARTNER, Role.GATEWAY];

function textCase(schema: GraphQLSchema, root: GraphQLObjectType, field: GraphQLField<unknown, unknown>, role: Role, pool: Pool): Case {
  const kind = root === schema.getMutationType() ? 'mutation' : 'query';
  const vars: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  for (const a of field.args) {
    if (!isNonNullType(a.type) && rnd.chance(0.3)) continue;
    defs.push(`$${a.name}: ${String(a.type)}`);
    args.push(`${a.name}: $${a.name}`);
    vars[a.name] = inputValue(a.type, a.name, pool, 0);
  }
  const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field.type, 0)}`;
  let body: string;
  const shape = rnd.int(20);
  const head = `${kind}${defs.length ? `(${defs.join(', ')})` : ''}`;
  if (shape === 0) body = `${head} { ${Array.from({ length: 20 }, (_, i) => `a${i}: ${call}`).join(' ')} }`; // many aliases
  else if (shape === 1) body = `${head} { ${`... on ${root.name} { `.repeat(20)}${call}${' }'.repeat(20)} }`; // deep nesting
  else body = `${head} { ${call} }`;
  return { operation: `${root.name}.${field.name}`, role, body: { query: body, variables: vars } };
}

/** A partner sends manifest hashes only: fuzz the variables of each manifest operation. */
function partnerCase(schema: GraphQLSchema, manifest: ReadonlyMap<string, string>, pool: Pool): Case {
  const entries = [...manifest.entries()];
  const [hash, doc] = rnd.pick(entries);
  const op = parse(doc).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const variables: Record<string, unknown> = {};
  for (const v of op.variableDefinitions ?? []) {
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType | undefined;
    if (type) variables[v.variable.name.value] = inputValue(type, v.variable.name.value, pool, 0);
  }
  return { operation: `persisted ${op.name?.value ?? hash.slice(0, 12)}`, role: Role.PARTNER, body: { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } } };
}

const STACK = /\n\s+at \S+|\(\/[^)]+\.[jt]s:\d+:\d+\)|node_modules/;
const SQL = /\bER_[A-Z_]+\b|SQL syntax|sqlMessage|Data too long|Incorrect \w+ value|Duplicate entry|a foreign key constraint|CONSTRAINT `|\bSELECT\b[^"]*\bFROM\b|\bINSERT INTO\b|\bUPDATE `/i;

/** What is wrong with one response, if anything. */
function problem(res: GqlResponse<unknown>): string | null {
  if (res.status >= 500) return `HTTP ${res.status}`;
  const errors = JSON.stringify(res.errors ?? []);
  if ((res.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  if (STACK.test(errors)) return 'an error carries a stack';
  if (SQL.test(errors)) return 'an error carries SQL text';
  return null;
}

let t: TestApp;
const tokens = new Map<Role, string[]>();
const pool: Pool = { ids: [], appkeys: [], codes: [], developers: [] };

async function refreshPool(): Promise<void> {
  const q = (sql: string) => t.ds.query(sql) as Promise<Record<string, string>[]>;
  const tables = await q("SELECT TABLE_NAME AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'id' AND DATA_TYPE = 'bigint'");
  const ids = new Set<string>(['1']);
  for (const { t: table } of tables) for (const r of await q(`SELECT CAST(id AS CHAR) AS id FROM \`${table}\` ORDER BY id DESC LIMIT 4`)) ids.add(r.id);
  pool.ids = [...ids];
  pool.appkeys = (await q('SELECT appkey FROM app ORDER BY id DESC LIMIT 10')).map((r) => r.appkey).concat(['00000000']);
  pool.codes = [
    ...(await q('SELECT code FROM tag')).map((r) => r.code),
    ...(await q('SELECT code FROM package')).map((r) => r.code),
    ...(await q('SELECT code FROM capability_category')).map((r) => r.code),
  ];
  pool.developers = (await q('SELECT id FROM developer ORDER BY created_at DESC LIMIT 10')).map((r) => r.id);
}

beforeAll(async () => {
  t = await TestApp.start({ now: '2026-11-20T04:00:00Z' });
  const devA = await t.developer('Fuzz Soft A');
  const devB = await t.developer('Fuzz Soft B', 'SELF_DEVELOPING_MERCHANT');
  const run = (query: string, variables: Record<string, unknown>, token?: string) => t.post({ query, variables }, token);
  // Data to reach deeper code: apps (one in review), usage, a recharge, a partner grant.
  for (const dev of [devA, devB]) {
    for (const name of ['Fuzz App One', 'Fuzz App Two']) {
      await run('mutation($i: CreateAppInput!) { createApp(input: $i) { __typename } }', { i: { name, tagCode: 'MERCHANT_BACKEND', declaredFunctions: ['PERFORMANCE_APPRAISAL'], callbackUrl: 'https://example.com/cb' } }, dev.token);
    }
    await run('mutation { recharge(amount: "100.00", idempotencyKey: "fuzz-seed") { __typename } }', {}, dev.token);
    await run('mutation { grantPartnerAccess(partnerId: "erp-partner-1") { __typename } }', {}, dev.token);
  }
  const [firstApp] = await t.ds.query('SELECT id, appkey FROM app ORDER BY id LIMIT 1');
  await run('mutation($id: ID!) { submitAppForReview(appId: $id) { __typename } }', { id: String(firstApp.id) }, devA.token);
  tokens.set(Role.DEVELOPER, [devA.token, devB.token]);
  tokens.set(Role.REVIEWER, [await t.token(Role.REVIEWER, 'fuzz-reviewer')]);
  tokens.set(Role.OPERATOR, [await t.token(Role.OPERATOR, 'fuzz-operator')]);
  tokens.set(Role.PARTNER, [await t.token(Role.PARTNER, 'erp-partner-1')]);
  tokens.set(Role.GATEWAY, [await t.token(Role.GATEWAY, 'fuzz-gateway')]);
  await run(
    'mutation($r: [UsageRecordInput!]!) { recordUsage(records: $r) { __typename } }',
    { r: [{ idempotencyKey: 'fuzz-usage-1', appkey: firstApp.appkey, date: '2026-11-19', apiCalls: [{ category: 'BASIC', source: 'IN_CLOUD', total: 1000, successful: 990 }] }] },
    tokens.get(Role.GATEWAY)![0],
  );
  await refreshPool();
});
afterAll(async () => t?.stop());

const failures: string[] = [];
const replay = `FUZZ_SEED=${SEED} FUZZ_CASES=${CASES}`;
const clip = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}…` : s);

it(`${CASES} generated requests over every Query and Mutation, every role: no 5xx, no internal error, no stack, no SQL (${replay})`, async () => {
  const introspection = await t.post({ query: getIntrospectionQuery() });
  const schema = buildClientSchema(introspection.data as IntrospectionQuery);
  const roots = [schema.getQueryType()!, schema.getMutationType()!];
  const operations = roots.flatMap((root) => Object.values(root.getFields()).map((field) => ({ root, field }))).filter((o) => !ONLY || ONLY.test(`${o.root.name}.${o.field.name}`));
  if (!ONLY) expect(operations.length).toBeGreaterThan(50); // 93 when this was written

  // First every operation once per role (authorization of every pair); then operations in turn,
  // each by a role that got past authorization for it, at varying hostility: all valid-ish values
  // (to reach the deeper code), one hostile value here and there, or chaos.
  const REFUSED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'PERSISTED_DOCUMENT_REQUIRED']);
  const admitted = new Map<string, Set<Role>>();
  const outcomes = new Map<string, number>();
  const reached = new Set<string>();
  const firstPass = operations.length * ROLES.length;
  for (let i = 0; i < CASES; i++) {
    const { root, field } = operations[i % operations.length];
    const key = `${root.name}.${field.name}`;
    let role: Role;
    if (i < firstPass) role = ROLES[Math.floor(i / operations.length)];
    else {
      const allowed = [...(admitted.get(key) ?? [])];
      role = allowed.length > 0 && rnd.chance(0.9) ? rnd.pick(allowed) : rnd.pick(ROLES);
    }
    hostility = rnd.pick([0, 0.15, 0.25, 0.25, 0.6]);
    const c = role === Role.PARTNER && rnd.chance(0.5) ? partnerCase(schema, t.server.manifest, pool) : textCase(schema, root, field, role, pool);
    const token = c.role === Role.ANONYMOUS ? undefined : rnd.pick(tokens.get(c.role)!);
    const res = await t.post(c.body, token);
    const code = res.errors?.[0]?.extensions?.code;
    const outcome = res.errors?.length ? String(code) : `data ${Object.values((res.data ?? {}) as Record<string, { __typename?: string }>)[0]?.__typename ?? 'value'}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (!res.errors?.length) reached.add(c.operation);
    if (!REFUSED.has(String(code)) && c.operation === key) admitted.set(key, (admitted.get(key) ?? new Set()).add(role));
    const p = problem(res);
    if (VERBOSE) console.log(`${c.operation} as ${c.role}: ${clip(JSON.stringify(c.body), 300)} → ${clip(JSON.stringify(res.errors ?? res.data), 300)}`);
    if (p) failures.push(`${p} — ${c.operation} as ${c.role}: ${clip(JSON.stringify(c.body))} → ${clip(JSON.stringify(res.errors ?? res))}`);
    if (i % 500 === 499) await refreshPool();
  }
  const histogram = [...outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`fuzz ${replay}: ${CASES} cases; answered without error by ${reached.size} of ${operations.length} operations; outcomes: ${histogram}`);
  if (failures.length) throw new Error(`${failures.length} failing cases (replay with ${replay}):\n${failures.slice(0, 25).join('\n')}`);
}, 600_000);

describe(`invariants after the run (${replay})`, () => {
  it('balance = ledger sum for every account', async () => {
    const rows = await t.ds.query(
      'SELECT a.developer_id AS id, CAST(a.balance AS CHAR) AS balance, CAST(COALESCE((SELECT SUM(l.amount) FROM ledger_entry l WHERE l.developer_id = a.developer_id), 0) AS CHAR) AS sum FROM billing_account a',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r: { balance: string; sum: string }) => Number(r.balance) !== Number(r.sum))).toEqual([]);
  });

  it('every JSON column of every table holds valid JSON that parses (columns found through information_schema)', async () => {
    const cols: { t: string; c: string }[] = await t.ds.query(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'json'
       UNION SELECT cc.TABLE_NAME AS t, col.COLUMN_NAME AS c FROM information_schema.CHECK_CONSTRAINTS cc
         JOIN information_schema.COLUMNS col ON col.TABLE_SCHEMA = cc.CONSTRAINT_SCHEMA AND col.TABLE_NAME = cc.TABLE_NAME AND cc.CHECK_CLAUSE LIKE CONCAT('%json_valid(\`', col.COLUMN_NAME, '\`)%')
         WHERE cc.CONSTRAINT_SCHEMA = DATABASE()`,
    );
    expect(cols.map((x) => `${x.t}.${x.c}`)).toEqual(expect.arrayContaining(['app.declared_functions', 'audit_entry.after']));
    const broken: string[] = [];
    for (const { t: table, c } of cols) {
      const [invalid] = await t.ds.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE \`${c}\` IS NOT NULL AND NOT JSON_VALID(\`${c}\`)`);
      if (Number(invalid.n) > 0) broken.push(`${table}.${c}: ${invalid.n} rows not JSON_VALID`);
      for (const r of await t.ds.query(`SELECT CAST(\`${c}\` AS CHAR) AS v FROM \`${table}\` WHERE \`${c}\` IS NOT NULL`)) {
        try {
          JSON.parse(r.v);
        } catch {
          broken.push(`${table}.${c}: ${clip(r.v, 100)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every app reads back through app(id) as its owner, every developer through me, every review round as a reviewer', async () => {
    const schemaRes = await t.post({ query: getIntrospectionQuery() });
    const schema = buildClientSchema(schemaRes.data as IntrospectionQuery);
    const appSel = selection(schema.getQueryType()!.getFields().app.type, 0);
    const roundSel = selection(schema.getQueryType()!.getFields().reviewRound.type, 0);
    const meSel = selection(schema.getQueryType()!.getFields().me.type, 0);
    const unreadable: string[] = [];
    const apps: { id: string; owner: string }[] = await t.ds.query('SELECT CAST(id AS CHAR) AS id, owner_id AS owner FROM app');
    const developers: { id: string }[] = await t.ds.query('SELECT id FROM developer');
    const ownerTokens = new Map<string, string>();
    for (const d of developers) ownerTokens.set(d.id, await t.token(Role.DEVELOPER, d.id));
    for (const a of apps) {
      const res = await t.post({ query: `query($id: ID!) { app(id: $id) ${appSel} }`, variables: { id: a.id } }, ownerTokens.get(a.owner));
      if (res.errors || !res.data) unreadable.push(`app ${a.id}: ${clip(JSON.stringify(res.errors))}`);
    }
    for (const d of developers) {
      const res = await t.post({ query: `{ me ${meSel} }` }, ownerTokens.get(d.id));
      if (res.errors) unreadable.push(`developer ${d.id}: ${clip(JSON.stringify(res.errors))}`);
    }
    const reviewer = tokens.get(Role.REVIEWER)![0];
    for (const r of await t.ds.query('SELECT CAST(id AS CHAR) AS id FROM review_round')) {
      const res = await t.post({ query: `query($id: ID!) { reviewRound(id: $id) ${roundSel} }`, variables: { id: r.id } }, reviewer);
      if (res.errors) unreadable.push(`review round ${r.id}: ${clip(JSON.stringify(res.errors))}`);
    }
    expect(apps.length).toBeGreaterThanOrEqual(4);
    expect(unreadable).toEqual([]);
  });
});
