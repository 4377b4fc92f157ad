/**
 * Configuration: read `process.env` once, validate, export a typed frozen object.
 * Nothing else in `src/` reads `process.env`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { derivedKeyId, derivePurposeKey, legacyAppSecretKeyId } from './secret-keys';
import { isIP } from 'node:net';
import path from 'node:path';
import { Role } from '../domain/common/role';
import { parseDuration } from '../domain/auth/token-lifetime.rule';

/** The roles a token can carry. */
export type TokenRole = Exclude<Role, Role.ANONYMOUS>;

export type NodeEnv = 'development' | 'test' | 'production';

export interface Config {
  readonly env: NodeEnv;
  readonly port: number;
  readonly databaseUrl: string;
  /** Bounded waits on the database (0 turns one off); see src/db/connection-guard.ts. */
  readonly database: {
    /** TCP connect and handshake (DB_CONNECT_TIMEOUT_MS). */
    readonly connectTimeoutMs: number;
    /** Waiting for a free pooled connection (DB_ACQUIRE_TIMEOUT_MS). */
    readonly acquireTimeoutMs: number;
    /** One statement, on the server (max_statement_time / max_execution_time) and, 1 s later, on the client (DB_STATEMENT_TIMEOUT_MS). */
    readonly statementTimeoutMs: number;
    /** `/readyz` answers 503 when `SELECT 1` takes longer (READYZ_TIMEOUT_MS, under 1 s). */
    readonly readinessTimeoutMs: number;
    /** The Retry-After a 503 SERVICE_UNAVAILABLE carries (DB_RETRY_AFTER_SECONDS). */
    readonly retryAfterSeconds: number;
  };
  readonly auth: {
    readonly jwtSecret: string;
    readonly issuer: string;
    readonly audience: string;
    /** Longest lifetime (exp − iat, seconds) a token of each role may have (JWT_MAX_TTL_<ROLE>). */
    readonly maxTtlSeconds: Readonly<Record<TokenRole, number>>;
    /** Clock skew allowed when checking exp, nbf and iat (JWT_CLOCK_TOLERANCE_SECONDS). */
    readonly clockToleranceSeconds: number;
  };
  readonly graphql: {
    /** Introspection is on outside production unless set explicitly. */
    readonly introspection: boolean;
    /** Largest request body express accepts (bytes-style string, e.g. "100kb"); larger answers 413. */
    readonly bodyLimit: string;
    /**
     * Largest request body for the metering gateway (role GATEWAY): its largest `recordUsage` batch
     * (500 records of every meter, ~0.7 MB) must fit with room.
     */
    readonly ingestBodyLimit: string;
    /** graphql-armor limits, checked while validating every document. */
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    /** Token budget of a document sent by an anonymous caller (no credential); smaller than `maxTokens`. */
    readonly anonymousMaxTokens: number;
    /** How many automatic-persisted-query documents the in-memory LRU keeps (portal roles only). */
    readonly apqCacheSize: number;
    /**
     * Whether portal roles (everyone but PARTNER) may send documents that are not in a loaded
     * manifest. `false` (production hardening): they may send only manifest hashes, like partners.
     */
    readonly portalArbitraryDocuments: boolean;
    /** Persisted-documents manifests (hash → document) loaded at start: the partner manifest first. */
    readonly manifestPaths: readonly string[];
    /** GET /graphql from a browser serves the offline GraphiQL explorer (GRAPHQL_EXPLORER; on outside production). */
    readonly explorer: boolean;
  };
  readonly rateLimit: {
    readonly enabled: boolean;
    /** Requests one credential (or one anonymous IP) may make per window. */
    readonly points: number;
    readonly durationSeconds: number;
    /** Requests one anonymous client IP may make per window (its own, smaller budget). */
    readonly anonymousPoints: number;
  };
  readonly logSql: boolean;
  /** App secrets at rest (issue 18): the AES-256-GCM key, derived from SECRETS_KEY. */
  readonly appSecrets: {
    /** 32 bytes: HKDF of SECRETS_KEY for `app-secrets` (src/config/secret-keys.ts). */
    readonly key: Buffer;
    /** Stored beside each ciphertext: `hkdf-` + 12 hex digits of SHA-256 of the key (`dev-hkdf-…` for the development key). */
    readonly keyId: string;
    /** True when no SECRETS_KEY is set and the key comes from the fixed development key (never in production). */
    readonly development: boolean;
    /** Keys that still open older rows: the deprecated APP_SECRET_KEY, when set, until `npm run secrets:reseal` has moved them. */
    readonly older: readonly { readonly key: Buffer; readonly keyId: string }[];
  };
  /** Review queues (issue 18): a round or application due within this many working hours is flagged at risk (REVIEW_AT_RISK_WORKING_HOURS, default 24). */
  readonly review: { readonly atRiskWorkingHours: number };
  readonly secrets: {
    /** The one secret key (SECRETS_KEY: 32 bytes as base64 or 64 hex digits); every sealing key is derived from it. */
    readonly key: Buffer;
    /** True when no SECRETS_KEY is set and the fixed development key is used (never in production). */
    readonly developmentKey: boolean;
    /** Webhook signing secrets' key: HKDF of SECRETS_KEY for `webhook-secrets`, and its id. */
    readonly webhookKey: Buffer;
    readonly webhookKeyId: string;
  };
  readonly notifications: {
    /** How long inbox notifications are kept (NOTIFICATION_RETENTION_DAYS, default 180). */
    readonly retentionDays: number;
    /** How often the server sweeps for events and delivers outbound messages (NOTIFICATION_WORKER_INTERVAL_MS, default 15000; 0: off). */
    readonly workerIntervalMs: number;
  };
  /** pino level (LOG_LEVEL): `info` by default, `silent` under NODE_ENV=test. */
  readonly logLevel: LogLevel;
  /** How long a SIGTERM/SIGINT waits for in-flight requests before cutting them off (SHUTDOWN_TIMEOUT_MS). */
  readonly shutdownTimeoutMs: number;
  /** How long the gateway may decide from a `quotaSnapshot` entry before asking again (seconds). */
  readonly quotaSnapshotTtlSeconds: number;
  /** Late usage at ingestion (issue 17; docs/usage-and-applications.md, "Late usage"). */
  readonly usage: {
    /** USAGE_LATE_WINDOW_DAYS (default 35): records dated more than this many days before today (Beijing) are refused. */
    readonly lateWindowDays: number;
    /**
     * USAGE_LATE_REFUSALS (default on, off under NODE_ENV=test): refuse records older than the window
     * or dated before their app's creation day. Off: any past day is accepted (suites that bill
     * history, and an import of an earlier system's usage).
     */
    readonly lateRefusals: boolean;
    /**
     * USAGE_QUOTA_STATE_MAX_AGE_SECONDS (default 5; 0: always read): how long ingestion decides
     * emergency traffic from an app's quota state (status, quotas, today's grant) that an earlier
     * batch read; its calls today are always counted fresh.
     */
    readonly quotaStateMaxAgeSeconds: number;
  };
  readonly metrics: {
    /** METRICS_ENABLED (default true): false serves no /metrics anywhere. */
    readonly enabled: boolean;
    /** METRICS_PORT: serve /metrics on its own port instead of the public one (null: the public port). */
    readonly port: number | null;
    /** METRICS_TOKEN: when set, /metrics asks for `Authorization: Bearer <token>` on whichever port serves it. */
    readonly token: string | null;
    /**
     * METRICS_PUBLIC: in production, /metrics on the public port is refused to callers without the
     * token unless this is true. Outside production it is open unless a token is set.
     */
    readonly public: boolean;
  };
  /** The outbound HTTP client (src/outbound): every request the product sends to a URL a tenant gave. */
  readonly outbound: {
    /**
     * Host names resolved to fixed addresses instead of DNS (OUTBOUND_HOST_OVERRIDES,
     * e.g. "isv.test=127.0.0.1,dual.test=127.0.0.1|::1"). The address guard still applies.
     */
    readonly hostOverrides: ReadonlyMap<string, readonly string[]>;
    /**
     * Host names (lower case) allowed to resolve to non-public addresses (OUTBOUND_ALLOW_PRIVATE_HOSTS,
     * comma-separated): local test endpoints only; refused when NODE_ENV is production.
     */
    readonly allowPrivateHosts: ReadonlySet<string>;
  };
  readonly market: {
    /** How often `npm start` runs the expiry and notification worker (MARKET_WORKER_INTERVAL_MS, default 15000; 0 turns it off). */
    readonly workerIntervalMs: number;
  };
  /** Billing runs: shards, chunks, leases (docs/billing.md, "Shards and workers"). */
  readonly billing: {
    /** Apps of the platform per shard (BILLING_SHARD_APPS, default 2500). */
    readonly shardApps: number;
    /** Apps per chunk transaction (BILLING_CHUNK_APPS, default 500). */
    readonly chunkApps: number;
    /** A shard's lease in seconds, renewed by every chunk (BILLING_LEASE_SECONDS, default 60). */
    readonly leaseSeconds: number;
    /** Shards one worker process bills at once (BILLING_WORKER_SHARDS, default 2). */
    readonly shardsPerWorker: number;
  };
  /** The billing scheduler (docs/billing.md, "Scheduled runs"). */
  readonly schedule: {
    /** BILLING_SCHEDULER: run the scheduler in this process (default on, off under NODE_ENV=test). */
    readonly enabled: boolean;
    /** BILLING_GRACE_MINUTES: minutes after Beijing midnight a day waits for late usage (default 120: 02:00). */
    readonly graceMinutes: number;
    /** BILLING_SCHEDULE_FROM: the first Taobao day (and its month for Douyin) of a database with no schedule yet; default yesterday. */
    readonly startFrom: string | null;
  };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {}

/**
 * Written by `npm run codegen` from src/partner-operations/*.graphql; found beside the code that
 * runs (src/ under tsx and Jest, dist/ once built: the build copies it).
 */
const DEFAULT_PARTNER_MANIFEST = path.join(__dirname, '..', 'partner-operations', 'generated', 'persisted-documents.json');

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
  const ingestBodyLimit = env.GRAPHQL_INGEST_BODY_LIMIT || '2mb';
  if (!/^\d+(b|kb|mb)$/i.test(ingestBodyLimit)) problems.push(`GRAPHQL_INGEST_BODY_LIMIT must look like 100kb or 2mb (got "${ingestBodyLimit}")`);
  const graphql = Object.freeze({
    introspection,
    bodyLimit,
    ingestBodyLimit,
    maxDepth: int('GRAPHQL_MAX_DEPTH', 15, 1),
    maxCost: int('GRAPHQL_MAX_COST', 10000, 1),
    maxAliases: int('GRAPHQL_MAX_ALIASES', 15, 0),
    maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 20, 0),
    maxTokens: int('GRAPHQL_MAX_TOKENS', 2000, 1),
    anonymousMaxTokens: int('GRAPHQL_ANONYMOUS_MAX_TOKENS', 500, 1),
    apqCacheSize: int('GRAPHQL_APQ_CACHE_SIZE', 1000, 1),
    portalArbitraryDocuments: bool('GRAPHQL_PORTAL_ARBITRARY_DOCUMENTS', true),
    manifestPaths: Object.freeze([
      env.PARTNER_MANIFEST_PATH || DEFAULT_PARTNER_MANIFEST,
      ...(env.PORTAL_MANIFEST_PATHS ?? '').split(',').map((p) => p.trim()).filter(Boolean),
    ]),
    explorer: bool('GRAPHQL_EXPLORER', nodeEnv !== 'production'),
  });
  const rateLimit = Object.freeze({
    enabled: bool('RATE_LIMIT_ENABLED', true),
    points: int('RATE_LIMIT_POINTS', 600, 1),
    durationSeconds: int('RATE_LIMIT_DURATION_SECONDS', 60, 1),
    anonymousPoints: int('RATE_LIMIT_ANONYMOUS_POINTS', 120, 1),
  });

  if (env.MARKET_HOST_OVERRIDES) problems.push('MARKET_HOST_OVERRIDES was renamed OUTBOUND_HOST_OVERRIDES (a private address also needs OUTBOUND_ALLOW_PRIVATE_HOSTS)');
  // NOTE: staff and developers sign in through the portal daily; partner and gateway credentials are
  // server-to-server and rotated by hand, so they may live a month.
  const TTL_DEFAULTS: Record<TokenRole, string> = { DEVELOPER: '24h', REVIEWER: '24h', OPERATOR: '24h', PARTNER: '30d', GATEWAY: '30d' } as Record<TokenRole, string>;
  const maxTtlSeconds = {} as Record<TokenRole, number>;
  for (const [role, fallback] of Object.entries(TTL_DEFAULTS) as [TokenRole, string][]) {
    const name = `JWT_MAX_TTL_${role}`;
    const seconds = parseDuration(env[name] || fallback);
    if (seconds === null || seconds <= 0) problems.push(`${name} must be a duration such as 3600, 90m, 24h or 30d (got "${env[name]}")`);
    maxTtlSeconds[role] = seconds ?? 0;
  }
  const clockToleranceSeconds = int('JWT_CLOCK_TOLERANCE_SECONDS', 30, 0);

  const hostOverrides = new Map<string, readonly string[]>();
  for (const pair of (env.OUTBOUND_HOST_OVERRIDES ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const [host, list] = pair.split('=').map((x) => x?.trim());
    const addresses = (list ?? '').split('|').map((x) => x.trim());
    if (!host || !list || addresses.some((a) => isIP(a) === 0)) problems.push(`OUTBOUND_HOST_OVERRIDES entries are host=ip or host=ip|ip (got "${pair}")`);
    else hostOverrides.set(host.toLowerCase(), Object.freeze(addresses));
  }
  const allowPrivateHosts = new Set((env.OUTBOUND_ALLOW_PRIVATE_HOSTS ?? '').split(',').map((x) => x.trim().toLowerCase()).filter(Boolean));
  if (allowPrivateHosts.size > 0 && nodeEnv === 'production') problems.push('OUTBOUND_ALLOW_PRIVATE_HOSTS must be empty in production (it lets tenants reach private addresses)');

  const database = Object.freeze({
    connectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 3_000, 1),
    acquireTimeoutMs: int('DB_ACQUIRE_TIMEOUT_MS', 3_000, 0),
    statementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 10_000, 0),
    readinessTimeoutMs: int('READYZ_TIMEOUT_MS', 800, 1),
    retryAfterSeconds: int('DB_RETRY_AFTER_SECONDS', 5, 1),
  });
  if (database.readinessTimeoutMs >= 1000) problems.push(`READYZ_TIMEOUT_MS must be under 1000 so /readyz answers within a second (got "${env.READYZ_TIMEOUT_MS}")`);

  const workerIntervalMs = Number(env.MARKET_WORKER_INTERVAL_MS ?? 15_000);
  if (!Number.isInteger(workerIntervalMs) || workerIntervalMs < 0) problems.push(`MARKET_WORKER_INTERVAL_MS must be a whole number of milliseconds (got "${env.MARKET_WORKER_INTERVAL_MS}")`);

  let secretsKey = Buffer.from('portal-development-secrets-key!!');
  const developmentKey = !env.SECRETS_KEY;
  if (env.SECRETS_KEY) {
    secretsKey = /^[0-9a-fA-F]{64}$/.test(env.SECRETS_KEY) ? Buffer.from(env.SECRETS_KEY, 'hex') : Buffer.from(env.SECRETS_KEY, 'base64');
    if (secretsKey.length !== 32) problems.push('SECRETS_KEY must be 32 bytes, as base64 or 64 hex digits');
  } else if (nodeEnv === 'production') {
    problems.push('SECRETS_KEY is required in production (32 bytes, base64 or hex): it seals app and webhook secrets at rest');
  }
  const webhookKey = derivePurposeKey(secretsKey.length === 32 ? secretsKey : Buffer.alloc(32), 'webhook-secrets');

  const retentionDays = Number(env.NOTIFICATION_RETENTION_DAYS ?? 180);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) problems.push(`NOTIFICATION_RETENTION_DAYS must be 1 to 3650 (got "${env.NOTIFICATION_RETENTION_DAYS}")`);
  const notificationIntervalMs = Number(env.NOTIFICATION_WORKER_INTERVAL_MS ?? 15_000);
  if (!Number.isInteger(notificationIntervalMs) || notificationIntervalMs < 0) problems.push(`NOTIFICATION_WORKER_INTERVAL_MS must be a whole number of milliseconds (got "${env.NOTIFICATION_WORKER_INTERVAL_MS}")`);
  const logLevel = (env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  const shutdownTimeoutMs = int('SHUTDOWN_TIMEOUT_MS', 10_000, 0);
  const metricsPortRaw = env.METRICS_PORT;
  const metricsPort = metricsPortRaw === undefined || metricsPortRaw === '' ? null : Number(metricsPortRaw);
  if (metricsPort !== null && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) problems.push(`METRICS_PORT must be an integer 0..65535 (got "${metricsPortRaw}")`);
  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken !== null && metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters long');
  const metrics = Object.freeze({ enabled: bool('METRICS_ENABLED', true), port: metricsPort, token: metricsToken, public: bool('METRICS_PUBLIC', false) });
  const quotaSnapshotTtlSeconds = int('QUOTA_SNAPSHOT_TTL_SECONDS', 60, 1);
  const usage = Object.freeze({
    lateWindowDays: int('USAGE_LATE_WINDOW_DAYS', 35, 1),
    lateRefusals: bool('USAGE_LATE_REFUSALS', nodeEnv !== 'test'),
    quotaStateMaxAgeSeconds: int('USAGE_QUOTA_STATE_MAX_AGE_SECONDS', 5, 0),
  });
  const billing = Object.freeze({
    shardApps: int('BILLING_SHARD_APPS', 2500, 1),
    chunkApps: int('BILLING_CHUNK_APPS', 500, 1),
    leaseSeconds: int('BILLING_LEASE_SECONDS', 60, 1),
    shardsPerWorker: int('BILLING_WORKER_SHARDS', 2, 1),
  });

  const startFrom = env.BILLING_SCHEDULE_FROM ?? null;
  if (startFrom !== null && !/^\d{4}-\d{2}-\d{2}$/.test(startFrom)) problems.push(`BILLING_SCHEDULE_FROM must be a date YYYY-MM-DD (got "${startFrom}")`);
  const schedule = Object.freeze({
    enabled: (env.BILLING_SCHEDULER ?? (nodeEnv === 'test' ? 'false' : 'true')) === 'true',
    graceMinutes: int('BILLING_GRACE_MINUTES', 120, 0),
    startFrom,
  });
  const review = Object.freeze({ atRiskWorkingHours: int('REVIEW_AT_RISK_WORKING_HOURS', 24, 1) });
  const appSecrets = appSecretKeys(secretsKey.length === 32 ? secretsKey : Buffer.alloc(32), developmentKey, env.APP_SECRET_KEY, problems);

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);

  return Object.freeze({
    env: nodeEnv,
    port,
    databaseUrl,
    database,
    auth: Object.freeze({
      jwtSecret,
      issuer: env.JWT_ISSUER ?? 'open-platform-portal',
      audience: env.JWT_AUDIENCE ?? 'open-platform-portal-api',
      maxTtlSeconds: Object.freeze(maxTtlSeconds),
      clockToleranceSeconds,
    }),
    graphql,
    rateLimit,
    logSql: env.LOG_SQL === 'true',
    logLevel,
    shutdownTimeoutMs,
    metrics,
    quotaSnapshotTtlSeconds,
    usage,
    outbound: Object.freeze({ hostOverrides, allowPrivateHosts }),
    market: Object.freeze({ workerIntervalMs }),
    secrets: Object.freeze({ key: secretsKey, developmentKey, webhookKey, webhookKeyId: derivedKeyId(webhookKey, developmentKey) }),
    notifications: Object.freeze({ retentionDays, workerIntervalMs: notificationIntervalMs }),
    billing,
    schedule,
    appSecrets,
    review,
  });
}

/**
 * The app-secret key, derived from SECRETS_KEY. APP_SECRET_KEY (64 hex digits or the base64 of 32
 * bytes), the separate key before there was one, is deprecated: when set it only opens the rows it
 * sealed, under their old key id, until `npm run secrets:reseal` has moved them.
 */
function appSecretKeys(master: Buffer, development: boolean, legacy: string | undefined, problems: string[]): Config['appSecrets'] {
  const key = derivePurposeKey(master, 'app-secrets');
  const older: { key: Buffer; keyId: string }[] = [];
  if (legacy !== undefined && legacy !== '') {
    const old = /^[0-9a-fA-F]{64}$/.test(legacy) ? Buffer.from(legacy, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(legacy) ? Buffer.from(legacy, 'base64') : null;
    if (!old || old.length !== 32) problems.push('APP_SECRET_KEY (deprecated: only to open secrets sealed under it) must be 32 bytes: 64 hex digits or base64');
    else older.push(Object.freeze({ key: old, keyId: legacyAppSecretKeyId(old) }));
  }
  return Object.freeze({ key, keyId: derivedKeyId(key, development), development, older: Object.freeze(older) });
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
