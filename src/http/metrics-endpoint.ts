/**
 * GET /metrics: Prometheus text from the process registry. Served on the public port, or on its own
 * port when METRICS_PORT is set (then not on the public one). Access:
 * - METRICS_TOKEN set: callers send `Authorization: Bearer <token>` (on the public port this is
 *   waived only by METRICS_PUBLIC=true);
 * - no token, production, public port: refused unless METRICS_PUBLIC=true (403);
 * - otherwise open (development, or a metrics port kept on a private network).
 */
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import express, { Express, Request, RequestHandler, Response } from 'express';
import { Config } from '../config';
import { Logger } from '../observability/logger';
import { enableProcessMetrics, registry } from '../observability/metrics';

type Access = { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'refused' };

export function metricsAccess(cfg: Pick<Config, 'env' | 'metrics'>, where: 'public' | 'own'): Access {
  const { token, public: isPublic } = cfg.metrics;
  if (where === 'public' && isPublic) return { kind: 'open' };
  if (token) return { kind: 'token', token };
  if (where === 'public' && cfg.env === 'production') return { kind: 'refused' };
  return { kind: 'open' };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsHandler(access: Access): RequestHandler {
  return async (req: Request, res: Response) => {
    if (access.kind === 'refused') {
      res.status(403).type('text/plain').send('metrics are not served on this port in production: set METRICS_TOKEN, METRICS_PORT or METRICS_PUBLIC=true\n');
      return;
    }
    if (access.kind === 'token') {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!sameSecret(given, access.token)) {
        res.status(401).set('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
        return;
      }
    }
    res.set('content-type', registry.contentType).set('cache-control', 'no-store').send(await registry.metrics());
  };
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Mounts /metrics on the public app, or starts its own server on METRICS_PORT. Returns that
 * server (null when /metrics is on the public port or switched off).
 */
export async function mountMetrics(app: Express, cfg: Config, log: Logger): Promise<MetricsServer | null> {
  if (!cfg.metrics.enabled) return null;
  enableProcessMetrics();
  if (cfg.metrics.port === null) {
    const access = metricsAccess(cfg, 'public');
    if (access.kind === 'refused') log.warn('/metrics is refused on the public port in production without METRICS_TOKEN or METRICS_PUBLIC=true');
    app.get('/metrics', metricsHandler(access));
    return null;
  }
  const own = express();
  own.disable('x-powered-by');
  own.get('/metrics', metricsHandler(metricsAccess(cfg, 'own')));
  const server = http.createServer(own);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.metrics.port!, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.metrics.port;
  log.info({ port }, 'metrics on their own port');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
