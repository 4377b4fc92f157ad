/** Serves the portal's GraphQL API: `npm start`. */
import 'reflect-metadata';
import { config } from './config';
import { createDataSource } from './db/data-source';
import { migrateAndSeed } from './db/migrate';
import { startServer } from './http/server';
import { startMarketWorker } from './services/market/market-worker';
import { startScheduler } from './services/scheduler/scheduler';

async function main(): Promise<void> {
  const cfg = config();
  const ds = await createDataSource(cfg).initialize();
  await migrateAndSeed(ds);
  const server = await startServer({ config: cfg, dataSource: ds });
  console.log(`[portal] GraphQL on ${server.url} (healthz, readyz beside it)`);
  const stopMarketWorker = cfg.market.workerIntervalMs > 0 ? startMarketWorker(server.services, cfg.market.workerIntervalMs) : async () => {};
  // Every server may run the scheduler: each period is claimed in the database, so it runs once.
  const stopScheduler = cfg.schedule.enabled
    ? startScheduler([{ name: 'billing', pattern: '0 * * * * *', run: () => server.services.billingSchedule.tick() }], (task, err) => console.error(`[scheduler] ${task} failed:`, err))
    : async () => {};
  const shutdown = async () => {
    await stopScheduler();
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
