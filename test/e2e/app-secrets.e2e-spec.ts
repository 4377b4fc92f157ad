/**
 * App secrets (issue 18, "Manage Certificate" of 002), over HTTP against a fresh database. The
 * clock starts at 2026-11-20 12:00 Beijing (04:00 UTC). Rules checked: a secret is shown in full only
 * in the answer that issues it; it is stored AES-256-GCM sealed; the GATEWAY alone reads valid
 * secrets back with their windows; a rotation keeps the old secret valid for the grace (0–168 h),
 * never more than two valid; a suspended app's secrets verify nothing.
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


interface Created {
  id: string;
  appkey: string;
  appSecret: string | null;
}
async function createApp(dev?: { id: string; token: string }) {
  dev ??= await t.developer('Secret Soft');
  const res = await t.post(
    { query: 'mutation($i: CreateAppInput!) { createApp(input: $i) { __typename ... on App { id appkey appSecret } } }', variables: { i: { name: 'Signed App', tagCode: 'MERCHANT_BACKEND', declaredFunctions: [] } } },
    dev.token,
  );
  const app = data<{ createApp: Created }>(res).createApp;
  return { ...app, dev };
}

interface GatewaySecrets {
  appkey: string;
  verifiable: boolean;
  secrets: { version: number; secret: string; validFrom: string; validUntil: string | null }[];
}
const gatewayRead = (appkey: string, token: string | null = gateway) => t.post({ query: 'query($k: String!) { appSecrets(appkey: $k) { appkey verifiable secrets { version secret validFrom validUntil } } }', variables: { k: appkey } }, token ?? undefined);
const secretsOf = async (appkey: string) => data<{ appSecrets: GatewaySecrets }>(await gatewayRead(appkey)).appSecrets;

const ROTATE = 'mutation($id: ID!, $g: Int!) { rotateAppSecret(appId: $id, graceHours: $g) { __typename ... on IssuedAppSecret { appId version secret validFrom previousValidUntil } ... on InvalidInput { code violations { field rule message } } ... on InvalidState { code currentState action } } }';
const rotate = (appId: string, graceHours: number, token: string) => t.post({ query: ROTATE, variables: { id: appId, g: graceHours } }, token);

describe('a secret is issued with the app and shown only then', () => {
  it('createApp answers a 256-bit secret; no later read by owner, reviewer or operator shows it; the app lists version 1 without it', async () => {
    const app = await createApp();
    expect(app.appSecret).toMatch(/^[0-9a-f]{64}$/);

    for (const token of [app.dev.token, reviewer, operator]) {
      const res = data<{ app: { appSecret: string | null; secrets: unknown } }>(
        await t.post({ query: 'query($id: ID!) { app(id: $id) { appSecret secrets { totalCount edges { node { version validFrom validUntil state } } } } }', variables: { id: app.id } }, token),
      );
      expect(res.app).toEqual({ appSecret: null, secrets: { totalCount: 1, edges: [{ node: { version: 1, validFrom: '2026-11-20T04:00:00.000Z', validUntil: null, state: 'CURRENT' } }] } });
    }
    const mine = data<{ myApps: { edges: { node: { appSecret: string | null } }[] } }>(await t.post({ query: '{ myApps { edges { node { appSecret } } } }' }, app.dev.token));
    expect(mine.myApps.edges).toEqual([{ node: { appSecret: null } }]);

    // Not even the introspected schema offers another field that carries it: App has appSecret (createApp only) and secrets (no secret text).
    const appFields = data<{ __type: { fields: { name: string }[] } }>(await t.post({ query: '{ __type(name: "AppSecretInfo") { fields { name } } }' }, app.dev.token));
    expect(appFields.__type.fields.map((f) => f.name).sort()).toEqual(['state', 'validFrom', 'validUntil', 'version']);
  });

  it('the secret is stored AES-256-GCM sealed: the row holds neither the secret nor its hex, and a 12-byte IV and 16-byte tag', async () => {
    const app = await createApp();
    const [row] = await t.ds.query('SELECT HEX(ciphertext) AS c, LENGTH(iv) AS iv, LENGTH(auth_tag) AS tag, key_id FROM app_secret WHERE app_id = ?', [app.id]);
    expect(row.c.toLowerCase()).not.toContain(app.appSecret);
    expect(Buffer.from(row.c, 'hex').toString('utf8')).not.toContain(app.appSecret!.slice(0, 16));
    expect(Buffer.from(row.c, 'hex').toString('hex')).not.toContain(Buffer.from(app.appSecret!, 'utf8').toString('hex').slice(0, 32));
    expect({ iv: Number(row.iv), tag: Number(row.tag) }).toEqual({ iv: 12, tag: 16 });
    expect(row.key_id).toBe(t.config.appSecrets.keyId);
    const dump = JSON.stringify(await t.ds.query('SELECT * FROM app_secret WHERE app_id = ?', [app.id]));
    expect(dump).not.toContain(app.appSecret);
  });

  it('the GATEWAY reads the valid secret with its window; every other role is refused; an unknown appkey is NOT_FOUND', async () => {
    const app = await createApp();
    expect(await secretsOf(app.appkey)).toEqual({ appkey: app.appkey, verifiable: true, secrets: [{ version: 1, secret: app.appSecret, validFrom: '2026-11-20T04:00:00.000Z', validUntil: null }] });
    expect(errorCode(await gatewayRead(app.appkey, null))).toBe('UNAUTHENTICATED');
    for (const token of [app.dev.token, reviewer, operator]) expect(errorCode(await gatewayRead(app.appkey, token))).toBe('FORBIDDEN');
    expect(errorCode(await gatewayRead(app.appkey, await t.token(Role.PARTNER, 'p-1')))).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(errorCode(await gatewayRead('00000000'))).toBe('NOT_FOUND');
  });
});

describe('rotateAppSecret: the old secret stays valid for the grace, then only the new one', () => {
  it('grace 24 h: both verify until 2026-11-21 04:00 UTC, then only version 2; the owner is notified, the rotation audited, neither carries a secret', async () => {
    const app = await createApp();
    const issued = data<{ rotateAppSecret: { __typename: string; version: number; secret: string; previousValidUntil: string; validFrom: string } }>(await rotate(app.id, 24, app.dev.token)).rotateAppSecret;
    expect(issued).toMatchObject({ __typename: 'IssuedAppSecret', version: 2, validFrom: '2026-11-20T04:00:00.000Z', previousValidUntil: '2026-11-21T04:00:00.000Z' });
    expect(issued.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.secret).not.toBe(app.appSecret);

    expect((await secretsOf(app.appkey)).secrets).toEqual([
      { version: 2, secret: issued.secret, validFrom: '2026-11-20T04:00:00.000Z', validUntil: null },
      { version: 1, secret: app.appSecret, validFrom: '2026-11-20T04:00:00.000Z', validUntil: '2026-11-21T04:00:00.000Z' },
    ]);
    t.clock.set('2026-11-21T03:59:59.999Z');
    expect((await secretsOf(app.appkey)).secrets.map((s) => s.version)).toEqual([2, 1]);
    t.clock.set('2026-11-21T04:00:00Z');
    expect((await secretsOf(app.appkey)).secrets).toEqual([{ version: 2, secret: issued.secret, validFrom: '2026-11-20T04:00:00.000Z', validUntil: null }]);
    const shown = data<{ app: { secrets: { edges: { node: { version: number; state: string } }[] } } }>(await t.post({ query: 'query($id: ID!) { app(id: $id) { secrets { edges { node { version state } } } } }', variables: { id: app.id } }, app.dev.token));
    expect(shown.app.secrets.edges.map((e) => e.node)).toEqual([
      { version: 2, state: 'CURRENT' },
      { version: 1, state: 'EXPIRED' },
    ]);

    const notes = data<{ notifications: { edges: { node: { kind: string; appId: string; message: string } }[] } }>(await t.post({ query: '{ notifications { edges { node { kind appId message } } } }' }, app.dev.token)).notifications.edges.map((e) => e.node);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'APP_SECRET_ROTATED', appId: app.id });
    expect(notes[0].message).toMatch(/version 2 was issued.*version 1 stays valid until 2026-11-21T04:00:00.000Z/);
    const audit = data<{ auditLog: { edges: { node: { action: string; actorId: string; entityId: string; before: unknown; after: { graceHours: number; secrets: unknown[] } } }[] } }>(
      await t.post({ query: 'query($e: ID) { auditLog(first: 5, action: "rotateAppSecret", entityId: $e) { edges { node { action actorId entityId before after } } } }', variables: { e: app.id } }, operator),
    ).auditLog.edges;
    expect(audit).toHaveLength(1);
    expect(audit[0].node).toMatchObject({ action: 'rotateAppSecret', actorId: app.dev.id, entityId: app.id, after: { graceHours: 24 } });
    expect(audit[0].node.after.secrets).toHaveLength(2);
    for (const text of [JSON.stringify(notes), JSON.stringify(audit)]) {
      expect(text).not.toContain(issued.secret);
      expect(text).not.toContain(app.appSecret);
    }
  });

  it('grace 0: the old secret verifies nothing from the rotation on', async () => {
    const app = await createApp();
    const issued = data<{ rotateAppSecret: { secret: string; previousValidUntil: string } }>(await rotate(app.id, 0, app.dev.token)).rotateAppSecret;
    expect(issued.previousValidUntil).toBe('2026-11-20T04:00:00.000Z');
    expect((await secretsOf(app.appkey)).secrets.map((s) => [s.version, s.secret])).toEqual([[2, issued.secret]]);
  });

  it('rotating inside a grace ends the secret already in grace: never more than two valid', async () => {
    const app = await createApp();
    await rotate(app.id, 48, app.dev.token);
    t.clock.set('2026-11-20T06:00:00Z');
    const third = data<{ rotateAppSecret: { version: number; secret: string; previousValidUntil: string } }>(await rotate(app.id, 24, app.dev.token)).rotateAppSecret;
    expect(third).toMatchObject({ version: 3, previousValidUntil: '2026-11-21T06:00:00.000Z' });
    const valid = (await secretsOf(app.appkey)).secrets;
    expect(valid.map((s) => [s.version, s.validUntil])).toEqual([
      [3, null],
      [2, '2026-11-21T06:00:00.000Z'],
    ]);
  });

  it('five concurrent rotations queue on the app: versions 2–6 each issued once, two secrets valid at the end', async () => {
    const app = await createApp();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => rotate(app.id, 24, app.dev.token)));
    const versions = answers.map((r) => data<{ rotateAppSecret: { version: number } }>(r).rotateAppSecret.version).sort();
    expect(versions).toEqual([2, 3, 4, 5, 6]);
    expect((await secretsOf(app.appkey)).secrets.map((s) => s.version)).toEqual([6, 5]);
  });

  it('refusals: graceHours out of 0–168, another developer (NOT_FOUND), staff roles (FORBIDDEN); nothing is written', async () => {
    const app = await createApp();
    for (const g of [169, -1]) {
      expect(data<{ rotateAppSecret: unknown }>(await rotate(app.id, g, app.dev.token)).rotateAppSecret).toEqual({
        __typename: 'InvalidInput',
        code: 'INVALID_INPUT',
        violations: [{ field: 'graceHours', rule: 'OUT_OF_RANGE', message: `graceHours is a whole number of hours from 0 to 168 (got ${g})` }],
      });
    }
    const intruder = await t.developer('Intruder');
    expect(errorCode(await rotate(app.id, 24, intruder.token))).toBe('NOT_FOUND');
    expect(errorCode(await rotate('999999999', 24, app.dev.token))).toBe('NOT_FOUND');
    for (const token of [reviewer, operator, gateway]) expect(errorCode(await rotate(app.id, 24, token))).toBe('FORBIDDEN');
    expect(errorCode(await rotate(app.id, 24, undefined as unknown as string))).toBe('UNAUTHENTICATED');
    expect((await secretsOf(app.appkey)).secrets.map((s) => s.version)).toEqual([1]);
    const [{ n }] = await t.ds.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'rotateAppSecret' AND entity_id = ?", [app.id]);
    expect(Number(n)).toBe(0);
  });
});

describe("a suspended app's secrets stay but verify nothing", () => {
  it('SUSPENDED: the gateway gets verifiable false and no secret, rotation is refused; ONLINE again: the same secret verifies', async () => {
    const app = await createApp();
    await t.ds.query("UPDATE app SET status = 'SUSPENDED' WHERE id = ?", [app.id]);
    expect(await secretsOf(app.appkey)).toEqual({ appkey: app.appkey, verifiable: false, secrets: [] });
    expect(data<{ rotateAppSecret: unknown }>(await rotate(app.id, 24, app.dev.token)).rotateAppSecret).toMatchObject({ __typename: 'InvalidState', currentState: 'SUSPENDED', action: 'rotateAppSecret' });
    await t.ds.query("UPDATE app SET status = 'ONLINE' WHERE id = ?", [app.id]);
    expect((await secretsOf(app.appkey)).secrets).toEqual([expect.objectContaining({ version: 1, secret: app.appSecret })]);
  });
});
