/**
 * Serves the portal's GraphQL API (`npm start`). On SIGTERM or SIGINT it stops gracefully:
 * /readyz answers 503 at once, requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), the market
 * worker stops, the database pool closes, and the process exits 0 (1 if requests had to be cut
 * off). A second signal (a second or more after the first) exits at once.
 */
import 'reflect-metadata';
import { config } from './config';
import { createDataSource } from './db/data-source';
import { migrateAndSeed } from './db/migrate';
import { startServer } from './http/server';
import { createLogger, Logger } from './observability/logger';
import { startBackgroundWork } from './services/background-work';

/** Waits for `work`, at most `ms`; says whether it ended in time. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([work.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  clearTimeout(timer);
  return ended;
}

async function main(log: Logger): Promise<void> {
  const cfg = config();
  const ds = await createDataSource(cfg).initialize();
  await migrateAndSeed(ds);
  const server = await startServer({ config: cfg, dataSource: ds, logger: log });
  log.info({ url: server.url, port: server.port, metricsPort: server.metricsPort, explorer: cfg.graphql.explorer, env: cfg.env }, 'listening (GraphQL; /healthz and /readyz beside it)');
  if (cfg.appSecrets.development) {
    log.warn({ keyId: cfg.appSecrets.keyId }, 'SECRETS_KEY is not set: app and webhook secrets are sealed under the fixed DEVELOPMENT key (never use this data in production)');
  }
  if (cfg.appSecrets.older.length > 0) {
    log.warn({ olderKeyIds: cfg.appSecrets.older.map((k) => k.keyId) }, 'APP_SECRET_KEY is deprecated: it only opens secrets sealed under it; run `npm run secrets:reseal`, then remove it');
  }
  const stopBackgroundWork = startBackgroundWork(server.services, cfg, log);

  let started: number | null = null;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started !== null) {
      // NOTE: a wrapper (npm, a terminal's process group, timeout) often passes the same signal on a
      // second time within milliseconds: only a signal a second or more after the first forces the exit.
      if (Date.now() - started < 1000) return;
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    started = Date.now();
    log.info({ signal, timeoutMs: cfg.shutdownTimeoutMs }, 'shutting down: /readyz answers 503, waiting for requests in flight');
    // No worker run starts from now on; the one under way (if any) ends while requests drain.
    const workerStopped = stopBackgroundWork();
    const { drained, cutOff } = await server.shutdown(cfg.shutdownTimeoutMs);
    if (!drained) log.warn({ cutOff }, 'shutdown timeout: requests still in flight were cut off');
    if (!(await within(Math.max(0, cfg.shutdownTimeoutMs - (Date.now() - started)), workerStopped))) {
      log.warn('a worker run still under way at the deadline: its claimed deliveries are retried after their lease');
    }
    // A connection still inside a query (a request cut off at the deadline) would hold the pool's end.
    const poolClosed = await within(Math.max(1000, cfg.shutdownTimeoutMs - (Date.now() - started)), ds.destroy());
    if (poolClosed) log.info({ drained, ms: Date.now() - started }, 'stopped: database pool closed');
    else log.warn({ ms: Date.now() - started }, 'stopped: the database pool did not close in time (a query still running)');
    process.exit(drained && poolClosed ? 0 : 1);
  };
  const onSignal = (signal: NodeJS.Signals) =>
    shutdown(signal).catch((err) => {
      log.fatal({ err }, 'shutdown failed');
      process.exit(1);
    });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

let log: Logger;
try {
  log = createLogger(config());
} catch (err) {
  // A bad configuration: no logger can be made from it; say why in one line and stop.
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), name: 'portal', msg: 'invalid configuration', err: (err as Error).message })}\n`);
  process.exit(1);
}
main(log).catch((err) => {
  log.fatal({ err }, 'failed to start');
  process.exit(1);
});
