/**
 * A process that only does background work (`npm run worker`): the billing scheduler, the market's
 * expiry and deliveries, and the notification sweep and outbox, against the same database as the
 * servers, serving no HTTP. Run as many as wanted: scheduled periods, shards and outbound messages
 * are claimed in the database, so each runs once. SIGTERM/SIGINT stop the loops, wait for the run
 * under way (up to SHUTDOWN_TIMEOUT_MS) and close the pool.
 */
import 'reflect-metadata';
import { config } from './config';
import { createDataSource } from './db/data-source';
import { migrateAndSeed } from './db/migrate';
import { systemClock } from './domain/common/clock';
import { createLogger, Logger } from './observability/logger';
import { createServices } from './services';
import { startBackgroundWork } from './services/background-work';
import { serviceOptionsFrom } from './services/service-options';

async function main(log: Logger): Promise<void> {
  const cfg = config();
  // Batch work: no statement limit (a billing chunk may take longer than a request may).
  const ds = await createDataSource(cfg, undefined, { batch: true }).initialize();
  await migrateAndSeed(ds);
  const services = createServices(ds, systemClock, serviceOptionsFrom(cfg));
  const stopBackgroundWork = startBackgroundWork(services, cfg, log);
  log.info({ marketIntervalMs: cfg.market.workerIntervalMs, notificationIntervalMs: cfg.notifications.workerIntervalMs }, 'worker running: billing schedule each minute');
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: no new run starts; waiting for the one under way');
    const timer = setTimeout(() => {
      log.warn('shutdown timeout: exiting with work under way (its claims are retried after their leases)');
      process.exit(1);
    }, cfg.shutdownTimeoutMs);
    timer.unref();
    await stopBackgroundWork();
    await ds.destroy();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

let log: Logger;
try {
  log = createLogger(config(), { name: 'worker' });
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
main(log).catch((err) => {
  log.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
