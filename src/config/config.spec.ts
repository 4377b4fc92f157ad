import { createHash, hkdfSync } from 'node:crypto';
import path from 'node:path';
import { configFrom } from '.';

const SECRET = 'a-production-secret-of-at-least-32-chars';
/** A production SECRETS_KEY (32 bytes as 64 hex digits). */
const KEY = 'ab'.repeat(32);
const APP_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('configuration: hardening switches and limits', () => {
  it('production turns introspection off by default; GRAPHQL_INTROSPECTION overrides', () => {
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY }).graphql.introspection).toBe(false);
    expect(configFrom({ NODE_ENV: 'development' }).graphql.introspection).toBe(true);
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY, APP_SECRET_KEY: APP_KEY, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('defaults: 100kb body, depth 15, cost 10000, 15 aliases, 20 directives, 2000 tokens (500 anonymous), 600 requests per 60 s (120 per anonymous IP), arbitrary portal documents', () => {
    const cfg = configFrom({});
    expect(cfg.graphql).toMatchObject({ bodyLimit: '100kb', maxDepth: 15, maxCost: 10000, maxAliases: 15, maxDirectives: 20, maxTokens: 2000, anonymousMaxTokens: 500, apqCacheSize: 1000, portalArbitraryDocuments: true });
    // The partner manifest beside the running code (src/ here; dist/ once built), whatever the working directory.
    expect(cfg.graphql.manifestPaths).toEqual([path.resolve(__dirname, '..', 'partner-operations', 'generated', 'persisted-documents.json')]);
    expect(cfg.rateLimit).toEqual({ enabled: true, points: 600, durationSeconds: 60, anonymousPoints: 120 });
  });

  it('late usage (issue 17): a window of 35 days, refusals on outside NODE_ENV=test; USAGE_LATE_WINDOW_DAYS and USAGE_LATE_REFUSALS override', () => {
    expect(configFrom({ NODE_ENV: 'development' }).usage).toEqual({ lateWindowDays: 35, lateRefusals: true, quotaStateMaxAgeSeconds: 5 });
    expect(configFrom({ NODE_ENV: 'test' }).usage).toEqual({ lateWindowDays: 35, lateRefusals: false, quotaStateMaxAgeSeconds: 5 });
    expect(configFrom({ NODE_ENV: 'test', USAGE_LATE_REFUSALS: 'true', USAGE_LATE_WINDOW_DAYS: '10' }).usage).toEqual({ lateWindowDays: 10, lateRefusals: true, quotaStateMaxAgeSeconds: 5 });
    expect(configFrom({ NODE_ENV: 'test', USAGE_QUOTA_STATE_MAX_AGE_SECONDS: '0' }).usage.quotaStateMaxAgeSeconds).toBe(0);
    expect(() => configFrom({ USAGE_LATE_WINDOW_DAYS: '0' })).toThrow('USAGE_LATE_WINDOW_DAYS must be an integer >= 1');
  });

  it('reads every switch', () => {
    const cfg = configFrom({
      GRAPHQL_BODY_LIMIT: '1mb',
      GRAPHQL_MAX_DEPTH: '5',
      GRAPHQL_PORTAL_ARBITRARY_DOCUMENTS: 'false',
      PORTAL_MANIFEST_PATHS: 'a.json, b.json',
      RATE_LIMIT_ENABLED: 'false',
      RATE_LIMIT_POINTS: '10',
      RATE_LIMIT_DURATION_SECONDS: '1',
      RATE_LIMIT_ANONYMOUS_POINTS: '3',
      GRAPHQL_ANONYMOUS_MAX_TOKENS: '50',
    });
    expect(cfg.graphql).toMatchObject({ bodyLimit: '1mb', maxDepth: 5, portalArbitraryDocuments: false, anonymousMaxTokens: 50 });
    expect(cfg.graphql.manifestPaths.slice(1)).toEqual(['a.json', 'b.json']);
    expect(cfg.rateLimit).toEqual({ enabled: false, points: 10, durationSeconds: 1, anonymousPoints: 3 });
  });

  it.each([
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['RATE_LIMIT_POINTS', 'many'],
    ['RATE_LIMIT_ANONYMOUS_POINTS', '0'],
    ['GRAPHQL_ANONYMOUS_MAX_TOKENS', '-1'],
    ['GRAPHQL_BODY_LIMIT', 'huge'],
    ['GRAPHQL_PORTAL_ARBITRARY_DOCUMENTS', 'yes'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => configFrom({ [name]: value })).toThrow(new RegExp(name));
  });

  it('app secrets: their key is derived from SECRETS_KEY (HKDF, purpose app-secrets); APP_SECRET_KEY only opens older rows', () => {
    const dev = configFrom({ NODE_ENV: 'development' }).appSecrets;
    expect(dev).toMatchObject({ development: true, keyId: expect.stringMatching(/^dev-hkdf-[0-9a-f]{12}$/), older: [] });
    expect(dev.key).toHaveLength(32);
    const prod = configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY }).appSecrets;
    expect(prod).toMatchObject({ development: false, keyId: expect.stringMatching(/^hkdf-[0-9a-f]{12}$/), older: [] });
    // RFC 5869 HKDF-SHA256, no salt, info "open-platform-portal/app-secrets/v1"
    expect(prod.key.equals(Buffer.from(hkdfSync('sha256', Buffer.from(KEY, 'hex'), Buffer.alloc(0), 'open-platform-portal/app-secrets/v1', 32)))).toBe(true);
    // one purpose's key is not another's, nor the key itself
    const secrets = configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY }).secrets;
    expect(prod.key.equals(secrets.webhookKey)).toBe(false);
    expect(prod.key.equals(secrets.key)).toBe(false);
    expect(prod.keyId).not.toBe(secrets.webhookKeyId);
    // the deprecated APP_SECRET_KEY: an older key, under the id its rows carry (16 hex digits of its SHA-256)
    const legacy = configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY, APP_SECRET_KEY: APP_KEY }).appSecrets;
    expect(legacy.key.equals(prod.key)).toBe(true);
    expect(legacy.older).toEqual([{ key: Buffer.from(APP_KEY, 'hex'), keyId: createHash('sha256').update(Buffer.from(APP_KEY, 'hex')).digest('hex').slice(0, 16) }]);
    expect(configFrom({ APP_SECRET_KEY: Buffer.from(APP_KEY, 'hex').toString('base64') }).appSecrets.older[0].key.toString('hex')).toBe(APP_KEY);
    expect(() => configFrom({ APP_SECRET_KEY: 'short' })).toThrow(/APP_SECRET_KEY \(deprecated.*must be 32 bytes/);
  });

  it('review queues: a round due within REVIEW_AT_RISK_WORKING_HOURS (default 24) is at risk', () => {
    expect(configFrom({}).review.atRiskWorkingHours).toBe(24);
    expect(configFrom({ REVIEW_AT_RISK_WORKING_HOURS: '8' }).review.atRiskWorkingHours).toBe(8);
    expect(() => configFrom({ REVIEW_AT_RISK_WORKING_HOURS: '0' })).toThrow(/REVIEW_AT_RISK_WORKING_HOURS/);
  });
});

describe('configuration: operations (logs, shutdown, metrics, explorer)', () => {
  it('defaults: info logs (silent under test), 10 s shutdown drain, metrics on the public port without a token, explorer outside production', () => {
    const dev = configFrom({});
    expect(dev.logLevel).toBe('info');
    expect(configFrom({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(dev.shutdownTimeoutMs).toBe(10_000);
    expect(dev.metrics).toEqual({ enabled: true, port: null, token: null, public: false });
    expect(dev.graphql.explorer).toBe(true);
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY }).graphql.explorer).toBe(false);
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY, APP_SECRET_KEY: APP_KEY, GRAPHQL_EXPLORER: 'true' }).graphql.explorer).toBe(true);
  });

  it('reads every switch', () => {
    const cfg = configFrom({ LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT_MS: '2500', METRICS_ENABLED: 'false', METRICS_PORT: '9464', METRICS_TOKEN: 'sixteen-chars-ok', METRICS_PUBLIC: 'true', NODE_ENV: 'test' });
    expect(cfg.logLevel).toBe('debug');
    expect(cfg.shutdownTimeoutMs).toBe(2500);
    expect(cfg.metrics).toEqual({ enabled: false, port: 9464, token: 'sixteen-chars-ok', public: true });
  });

  it.each([
    ['LOG_LEVEL', 'verbose'],
    ['SHUTDOWN_TIMEOUT_MS', '-1'],
    ['METRICS_PORT', '70000'],
    ['METRICS_TOKEN', 'short'],
    ['METRICS_PUBLIC', 'yes'],
    ['GRAPHQL_EXPLORER', 'on'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => configFrom({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe('configuration: secrets at rest', () => {
  it('production refuses to start without SECRETS_KEY, or with one that is not 32 bytes; development uses a key marked as such', () => {
    expect(() => configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toThrow(/SECRETS_KEY is required in production/);
    expect(() => configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: 'ab'.repeat(16) })).toThrow(/SECRETS_KEY must be 32 bytes/);
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, SECRETS_KEY: KEY }).secrets).toMatchObject({ key: Buffer.from(KEY, 'hex'), developmentKey: false, webhookKeyId: expect.stringMatching(/^hkdf-[0-9a-f]{12}$/) });
    expect(configFrom({}).secrets.developmentKey).toBe(true);
  });
});
