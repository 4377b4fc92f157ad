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
import { outboundClientFrom } from './outbound';
import { createServices } from './services';
import { scheduleOptionsFrom } from './services/billing/billing-schedule.service';
import { SecretBox } from './services/common/secret-box';
import { startMarketWorker } from './services/market/market-worker';
import { startNotificationWorker } from './services/notification/notification-worker';
import { startScheduler } from './services/scheduler/scheduler';

async function main(log: Logger): Promise<void> {
  const cfg = config();
  // Batch work: no statement limit (a billing chunk may take longer than a request may).
  const ds = await createDataSource(cfg, undefined, { batch: true }).initialize();
  await migrateAndSeed(ds);
  const services = createServices(ds, systemClock, {
    outbound: outboundClientFrom(cfg.outbound),
    secretBox: new SecretBox(cfg.secrets.key),
    billing: cfg.billing,
    schedule: scheduleOptionsFrom(cfg.schedule),
  });
  const stopScheduler = startScheduler([{ name: 'billing', pattern: '0 * * * * *', run: () => services.billingSchedule.tick() }], (task, err) => log.error({ err, task }, 'scheduled task failed'));
  const stopMarket = cfg.market.workerIntervalMs > 0 ? startMarketWorker(services, cfg.market.workerIntervalMs, log.child({ component: 'market-worker' })) : async () => {};
  const stopNotifications =
    cfg.notifications.workerIntervalMs > 0
      ? startNotificationWorker(services, { intervalMs: cfg.notifications.workerIntervalMs, retentionDays: cfg.notifications.retentionDays, onError: (err) => log.error({ err }, 'notification run failed') })
      : async () => {};
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
    await Promise.all([stopScheduler(), stopMarket(), stopNotifications()]);
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
