import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { Clock, systemClock } from '../domain/common/clock';
import { Context } from '../graphql/context';
import { viewerFromAuthorization } from '../graphql/auth/token';
import { createLoaders } from '../graphql/loaders';
import { buildAppSchema } from '../graphql/schema';
import { createServices, Services } from '../services';
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
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
  console.error('[graphql] internal error:', error);
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly services: Services;
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
  const services = createServices(dataSource, clock, new MarketHttpClient(mappedResolver(config.market.hostOverrides)));
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer }), ...plugins],
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
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => ({
        viewer: await viewerFromAuthorization(config, req.headers.authorization),
        loaders: createLoaders(dataSource),
        services,
      }),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    services,
    stop: () => apollo.stop(),
  };
}
