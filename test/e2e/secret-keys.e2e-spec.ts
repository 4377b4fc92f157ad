/**
 * One secret key (issue 19 / docs/platform.md "One secret key"): app secrets and webhook signing
 * secrets are sealed under keys derived from SECRETS_KEY (HKDF per purpose); a deployment that had
 * the separate APP_SECRET_KEY keeps it set while `npm run secrets:reseal` (SecretResealService) moves
 * the rows sealed under it — and webhook secrets of the first format, sealed under the raw
 * SECRETS_KEY — onto the derived keys; then it is removed and everything still opens.
 */
import { Role } from '../../src/domain/common/role';
import { configFrom } from '../../src/config';
import { legacyAppSecretKeyId } from '../../src/config/secret-keys';
import { WebhookEndpointEntity } from '../../src/db/entities';
import { SecretCipher, secretAad } from '../../src/services/app/secret-cipher';
import { webhookSecretContext } from '../../src/services/notification/outbound.service';
import { serviceOptionsFrom } from '../../src/services/service-options';
import { TestApp } from '../support/test-app';

const MASTER = '5e'.repeat(32);
const OLD_APP_KEY = Buffer.from('a7'.repeat(32), 'hex');
const OLD_SECRET = 'f0'.repeat(32);

let t: TestApp;
let gateway: string;
beforeAll(async () => {
  t = await TestApp.start({ env: { SECRETS_KEY: MASTER, APP_SECRET_KEY: OLD_APP_KEY.toString('hex') } });
  gateway = await t.token(Role.GATEWAY, 'gateway-keys');
});
afterAll(() => t?.stop());

const gatewaySecrets = async (appkey: string) => {
  const res = await t.post({ query: 'query($k: String!) { appSecrets(appkey: $k) { secrets { version secret } } }', variables: { k: appkey } }, gateway);
  return (res.data as { appSecrets: { secrets: { version: number; secret: string }[] } }).appSecrets.secrets;
};

/** The first webhook format: `v1.<iv>.<tag>.<ciphertext>` under the raw SECRETS_KEY. */
const sealV1 = (plain: string, context: string) => {
  const s = new SecretCipher(Buffer.from(MASTER, 'hex'), 'raw').seal(plain, context);
  return ['v1', s.iv.toString('base64url'), s.authTag.toString('base64url'), s.ciphertext.toString('base64url')].join('.');
};

describe('from SECRETS_KEY + APP_SECRET_KEY to the one SECRETS_KEY', () => {
  it('older rows open under the deprecated key, are resealed under the derived keys once, and open without it afterwards', async () => {
    const dev = await t.developer();
    const created = await t.post({ query: 'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id appkey appSecret } } }', variables: { i: { name: 'Keyed App', tagCode: 'MERCHANT_BACKEND', declaredFunctions: [] } } }, dev.token);
    const app = (created.data as { createApp: { id: string; appkey: string; appSecret: string } }).createApp;
    // a new secret is sealed under the key derived from SECRETS_KEY
    const [fresh] = await t.ds.query('SELECT key_id FROM app_secret WHERE app_id = ?', [app.id]);
    expect(fresh.key_id).toBe(t.config.appSecrets.keyId);
    expect(fresh.key_id).toMatch(/^hkdf-[0-9a-f]{12}$/);

    // an older deployment's row: version 1 sealed under APP_SECRET_KEY, with the id that key gave its rows
    const old = new SecretCipher(OLD_APP_KEY, legacyAppSecretKeyId(OLD_APP_KEY)).seal(OLD_SECRET, secretAad(app.id, 1));
    await t.ds.query('UPDATE app_secret SET ciphertext = ?, iv = ?, auth_tag = ?, key_id = ? WHERE app_id = ? AND version = 1', [old.ciphertext, old.iv, old.authTag, old.keyId, app.id]);
    // and a webhook secret in the first format, under the raw SECRETS_KEY
    const inserted = await t.ds.getRepository(WebhookEndpointEntity).insert({ developerId: dev.id, url: 'https://hooks.example.com/in', secretSealed: 'pending', active: 1, createdAt: new Date(), secretRotatedAt: null });
    const endpointId = String(inserted.identifiers[0].id);
    await t.ds.query('UPDATE webhook_endpoint SET secret_sealed = ? WHERE id = ?', [sealV1('whsec_old-format', webhookSecretContext(endpointId)), endpointId]);
    // a row under a key nobody configured is reported, not garbled
    const stranger = new SecretCipher(Buffer.alloc(32, 9), 'lost-key').seal('x', secretAad(app.id, 7));
    await t.ds.query('INSERT INTO app_secret (app_id, version, ciphertext, iv, auth_tag, key_id, valid_from, valid_until, issued_by, created_at) VALUES (?, 7, ?, ?, ?, ?, NOW(3), NOW(3), ?, NOW(3))', [app.id, stranger.ciphertext, stranger.iv, stranger.authTag, stranger.keyId, dev.id]);

    // before the reseal: the deprecated key still opens its rows
    expect(await gatewaySecrets(app.appkey)).toEqual([{ version: 1, secret: OLD_SECRET }]);

    const report = await t.server.services.secretReseal.reseal();
    expect(report.appSecrets).toBe(1);
    expect(report.webhookSecrets).toBe(1);
    expect(report.unopenable).toEqual([{ table: 'app_secret', id: expect.any(String), error: expect.stringContaining('lost-key') }]);
    const [moved] = await t.ds.query('SELECT key_id FROM app_secret WHERE app_id = ? AND version = 1', [app.id]);
    expect(moved.key_id).toBe(t.config.appSecrets.keyId);
    const [hook] = await t.ds.query('SELECT secret_sealed FROM webhook_endpoint WHERE id = ?', [endpointId]);
    expect(hook.secret_sealed.startsWith(`v2.${t.config.secrets.webhookKeyId}.`)).toBe(true);
    expect(await gatewaySecrets(app.appkey)).toEqual([{ version: 1, secret: OLD_SECRET }]);

    // a second run moves nothing
    expect(await t.server.services.secretReseal.reseal()).toMatchObject({ appSecrets: 0, webhookSecrets: 0 });

    // APP_SECRET_KEY removed: the same SECRETS_KEY alone opens both
    const only = serviceOptionsFrom(configFrom({ SECRETS_KEY: MASTER }));
    const [row] = await t.ds.query('SELECT ciphertext, iv, auth_tag, key_id FROM app_secret WHERE app_id = ? AND version = 1', [app.id]);
    expect(only.secretCipher!.open({ ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id }, secretAad(app.id, 1))).toBe(OLD_SECRET);
    expect(only.secretBox!.open(hook.secret_sealed, webhookSecretContext(endpointId))).toBe('whsec_old-format');
    // and another SECRETS_KEY opens neither
    const other = serviceOptionsFrom(configFrom({ SECRETS_KEY: '11'.repeat(32) }));
    expect(() => other.secretBox!.open(hook.secret_sealed, webhookSecretContext(endpointId))).toThrow();
  });
});
