import { configFrom } from '.';

const SECRET = 'a-production-secret-of-at-least-32-chars';

describe('configuration: hardening switches and limits', () => {
  it('production turns introspection off by default; GRAPHQL_INTROSPECTION overrides', () => {
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET }).graphql.introspection).toBe(false);
    expect(configFrom({ NODE_ENV: 'development' }).graphql.introspection).toBe(true);
    expect(configFrom({ NODE_ENV: 'production', JWT_SECRET: SECRET, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('defaults: 100kb body, depth 15, cost 10000, 15 aliases, 20 directives, 2000 tokens (500 anonymous), 600 requests per 60 s (120 per anonymous IP), arbitrary portal documents', () => {
    const cfg = configFrom({});
    expect(cfg.graphql).toMatchObject({ bodyLimit: '100kb', maxDepth: 15, maxCost: 10000, maxAliases: 15, maxDirectives: 20, maxTokens: 2000, anonymousMaxTokens: 500, apqCacheSize: 1000, portalArbitraryDocuments: true });
    expect(cfg.graphql.manifestPaths).toEqual(['src/partner-operations/generated/persisted-documents.json']);
    expect(cfg.rateLimit).toEqual({ enabled: true, points: 600, durationSeconds: 60, anonymousPoints: 120 });
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
});
