import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { Clock, systemClock } from '../domain/common/clock';
import { Context } from '../graphql/context';
import { viewerFromAuthorization } from '../graphql/auth/token';
import { createLoaders } from '../graphql/loaders';
import { buildAppSchema } from '../graphql/schema';
import { SecretCipher } from '../services/app/secret-cipher';
import { createServices, Services } from '../services';
import { closedAccountPlugin } from './closed-account.plugin';
import { AllowlistCode, allowlistPlugin } from './allowlist.plugin';
import { armorProtection, LimitCode, limitCodeOf } from './limits';
import { loadPersistedDocuments, PersistedDocuments } from './persisted-documents';
import { RATE_LIMITED, RequestRateLimiter } from './rate-limit';
import { MarketHttpClient, mappedResolver } from '../services/market/market-http';

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

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const limit = limitCodeOf(formatted.extensions?.code, formatted.extensions, formatted.message);
  if (limit) return { ...formatted, extensions: { ...formatted.extensions, code: limit } };
  if (APOLLO_UNCODED_CLIENT_ERRORS.has(formatted.message)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
  console.error('[graphql] internal error:', error);
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly services: Services;
  /** The persisted-documents manifest loaded at start (hash → document). */
  readonly manifest: PersistedDocuments;
  stop(): Promise<void>;
}

export interface ServerOptions {
  config: Config;
  dataSource: DataSource;
  clock?: Clock;
  plugins?: ApolloServerPlugin<Context>[];
}

/** Builds the HTTP server: POST /graphql, GET /healthz (process up), GET /readyz (database answers). */
export async function startServer({ config, dataSource, clock = systemClock, plugins = [] }: ServerOptions): Promise<RunningServer> {
  const services = createServices(dataSource, clock, {
    marketHttp: new MarketHttpClient(mappedResolver(config.market.hostOverrides)),
    secretCipher: new SecretCipher(config.appSecrets.key, config.appSecrets.keyId),
    reviewAtRiskWorkingHours: config.review.atRiskWorkingHours,
  });
  const manifest = loadPersistedDocuments(config.graphql.manifestPaths);
  const rateLimiter = new RequestRateLimiter(config.rateLimit);
  const armor = armorProtection(config.graphql);
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    // CSRF prevention is Apollo's default; stated so no one turns it off by accident.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError,
    // Automatic persisted queries for portal roles, in a bounded LRU (partners are answered by the allowlist first).
    persistedQueries: { cache: new InMemoryLRUCache<string>({ max: config.graphql.apqCacheSize, maxSize: 8 * 2 ** 20 }) },
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      allowlistPlugin(manifest, config.graphql.portalArbitraryDocuments),
      closedAccountPlugin(),
      ...armor.plugins,
      ...plugins,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: config.graphql.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const viewer = await viewerFromAuthorization(config, req.headers.authorization);
        await rateLimiter.consume(viewer, req.ip);
        return { viewer, loaders: createLoaders(dataSource), services };
      },
    }),
  );
  // Body-parser failures (too large, malformed JSON) answer in GraphQL's error shape, not an HTML page.
  app.use('/graphql', (err: { status?: number; type?: string; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `request body larger than ${config.graphql.bodyLimit}`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (err.status === 400) {
      res.status(400).json({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      next(err);
    }
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    services,
    manifest,
    stop: () => apollo.stop(),
  };
}
