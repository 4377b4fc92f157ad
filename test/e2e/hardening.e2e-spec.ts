/**
 * Hardening (issue 6): integration partners on persisted operations, the allowlist, automatic
 * persisted queries for portal roles, document limits, body size, CSRF, masked errors, rate
 * limiting and the audit log, all over HTTP against a real database.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '../../src/domain/common/role';
import { sha256Hex } from '../../src/http/persisted-documents';
import { PartnerDeveloperAppsDocument, PartnerDevelopersDocument } from '../../src/partner-operations/generated/graphql';
import { AuditLogDocument, GrantPartnerAccessDocument, MyPartnerGrantsDocument, RevokePartnerAccessDocument, UpsertPackageDocument, UpsertTagDocument } from '../generated/graphql';
import { LogCapture } from '../support/log-capture';
import { errorCode, TestApp } from '../support/test-app';

let t: TestApp;
/** The server's error lines (internal errors are logged, masked for the client). */
const logs = new LogCapture('error');
beforeAll(async () => {
  t = await TestApp.start({ logger: logs.logger });
});
afterAll(() => t?.stop());

const APP = { description: 'd', logoUrl: 'https://cdn.example.com/l.png', callbackUrl: 'https://example.com/cb', tagCode: 'MERCHANT_BACKEND', inCloud: true, declaredFunctions: [] };

async function createApp(token: string, name: string): Promise<string> {
  const res = await t.post({ query: 'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', variables: { i: { ...APP, name } } }, token);
  return (res.data as { createApp: { id: string } }).createApp.id;
}

const manifestText = (doc: unknown): string => t.server.manifest.get((doc as { __meta__: { hash: string } }).__meta__.hash.replace(/^sha256:/, ''))!;

describe('partner access (DOMAIN §1): a partner reads only developers that grant it, while granted', () => {
  it('a granted partner runs the manifest operations by hash; after revocation they answer NOT_FOUND / empty; granting again restores access', async () => {
    const dev = await t.developer('Granting ISV');
    const appId = await createApp(dev.token, 'Shop Sync');
    const partner = await t.token(Role.PARTNER, 'erp-partner-1');

    const granted = await t.gql(GrantPartnerAccessDocument, { partnerId: 'erp-partner-1' }, dev.token);
    expect(granted.data!.grantPartnerAccess).toMatchObject({ __typename: 'PartnerGrant', partnerId: 'erp-partner-1', developerId: dev.id, active: true, revokedAt: null });

    const list = await t.persisted(PartnerDevelopersDocument, {}, partner);
    expect(list.data!.partnerDevelopers.edges.map((e) => e.node)).toEqual([{ id: dev.id, name: 'Granting ISV', kind: 'ISV', grantedAt: expect.any(String) }]);

    const apps = await t.persisted(PartnerDeveloperAppsDocument, { developerId: dev.id }, partner);
    expect(apps.errors).toBeUndefined();
    expect(apps.data!.partnerDeveloper.apps.totalCount).toBe(1);
    // DOMAIN §2.2: a DEVELOPING app has the 5,000/day development-test quota, dated by the Beijing calendar.
    expect(apps.data!.partnerDeveloper.apps.edges[0].node).toMatchObject({
      id: appId,
      name: 'Shop Sync',
      status: 'DEVELOPING',
      tag: { code: 'MERCHANT_BACKEND' },
      quotaToday: { date: '2026-11-20', limit: 5000, source: 'DEVELOPMENT_TEST' },
      reviewRounds: { totalCount: 0, edges: [] },
    });

    // Review status (DOMAIN §3): submitted Friday 2026-11-20 ⇒ due at the end of Wednesday 2026-11-25 (Beijing).
    await t.post({ query: 'mutation($id: ID!) { submitAppForReview(appId: $id) { __typename } }', variables: { id: appId } }, dev.token);
    const inReview = (await t.persisted(PartnerDeveloperAppsDocument, { developerId: dev.id }, partner)).data!.partnerDeveloper.apps.edges[0].node;
    expect(inReview.status).toBe('IN_REVIEW');
    expect(inReview.reviewRounds.edges.map((e) => e.node)).toEqual([
      { roundNo: 1, status: 'PENDING', submittedAt: '2026-11-20T04:00:00.000Z', dueAt: '2026-11-25T16:00:00.000Z', overdue: false, decidedAt: null, reasons: [], explanation: null },
    ]);

    const revoked = await t.gql(RevokePartnerAccessDocument, { partnerId: 'erp-partner-1' }, dev.token);
    expect(revoked.data!.revokePartnerAccess).toMatchObject({ __typename: 'PartnerGrant', active: false, revokedAt: expect.any(String) });
    expect((await t.persisted(PartnerDevelopersDocument, {}, partner)).data!.partnerDevelopers.edges.map((e) => e.node)).toEqual([]);
    const after = await t.persisted(PartnerDeveloperAppsDocument, { developerId: dev.id }, partner);
    expect(errorCode(after)).toBe('NOT_FOUND');
    expect(after.data ?? null).toBeNull();

    await t.gql(GrantPartnerAccessDocument, { partnerId: 'erp-partner-1' }, dev.token);
    expect((await t.persisted(PartnerDeveloperAppsDocument, { developerId: dev.id }, partner)).data!.partnerDeveloper.apps.totalCount).toBe(1);
  });

  it('a partner sees only the developers that granted it, not those that granted another partner', async () => {
    const a = await t.developer('Grants A');
    const b = await t.developer('Grants B');
    await t.gql(GrantPartnerAccessDocument, { partnerId: 'partner-a' }, a.token);
    await t.gql(GrantPartnerAccessDocument, { partnerId: 'partner-b' }, b.token);
    const partnerA = await t.token(Role.PARTNER, 'partner-a');
    expect((await t.persisted(PartnerDevelopersDocument, {}, partnerA)).data!.partnerDevelopers.edges.map((e) => e.node).map((d) => d.id)).toEqual([a.id]);
    expect(errorCode(await t.persisted(PartnerDeveloperAppsDocument, { developerId: b.id }, partnerA))).toBe('NOT_FOUND');
    expect(errorCode(await t.persisted(PartnerDeveloperAppsDocument, { developerId: 'no-such-developer' }, partnerA))).toBe('NOT_FOUND');
  });

  it('grant and revoke refuse what makes no sense: twice, never granted, a malformed id, an unregistered developer', async () => {
    const dev = await t.developer();
    await t.gql(GrantPartnerAccessDocument, { partnerId: 'p-twice' }, dev.token);
    expect((await t.gql(GrantPartnerAccessDocument, { partnerId: 'p-twice' }, dev.token)).data!.grantPartnerAccess).toMatchObject({ __typename: 'InvalidState', currentState: 'GRANTED' });
    await t.gql(RevokePartnerAccessDocument, { partnerId: 'p-twice' }, dev.token);
    expect((await t.gql(RevokePartnerAccessDocument, { partnerId: 'p-twice' }, dev.token)).data!.revokePartnerAccess).toMatchObject({ __typename: 'InvalidState', currentState: 'REVOKED' });
    expect(errorCode(await t.gql(RevokePartnerAccessDocument, { partnerId: 'never-granted' }, dev.token))).toBe('NOT_FOUND');
    expect((await t.gql(GrantPartnerAccessDocument, { partnerId: 'bad id!' }, dev.token)).data!.grantPartnerAccess).toMatchObject({
      __typename: 'InvalidInput',
      violations: [{ field: 'partnerId', rule: 'INVALID_PARTNER_ID' }],
    });
    const unregistered = await t.token(Role.DEVELOPER);
    expect((await t.gql(GrantPartnerAccessDocument, { partnerId: 'p-1' }, unregistered)).data!.grantPartnerAccess).toMatchObject({
      __typename: 'InvalidInput',
      violations: [{ field: 'developer', rule: 'NOT_REGISTERED' }],
    });
    const grants = (await t.gql(MyPartnerGrantsDocument, {}, dev.token)).data!.myPartnerGrants.edges.map((e) => e.node);
    expect(grants).toEqual([expect.objectContaining({ partnerId: 'p-twice', active: false })]);
  });
});

describe('persisted documents: partners run only manifest operations, by hash', () => {
  let dev: { id: string; token: string };
  let partner: string;
  beforeAll(async () => {
    dev = await t.developer('Allowlist ISV');
    await t.gql(GrantPartnerAccessDocument, { partnerId: 'allowlist-partner' }, dev.token);
    partner = await t.token(Role.PARTNER, 'allowlist-partner');
  });

  it('the server loaded the manifest that codegen generated from src/partner-operations', () => {
    expect([...t.server.manifest.values()].some((d) => d.startsWith('query PartnerDevelopers'))).toBe(true);
    expect([...t.server.manifest.values()].some((d) => d.startsWith('query PartnerDeveloperApps'))).toBe(true);
  });

  it('the text of a manifest operation, sent in full, is refused with PERSISTED_DOCUMENT_REQUIRED (HTTP 400)', async () => {
    const res = await t.post({ query: manifestText(PartnerDevelopersDocument) }, partner);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(res.data ?? null).toBeNull();
  });

  it('text together with its correct hash is refused too, so is a request with neither', async () => {
    const text = manifestText(PartnerDevelopersDocument);
    expect(errorCode(await t.post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(text) } } }, partner))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(errorCode(await t.post({ variables: {} }, partner))).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('any other document is refused, whatever it asks for', async () => {
    for (const query of ['{ tags { edges { node { code } } } }', '{ partnerDevelopers { edges { node { id } } } }', 'mutation { grantPartnerAccess(partnerId: "x") { __typename } }']) {
      expect(errorCode(await t.post({ query }, partner))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    }
  });

  it('a hash that is not in the manifest answers PERSISTED_DOCUMENT_NOT_FOUND, even one a portal client registered through APQ', async () => {
    const query = '{ partnerDevelopers { edges { node { id name } } } }';
    const hash = sha256Hex(query);
    // A developer registers the document in the APQ cache (allowed for portal roles).
    await t.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, dev.token);
    const res = await t.post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, partner);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    expect(errorCode(await t.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, partner))).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });

  it('the GraphQL-over-HTTP form of the hash ("sha256:<hex>") is accepted as well', async () => {
    const hash = (PartnerDevelopersDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    const res = await t.post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, partner);
    expect(res.data).toEqual({ partnerDevelopers: { edges: [{ node: expect.objectContaining({ id: dev.id }) }] } });
  });
});

describe('automatic persisted queries for portal roles', () => {
  it('an unknown hash asks for the document; once sent with it, the hash alone runs it', async () => {
    const token = await t.token(Role.DEVELOPER);
    const query = '{ tags { edges { node { code trafficMode } } } }';
    const ext = { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } };
    expect(errorCode(await t.post({ extensions: ext }, token))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await t.post({ query, extensions: ext }, token)).errors).toBeUndefined();
    const byHash = await t.post({ extensions: ext }, token);
    expect(byHash.errors).toBeUndefined();
    expect((byHash.data as { tags: { edges: unknown[] } }).tags.edges).toHaveLength(9);
  });

  it('a hash that does not match the document sent is refused', async () => {
    const res = await t.post({ query: '{ tags { edges { node { code } } } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ packages { code } }') } } });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BAD_REQUEST');
    expect(res.errors![0].message).toMatch(/provided sha does not match query/);
  });
});

describe('document limits (graphql-armor and the parser) answer 400 with their own codes', () => {
  it('more aliases than allowed (15): TOO_MANY_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: tags { edges { node { code } } }`).join(' ')} }`;
    const res = await t.post({ query });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('TOO_MANY_ALIASES');
  });

  it('more directives than allowed (20): TOO_MANY_DIRECTIVES', async () => {
    const query = `{ tags { code ${'@include(if: true) '.repeat(21)} } }`;
    expect(errorCode(await t.post({ query }))).toBe('TOO_MANY_DIRECTIVES');
  });

  it('more tokens than allowed (2,000): TOO_MANY_TOKENS', async () => {
    const query = `{ tags { ${'code '.repeat(2100)} } }`;
    const res = await t.post({ query });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('TOO_MANY_TOKENS');
  });

  it('field suggestions are masked so the schema cannot be guessed field by field', async () => {
    const res = await t.post({ query: '{ tags { edges { node { cod } } } }' });
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).not.toMatch(/Did you mean/);
  });
});

describe('HTTP protections', () => {
  it('CSRF prevention: a simple text/plain POST and a GET without a preflight header are refused', async () => {
    const post = await fetch(t.server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ tags { edges { node { code } } } }' }) });
    expect(post.status).toBe(400);
    expect(await post.text()).toMatch(/CSRF/);
    const get = await fetch(`${t.server.url}?query=${encodeURIComponent('{ tags { edges { node { code } } } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const preflighted = await fetch(`${t.server.url}?query=${encodeURIComponent('{ tags { edges { node { code } } } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('batched requests are refused', async () => {
    const res = await fetch(t.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ tags { edges { node { code } } } }' }, { query: '{ tags { edges { node { code } } } }' }]) });
    expect(res.status).toBe(400);
  });

  it('an internal error is masked for the client and logged with its details', async () => {
    const boom = new Error('ER_ACCESS_DENIED_ERROR on secret_internal_table');
    const fault = jest.spyOn(t.server.services.catalog, 'pageTags').mockRejectedValueOnce(boom);
    try {
      const res = await t.post({ query: '{ tags { edges { node { code } } } }' });
      expect(res.errors).toEqual([{ message: 'Internal server error', path: ['tags'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(res)).not.toMatch(/secret_internal_table|ER_ACCESS_DENIED/);
      expect(logs.lines.filter((l) => l.level === 'error' && l.msg !== 'request').map((l) => (l.err as { message: string }).message)).toEqual([boom.message]);
    } finally {
      fault.mockRestore();
    }
  });
});

describe('a strictly configured server: small limits, no introspection, rate limit', () => {
  let s: TestApp;
  beforeAll(async () => {
    s = await TestApp.start({
      env: {
        GRAPHQL_MAX_DEPTH: '4', // the partner's PartnerDevelopers connection (edges → node → fields) is 4 deep
        GRAPHQL_MAX_COST: '40',
        GRAPHQL_BODY_LIMIT: '2kb',
        GRAPHQL_INTROSPECTION: 'false',
        RATE_LIMIT_POINTS: '3',
        RATE_LIMIT_DURATION_SECONDS: '3600',
      },
    });
  });
  afterAll(() => s?.stop());

  it('a document deeper than GRAPHQL_MAX_DEPTH: QUERY_TOO_DEEP', async () => {
    const res = await s.post({ query: '{ myApps { edges { node { tag { applicablePackages { code } } } } } }' }, await s.token(Role.DEVELOPER));
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('QUERY_TOO_DEEP');
  });

  it('a document costlier than GRAPHQL_MAX_COST: QUERY_TOO_COSTLY', async () => {
    // armor's cost: an object 2, a scalar 1, ×1.5 per level, × a literal `first`: (2 + 1.5 × 1) × 100 = 350.
    const res = await s.post({ query: '{ myApps(first: 100) { totalCount } }' }, await s.token(Role.DEVELOPER));
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('QUERY_TOO_COSTLY');
  });

  it('a body over GRAPHQL_BODY_LIMIT answers 413 PAYLOAD_TOO_LARGE before any GraphQL work', async () => {
    const res = await s.post({ query: `{ tags { edges { node { code } } } } # ${'x'.repeat(3000)}` });
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('introspection is refused when off (the production default)', async () => {
    const res = await s.post({ query: '{ __schema { queryType { name } } }' }, await s.token(Role.DEVELOPER));
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/introspection/i);
  });

  it('the 4th request of one credential in the window is refused with RATE_LIMITED, the retry time and Retry-After; another credential is unaffected', async () => {
    const token = await s.token(Role.DEVELOPER, 'rate-limited-dev');
    for (let i = 0; i < 3; i++) expect((await s.post({ query: '{ tags { edges { node { code } } } }' }, token)).errors).toBeUndefined();
    const res = await fetch(s.server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ tags { edges { node { code } } } }' }) });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect(body.errors[0].message).toMatch(/3 requests per 3600s/);
    // Same subject, other role: a separate credential with its own budget.
    expect((await s.post({ query: '{ tags { edges { node { code } } } }' }, await s.token(Role.REVIEWER, 'rate-limited-dev'))).errors).toBeUndefined();
  });

  it('a partner is limited the same way', async () => {
    const partner = await s.token(Role.PARTNER, 'busy-partner');
    for (let i = 0; i < 3; i++) expect((await s.persisted(PartnerDevelopersDocument, {}, partner)).errors).toBeUndefined();
    expect(errorCode(await s.persisted(PartnerDevelopersDocument, {}, partner))).toBe('RATE_LIMITED');
  });
});

describe('GRAPHQL_PORTAL_ARBITRARY_DOCUMENTS=false: portal roles too may send only manifest hashes', () => {
  let locked: TestApp;
  const portalDoc = 'query PortalTags { tags { edges { node { code } } } }';
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-manifest-'));
    const file = path.join(dir, 'portal-persisted-documents.json');
    writeFileSync(file, JSON.stringify({ [`sha256:${sha256Hex(portalDoc)}`]: portalDoc }));
    locked = await TestApp.start({ env: { GRAPHQL_PORTAL_ARBITRARY_DOCUMENTS: 'false', PORTAL_MANIFEST_PATHS: file } });
  });
  afterAll(() => locked?.stop());

  it('a developer sending a document as text, or registering one through APQ, is refused', async () => {
    const token = await locked.token(Role.DEVELOPER);
    expect(errorCode(await locked.post({ query: '{ tags { edges { node { code } } } }' }, token))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(errorCode(await locked.post({ query: '{ tags { edges { node { code } } } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ tags { edges { node { code } } } }') } } }, token))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(errorCode(await locked.post({ query: '{ tags { edges { node { code } } } }' }))).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('a portal manifest operation runs by hash for any role its fields allow', async () => {
    const res = await locked.post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(portalDoc) } } });
    expect(res.errors).toBeUndefined();
    expect((res.data as { tags: { edges: unknown[] } }).tags.edges).toHaveLength(9);
  });
});

describe('audit log: who, when, what, before and after', () => {
  it('upsertPackage then upsertTag by an operator are recorded in their transaction; operators read them newest first', async () => {
    const operator = await t.token(Role.OPERATOR, 'ops-alice');
    const pkg = { code: 'AUDIT_PKG', name: 'Audit package', kind: 'VALUE_ADDED' as const, applicationChannel: 'NONE' as const };
    expect((await t.gql(UpsertPackageDocument, { input: pkg }, operator)).data!.upsertPackage.__typename).toBe('Package');
    expect((await t.gql(UpsertPackageDocument, { input: { ...pkg, name: 'Audit package v2' } }, operator)).data!.upsertPackage.__typename).toBe('Package');
    const tag = { code: 'AUDIT_TAG', name: 'Audit tag', devTestQuota: 5000, defaultOnlineQuota: 100000, trafficMode: 'CONTRACT' as const, defaultPackageCodes: ['AUDIT_PKG'], applicablePackageCodes: [] };
    expect((await t.gql(UpsertTagDocument, { input: tag }, operator)).data!.upsertTag.__typename).toBe('Tag');

    const log = (await t.gql(AuditLogDocument, { actorId: 'ops-alice' }, operator)).data!.auditLog;
    expect(log.totalCount).toBe(3);
    const [tagEntry, pkgUpdate, pkgCreate] = log.edges.map((e) => e.node);
    expect(pkgCreate).toMatchObject({ actorRole: 'OPERATOR', actorId: 'ops-alice', action: 'upsertPackage', entityType: 'Package', entityId: 'AUDIT_PKG', before: null, at: '2026-11-20T04:00:00.000Z' });
    expect(pkgCreate.after).toMatchObject({ code: 'AUDIT_PKG', name: 'Audit package' });
    expect(pkgUpdate.before).toMatchObject({ name: 'Audit package' });
    expect(pkgUpdate.after).toMatchObject({ name: 'Audit package v2' });
    expect(tagEntry).toMatchObject({ action: 'upsertTag', entityType: 'Tag', entityId: 'AUDIT_TAG', before: null });
    expect(tagEntry.after).toMatchObject({ code: 'AUDIT_TAG', defaultOnlineQuota: 100000, defaultPackageCodes: ['AUDIT_PKG'] });
  });

  it('a refused mutation writes no audit entry', async () => {
    const operator = await t.token(Role.OPERATOR, 'ops-bob');
    const res = await t.gql(UpsertPackageDocument, { input: { code: 'AUDIT_BAD', name: 'x', kind: 'VALUE_ADDED', applicationChannel: 'EMAIL' } }, operator);
    expect(res.data!.upsertPackage.__typename).toBe('InvalidInput');
    expect((await t.gql(AuditLogDocument, { actorId: 'ops-bob' }, operator)).data!.auditLog.totalCount).toBe(0);
  });

  it('reviewer decisions and answers, and operator calendar edits, are recorded; a developer\'s own question is not', async () => {
    const dev = await t.developer('Reviewed ISV');
    const appId = await createApp(dev.token, 'Review Me');
    const submitted = await t.post({ query: 'mutation($id: ID!) { submitAppForReview(appId: $id) { ... on ReviewRound { id } } }', variables: { id: appId } }, dev.token);
    const roundId = (submitted.data as { submitAppForReview: { id: string } }).submitAppForReview.id;
    const reviewer = await t.token(Role.REVIEWER, 'rev-carol');
    const decided = await t.post(
      { query: 'mutation($i: DecideReviewInput!) { decideReview(input: $i) { __typename } }', variables: { i: { roundId, decision: 'REJECT', reasons: ['INCOMPLETE_MATERIAL'], explanation: 'logo missing' } } },
      reviewer,
    );
    expect(decided.data).toEqual({ decideReview: { __typename: 'ReviewRound' } });
    const feedback = 'mutation($r: ID!, $m: String!) { postReviewFeedback(roundId: $r, message: $m) { __typename } }';
    expect((await t.post({ query: feedback, variables: { r: roundId, m: 'Which material?' } }, dev.token)).data).toEqual({ postReviewFeedback: { __typename: 'ReviewRound' } });
    expect((await t.post({ query: feedback, variables: { r: roundId, m: 'The logo.' } }, reviewer)).data).toEqual({ postReviewFeedback: { __typename: 'ReviewRound' } });
    const operator = await t.token(Role.OPERATOR, 'ops-dave');
    expect((await t.post({ query: 'mutation { setCalendarDay(date: "2026-12-31", kind: OFF, note: "year end") { __typename } }' }, operator)).data).toEqual({ setCalendarDay: { __typename: 'CalendarDay' } });

    const byReviewer = (await t.gql(AuditLogDocument, { actorId: 'rev-carol' }, operator)).data!.auditLog.edges.map((e) => e.node);
    expect(byReviewer.map((n) => n.action)).toEqual(['postReviewFeedback', 'decideReview']);
    expect(byReviewer[1]).toMatchObject({ actorRole: 'REVIEWER', entityType: 'ReviewRound', entityId: roundId });
    expect(byReviewer[1].before).toMatchObject({ status: 'PENDING', subjectState: 'IN_REVIEW', reasons: [] });
    expect(byReviewer[1].after).toMatchObject({ status: 'REJECTED', subjectState: 'REJECTED', reasons: ['INCOMPLETE_MATERIAL'], explanation: 'logo missing' });
    expect(byReviewer[0].after).toMatchObject({ body: 'The logo.', authorRole: 'REVIEWER' });
    // Every state change is audited (docs/review.md §3): the developer's question too, once.
    expect((await t.gql(AuditLogDocument, { actorId: dev.id, action: 'postReviewFeedback' }, operator)).data!.auditLog.totalCount).toBe(1);
    const calendar = (await t.gql(AuditLogDocument, { actorId: 'ops-dave' }, operator)).data!.auditLog.edges.map((e) => e.node);
    expect(calendar).toEqual([expect.objectContaining({ action: 'setCalendarDay', entityType: 'CalendarDay', entityId: '2026-12-31', before: null })]);
    expect(calendar[0].after).toMatchObject({ date: '2026-12-31', kind: 'OFF', note: 'year end', updatedBy: 'ops-dave' });
  });

  it('grants and revocations are recorded with the developer as the actor; filters and paging work', async () => {
    const dev = await t.developer('Audited ISV');
    await t.gql(GrantPartnerAccessDocument, { partnerId: 'audited-partner' }, dev.token);
    t.clock.set(new Date('2026-11-21T01:00:00Z'));
    try {
      await t.gql(RevokePartnerAccessDocument, { partnerId: 'audited-partner' }, dev.token);
    } finally {
      t.clock.set(new Date('2026-11-20T04:00:00Z'));
    }
    const operator = await t.token(Role.OPERATOR);
    // The developer's registration is audited too (issue 13: every state change is): the grants are read by entity type.
    const page1 = (await t.gql(AuditLogDocument, { actorId: dev.id, entityType: 'PartnerGrant', first: 1 }, operator)).data!.auditLog;
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[0].node).toMatchObject({ actorRole: 'DEVELOPER', action: 'revokePartnerAccess', entityType: 'PartnerGrant', at: '2026-11-21T01:00:00.000Z' });
    expect(page1.edges[0].node.before).toMatchObject({ partnerId: 'audited-partner', revokedAt: null });
    expect(page1.edges[0].node.after).toMatchObject({ partnerId: 'audited-partner', revokedAt: '2026-11-21T01:00:00.000Z' });
    const page2 = (await t.gql(AuditLogDocument, { actorId: dev.id, entityType: 'PartnerGrant', first: 1, after: page1.pageInfo.endCursor }, operator)).data!.auditLog;
    expect(page2.edges.map((e) => e.node.action)).toEqual(['grantPartnerAccess']);
    expect(page2.edges[0].node.before).toBeNull();
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const grants = (await t.gql(AuditLogDocument, { action: 'grantPartnerAccess', entityId: page2.edges[0].node.entityId }, operator)).data!.auditLog;
    expect(grants.totalCount).toBe(1);
  });
});

describe('concurrency', () => {
  it('ten simultaneous first grants of one pair make one grant and one audit entry; the rest answer InvalidState', async () => {
    const dev = await t.developer('Racing ISV');
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(GrantPartnerAccessDocument, { partnerId: 'race-partner' }, dev.token)));
    const kinds = results.map((r) => r.data?.grantPartnerAccess.__typename ?? errorCode(r));
    expect(kinds.filter((k) => k === 'PartnerGrant')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'InvalidState')).toHaveLength(9);
    const operator = await t.token(Role.OPERATOR);
    expect((await t.gql(AuditLogDocument, { actorId: dev.id, action: 'grantPartnerAccess' }, operator)).data!.auditLog.totalCount).toBe(1);
  });
});
