import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { Clock, systemClock } from '../domain/common/clock';
import { beijingDate } from '../domain/common/beijing-time';
import { Context } from '../graphql/context';
import { viewerFromAuthorization } from '../graphql/auth/token';
import { createLoaders } from '../graphql/loaders';
import { Role, Viewer } from '../domain/common/role';
import { buildAppSchema } from '../graphql/schema';
import { createServices, Services } from '../services';
import { serviceOptionsFrom } from '../services/service-options';
import { closedAccountPlugin } from './closed-account.plugin';
import { AllowlistCode, allowlistPlugin } from './allowlist.plugin';
import { armorProtection, LimitCode, limitCodeOf } from './limits';
import { loadPersistedDocuments, PersistedDocuments } from './persisted-documents';
import { RATE_LIMITED, RequestRateLimiter } from './rate-limit';
import { OutboundHttpClient } from '../outbound';
import { readinessHandler, serviceUnavailablePlugin, unavailableError } from './unavailable';
import { createLogger, Logger, logInternalError, silentLogger } from '../observability/logger';
import { watchDataSource, watchFigures } from '../observability/metrics';
import { explorerRouter } from './explorer';
import { mountMetrics } from './metrics-endpoint';
import { instrumentRefusals, observabilityPlugin, observedContext, requestObservability } from './observability';
import { Lifecycle } from './shutdown';
import { graphqlLane } from './graphql-lane';
import { VerifiedTokenCache } from './verified-token-cache';
import { checkAnonymousTokens, requestErrorHandler, uncodedClientErrorCode } from './request-guard';

/** Codes a client may see as they are; anything else is an internal error and is masked. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  RATE_LIMITED,
  ...Object.values(AllowlistCode),
  ...Object.values(LimitCode),
]);

/** Client errors Apollo raises without a code (persisted-query misuse): answered as BAD_REQUEST, not masked. */
const APOLLO_UNCODED_CLIENT_ERRORS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger = silentLogger): GraphQLFormattedError {
  const limit = limitCodeOf(formatted.extensions?.code, formatted.extensions, formatted.message);
  if (limit) return { ...formatted, extensions: { ...formatted.extensions, code: limit } };
  if (APOLLO_UNCODED_CLIENT_ERRORS.has(formatted.message)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  const clientCode = uncodedClientErrorCode(formatted.message);
  if (clientCode) return { ...formatted, extensions: { ...formatted.extensions, code: clientCode } };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
  const unavailable = unavailableError(formatted, error);
  if (unavailable) return unavailable;
  logInternalError(error, log, { path: formatted.path });
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly services: Services;
  /** The persisted-documents manifest loaded at start (hash → document). */
  readonly manifest: PersistedDocuments;
  /** The port /metrics is served on when METRICS_PORT is set, else null (the public port, or off). */
  readonly metricsPort: number | null;
  readonly logger: Logger;
  stop(): Promise<void>;
  /**
   * Graceful stop: /readyz answers 503 at once, new requests 503 SHUTTING_DOWN, requests in flight
   * run to their end for up to `timeoutMs` (then their connections are cut), then the listeners close.
   */
  shutdown(timeoutMs: number): Promise<{ drained: boolean; cutOff: number }>;
}

export interface ServerOptions {
  config: Config;
  dataSource: DataSource;
  clock?: Clock;
  plugins?: ApolloServerPlugin<Context>[];
  /** The outbound HTTP client; by default built from `config.outbound` (tests pass one with their own resolver). */
  outbound?: OutboundHttpClient;
  /** Where request and error lines go (default: a logger made from `config`). */
  logger?: Logger;
}

/** Builds the HTTP server: POST /graphql, GET /healthz (process up), GET /readyz (database answers). */
export async function startServer({ config, dataSource, clock = systemClock, plugins = [], outbound, logger = createLogger(config) }: ServerOptions): Promise<RunningServer> {
  const lifecycle = new Lifecycle();
  const services = createServices(dataSource, clock, serviceOptionsFrom(config, { outbound }));
  const manifest = loadPersistedDocuments(config.graphql.manifestPaths);
  const rateLimiter = new RequestRateLimiter(config.rateLimit);
  const armor = armorProtection(config.graphql);
  const app = express();
  // POST /graphql's common shape is served by the lane (set below, once Apollo has started); the rest by express.
  let listener: http.RequestListener = app;
  const httpServer = http.createServer((req, res) => listener(req, res));
  const apollo = new ApolloServer<Context>({
    schema: instrumentRefusals(await buildAppSchema()),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    // CSRF prevention is Apollo's default; stated so no one turns it off by accident.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Signals are main.ts's (graceful drain, src/http/shutdown.ts): Apollo's own handlers (on outside
    // NODE_ENV=test) would close the listener at once and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error, logger),
    // Compact JSON: Apollo's default pretty-prints every answer (a 500-record receipt is a third
    // whitespace; indentation doubles a 58 KB home page and its cost).
    stringifyResult: (result) => JSON.stringify(result),
    // Automatic persisted queries for portal roles, in a bounded LRU (partners are answered by the allowlist first).
    persistedQueries: { cache: new InMemoryLRUCache<string>({ max: config.graphql.apqCacheSize, maxSize: 8 * 2 ** 20 }) },
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      // No landing page: Apollo's loads its sandbox from a CDN; the explorer below is served from here.
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin<Context>(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      allowlistPlugin(manifest, config.graphql.portalArbitraryDocuments),
      closedAccountPlugin(),
      serviceUnavailablePlugin(config.database.retryAfterSeconds),
      ...armor.plugins,
      ...plugins,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // No ETag: GraphQL answers are POSTed and never revalidated; Express hashed every body (58 KB for a home page).
  app.set('etag', false);
  const observe = requestObservability(logger);
  app.use(observe);
  app.use(lifecycle.middleware);
  const metricsServer = await mountMetrics(app, config, logger);
  const unwatchPool = config.metrics.enabled ? watchDataSource(dataSource) : () => {};
  const unwatchFigures = config.metrics.enabled
    ? watchFigures({
        calendarDaysAhead: async () => (await services.calendarYears.coverage()).daysAhead,
        overdueBillingPeriods: () => services.billingSchedule.overdueCount(),
        outboundMessages: () => services.outboundDeliveries.undeliveredCounts(),
      })
    : () => {};
  const unwatch = () => {
    unwatchPool();
    unwatchFigures();
  };
  if (config.graphql.explorer) app.use(explorerRouter());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessHandler(dataSource, config.database));
  // The credential is verified once, before the body is read: the metering gateway's batches get
  // their own, larger body limit (GRAPHQL_INGEST_BODY_LIMIT); everyone else the portal's.
  const tokens = new VerifiedTokenCache((header) => viewerFromAuthorization(config, header));
  const viewers = new WeakMap<Request, Promise<Viewer>>();
  const bodyLimits = new WeakMap<Request, string>();
  const context = observedContext(async ({ req }: { req: Request; res: Response }): Promise<Context> => {
    const viewer = await (viewers.get(req) ?? tokens.viewerOf(req.headers.authorization));
    await rateLimiter.consume(viewer, req.ip);
    checkAnonymousTokens(config.graphql, viewer, req.method === 'GET' ? req.query : req.body);
    const now = services.clock.now();
    return { viewer, loaders: createLoaders(dataSource, services), services, now, today: beijingDate(now) };
  });
  // The metering gateway's batches get their own, larger limit; everyone else the portal's.
  const bodyLimitOf = (v: Viewer) => (v.role === Role.GATEWAY ? config.graphql.ingestBodyLimit : config.graphql.bodyLimit);
  const portalJson = express.json({ limit: config.graphql.bodyLimit });
  const ingestJson = express.json({ limit: config.graphql.ingestBodyLimit });
  app.use(
    '/graphql',
    (req: Request, res: Response, next: NextFunction) => {
      const viewer = tokens.viewerOf(req.headers.authorization);
      viewers.set(req, viewer);
      viewer.then(
        (v) => {
          const limit = bodyLimitOf(v);
          bodyLimits.set(req, limit);
          (limit === config.graphql.ingestBodyLimit ? ingestJson : portalJson)(req, res, next);
        },
        // An invalid credential is refused by the context (401) once the body is read.
        () => portalJson(req, res, next),
      );
    },
    expressMiddleware(apollo, { context }),
  );
  // Body-parser failures (too large, malformed JSON, unknown encoding or charset) and any other request error: JSON with a code, never HTML.
  app.use(requestErrorHandler((req) => bodyLimits.get(req) ?? config.graphql.bodyLimit, (err) => logger.error({ err }, 'request error')));

  listener = graphqlLane({
    apollo,
    context,
    viewerOf: (req) => {
      const viewer = tokens.viewerOf(req.headers.authorization);
      viewers.set(req as Request, viewer);
      return viewer;
    },
    bodyLimitOf,
    lifecycle,
    observe,
    fallback: app,
    log: (err) => logger.error({ err }, 'request error'),
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const stop = async () => {
    await apollo.stop();
    await metricsServer?.close();
    unwatch();
  };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    services,
    manifest,
    metricsPort: metricsServer?.port ?? null,
    logger,
    stop,
    async shutdown(timeoutMs) {
      lifecycle.beginDrain();
      const drained = await lifecycle.drained(timeoutMs);
      const cutOff = lifecycle.pending;
      if (!drained) httpServer.closeAllConnections();
      await stop();
      return { drained, cutOff };
    },
  };
}
