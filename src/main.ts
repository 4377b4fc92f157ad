/** Serves the portal's GraphQL API: `npm start`. */
import 'reflect-metadata';
import { config } from './config';
import { createDataSource } from './db/data-source';
import { migrateAndSeed } from './db/migrate';
import { startServer } from './http/server';
import { startMarketWorker } from './services/market/market-worker';
import { startNotificationWorker } from './services/notification/notification-worker';

async function main(): Promise<void> {
  const cfg = config();
  const ds = await createDataSource(cfg).initialize();
  await migrateAndSeed(ds);
  const server = await startServer({ config: cfg, dataSource: ds });
  console.log(`[portal] GraphQL on ${server.url} (healthz, readyz beside it)`);
  const stopMarketWorker = cfg.market.workerIntervalMs > 0 ? startMarketWorker(server.services, cfg.market.workerIntervalMs) : async () => {};
  const stopNotificationWorker =
    cfg.notifications.workerIntervalMs > 0 ? startNotificationWorker(server.services, { intervalMs: cfg.notifications.workerIntervalMs, retentionDays: cfg.notifications.retentionDays }) : async () => {};
  const shutdown = async () => {
    await stopNotificationWorker();
    await stopMarketWorker();
    await server.stop();
    await ds.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error('[portal] failed to start:', err);
  process.exit(1);
});
