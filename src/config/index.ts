/**
 * Configuration: read `process.env` once, validate, export a typed frozen object.
 * Nothing else in `src/` reads `process.env`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

export type NodeEnv = 'development' | 'test' | 'production';

export interface Config {
  readonly env: NodeEnv;
  readonly port: number;
  readonly databaseUrl: string;
  readonly auth: {
    readonly jwtSecret: string;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly graphql: {
    /** Introspection is on outside production unless set explicitly. */
    readonly introspection: boolean;
    /** Largest request body express accepts (bytes-style string, e.g. "100kb"); larger answers 413. */
    readonly bodyLimit: string;
    /** graphql-armor limits, checked while validating every document. */
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    /** How many automatic-persisted-query documents the in-memory LRU keeps (portal roles only). */
    readonly apqCacheSize: number;
    /**
     * Whether portal roles (everyone but PARTNER) may send documents that are not in a loaded
     * manifest. `false` (production hardening): they may send only manifest hashes, like partners.
     */
    readonly portalArbitraryDocuments: boolean;
    /** Persisted-documents manifests (hash → document) loaded at start: the partner manifest first. */
    readonly manifestPaths: readonly string[];
  };
  readonly rateLimit: {
    readonly enabled: boolean;
    /** Requests one credential (or one anonymous IP) may make per window. */
    readonly points: number;
    readonly durationSeconds: number;
  };
  readonly logSql: boolean;
  /** App secrets at rest (issue 18): the AES-256-GCM key. */
  readonly appSecrets: {
    /** 32 bytes. APP_SECRET_KEY (64 hex digits or base64 of 32 bytes); required in production. */
    readonly key: Buffer;
    /** Stored beside each ciphertext: the first 16 hex digits of SHA-256 of the key, "dev-…" for a development key. */
    readonly keyId: string;
    /** True when no APP_SECRET_KEY was given and a random key was generated for this process only. */
    readonly development: boolean;
  };
  /** Review queues (issue 18): a round or application due within this many working hours is flagged at risk (REVIEW_AT_RISK_WORKING_HOURS, default 24). */
  readonly review: { readonly atRiskWorkingHours: number };
  readonly market: {
    /**
     * Host names the market's HTTP client resolves to fixed addresses (MARKET_HOST_OVERRIDES,
     * e.g. "isv.test=127.0.0.1,other.test=::1"); any other name goes through DNS.
     */
    readonly hostOverrides: ReadonlyMap<string, string>;
    /** How often `npm start` runs the expiry and notification worker (MARKET_WORKER_INTERVAL_MS, default 15000; 0 turns it off). */
    readonly workerIntervalMs: number;
  };
}

export class ConfigError extends Error {}

/** Written by `npm run codegen` from src/partner-operations/*.graphql. */
const DEFAULT_PARTNER_MANIFEST = 'src/partner-operations/generated/persisted-documents.json';

const DEV_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

function readEnv(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as NodeEnv;
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${env.NODE_ENV}")`);
  }

  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be an integer 0..65535 (got "${env.PORT}")`);

  const databaseUrl = env.DATABASE_URL ?? 'mariadb://portal:portal@127.0.0.1:3306/portal';
  if (!/^(mysql|mariadb):\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a mariadb:// (MariaDB 10.11) or mysql:// (MySQL 8) URL');

  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? '' : DEV_SECRET);
  if (jwtSecret.length < 32) problems.push('JWT_SECRET must be set and at least 32 characters long');

  const introspection = env.GRAPHQL_INTROSPECTION !== undefined ? env.GRAPHQL_INTROSPECTION === 'true' : nodeEnv !== 'production';

  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    const n = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) problems.push(`${name} must be an integer >= ${min} (got "${raw}")`);
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false (got "${raw}")`);
    return raw === 'true';
  };
  const bodyLimit = env.GRAPHQL_BODY_LIMIT || '100kb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) problems.push(`GRAPHQL_BODY_LIMIT must look like 100kb or 1mb (got "${bodyLimit}")`);
  const graphql = Object.freeze({
    introspection,
    bodyLimit,
    maxDepth: int('GRAPHQL_MAX_DEPTH', 15, 1),
    maxCost: int('GRAPHQL_MAX_COST', 10000, 1),
    maxAliases: int('GRAPHQL_MAX_ALIASES', 15, 0),
    maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 20, 0),
    maxTokens: int('GRAPHQL_MAX_TOKENS', 2000, 1),
    apqCacheSize: int('GRAPHQL_APQ_CACHE_SIZE', 1000, 1),
    portalArbitraryDocuments: bool('GRAPHQL_PORTAL_ARBITRARY_DOCUMENTS', true),
    manifestPaths: Object.freeze([
      env.PARTNER_MANIFEST_PATH || DEFAULT_PARTNER_MANIFEST,
      ...(env.PORTAL_MANIFEST_PATHS ?? '').split(',').map((p) => p.trim()).filter(Boolean),
    ]),
  });
  const rateLimit = Object.freeze({
    enabled: bool('RATE_LIMIT_ENABLED', true),
    points: int('RATE_LIMIT_POINTS', 600, 1),
    durationSeconds: int('RATE_LIMIT_DURATION_SECONDS', 60, 1),
  });

  const hostOverrides = new Map<string, string>();
  for (const pair of (env.MARKET_HOST_OVERRIDES ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const [host, address] = pair.split('=').map((x) => x?.trim());
    if (!host || !address || isIP(address) === 0) problems.push(`MARKET_HOST_OVERRIDES entries are host=ip (got "${pair}")`);
    else hostOverrides.set(host.toLowerCase(), address);
  }

  const workerIntervalMs = Number(env.MARKET_WORKER_INTERVAL_MS ?? 15_000);
  if (!Number.isInteger(workerIntervalMs) || workerIntervalMs < 0) problems.push(`MARKET_WORKER_INTERVAL_MS must be a whole number of milliseconds (got "${env.MARKET_WORKER_INTERVAL_MS}")`);

  const review = Object.freeze({ atRiskWorkingHours: int('REVIEW_AT_RISK_WORKING_HOURS', 24, 1) });
  const appSecrets = readAppSecretKey(env.APP_SECRET_KEY, nodeEnv, problems);

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);

  return Object.freeze({
    env: nodeEnv,
    port,
    databaseUrl,
    auth: Object.freeze({
      jwtSecret,
      issuer: env.JWT_ISSUER ?? 'open-platform-portal',
      audience: env.JWT_AUDIENCE ?? 'open-platform-portal-api',
    }),
    graphql,
    rateLimit,
    logSql: env.LOG_SQL === 'true',
    appSecrets,
    review,
    market: Object.freeze({ hostOverrides, workerIntervalMs }),
  });
}

/**
 * APP_SECRET_KEY: 64 hex digits or the base64 of 32 bytes. Outside production, when unset, a random
 * key is generated for the process and marked as a development key (secrets issued under it are
 * unreadable after a restart: set the variable to keep them).
 */
function readAppSecretKey(raw: string | undefined, nodeEnv: NodeEnv, problems: string[]): Config['appSecrets'] {
  if (raw === undefined || raw === '') {
    if (nodeEnv === 'production') problems.push('APP_SECRET_KEY must be set in production (32 bytes: 64 hex digits or base64)');
    const key = randomBytes(32);
    return Object.freeze({ key, keyId: `dev-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`, development: true });
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(raw) ? Buffer.from(raw, 'base64') : null;
  if (!key || key.length !== 32) {
    problems.push('APP_SECRET_KEY must be 32 bytes: 64 hex digits or base64');
    return Object.freeze({ key: Buffer.alloc(32), keyId: 'invalid', development: false });
  }
  return Object.freeze({ key, keyId: createHash('sha256').update(key).digest('hex').slice(0, 16), development: false });
}

let cached: Config | undefined;

/** The process's configuration, validated on first use. */
export function config(): Config {
  cached ??= readEnv(process.env);
  return cached;
}

/** For tests and tools that need a variant (another database, another port). */
export function configFrom(env: NodeJS.ProcessEnv): Config {
  return readEnv(env);
}
