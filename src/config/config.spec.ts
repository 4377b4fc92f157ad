import { configFrom } from '.';

const SECRET = 'a-production-secret-of-at-least-32-chars';
const APP_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('configuration: hardening switches and limits', () => {
  it('production turns introspection off by default; GRAPHQL_INTROSPECTION overrides', () => {
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, APP_SECRET_KEY: APP_KEY }).graphql.introspection).toBe(false);
    expect(configFrom({ NODE_ENV: 'development' }).graphql.introspection).toBe(true);
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, APP_SECRET_KEY: APP_KEY, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('defaults: 100kb body, depth 10, cost 10000, 15 aliases, 20 directives, 2000 tokens, 600 requests per 60 s, arbitrary portal documents', () => {
    const cfg = configFrom({});
    expect(cfg.graphql).toMatchObject({ bodyLimit: '100kb', maxDepth: 15, maxCost: 10000, maxAliases: 15, maxDirectives: 20, maxTokens: 2000, apqCacheSize: 1000, portalArbitraryDocuments: true });
    expect(cfg.graphql.manifestPaths).toEqual(['src/partner-operations/generated/persisted-documents.json']);
    expect(cfg.rateLimit).toEqual({ enabled: true, points: 600, durationSeconds: 60 });
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
    });
    expect(cfg.graphql).toMatchObject({ bodyLimit: '1mb', maxDepth: 5, portalArbitraryDocuments: false });
    expect(cfg.graphql.manifestPaths.slice(1)).toEqual(['a.json', 'b.json']);
    expect(cfg.rateLimit).toEqual({ enabled: false, points: 10, durationSeconds: 1 });
  });

  it.each([
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['RATE_LIMIT_POINTS', 'many'],
    ['GRAPHQL_BODY_LIMIT', 'huge'],
    ['GRAPHQL_PORTAL_ARBITRARY_DOCUMENTS', 'yes'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => configFrom({ [name]: value })).toThrow(new RegExp(name));
  });

  it('app secrets: APP_SECRET_KEY is required in production; outside production a random key is generated and marked development', () => {
    expect(() => configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toThrow(/APP_SECRET_KEY must be set in production/);
    const dev = configFrom({ NODE_ENV: 'development' }).appSecrets;
    expect(dev.development).toBe(true);
    expect(dev.key).toHaveLength(32);
    expect(dev.keyId).toMatch(/^dev-[0-9a-f]{12}$/);
    expect(configFrom({}).appSecrets.key.equals(dev.key)).toBe(false);
    const prod = configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, APP_SECRET_KEY: APP_KEY }).appSecrets;
    expect(prod).toMatchObject({ development: false, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(prod.key.toString('hex')).toBe(APP_KEY);
    expect(configFrom({ APP_SECRET_KEY: Buffer.from(APP_KEY, 'hex').toString('base64') }).appSecrets.key.toString('hex')).toBe(APP_KEY);
    expect(() => configFrom({ APP_SECRET_KEY: 'short' })).toThrow(/APP_SECRET_KEY must be 32 bytes/);
  });

  it('review queues: a round due within REVIEW_AT_RISK_WORKING_HOURS (default 24) is at risk', () => {
    expect(configFrom({}).review.atRiskWorkingHours).toBe(24);
    expect(configFrom({ REVIEW_AT_RISK_WORKING_HOURS: '8' }).review.atRiskWorkingHours).toBe(8);
    expect(() => configFrom({ REVIEW_AT_RISK_WORKING_HOURS: '0' })).toThrow(/REVIEW_AT_RISK_WORKING_HOURS/);
  });
});
