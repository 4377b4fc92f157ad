/**
 * A process that only does background work (`npm run worker`): the billing scheduler and the
 * market's expiry and deliveries, against the same database as the servers, serving no HTTP.
 * Run as many as wanted: scheduled periods are claimed in the database and run once.
 */
import 'reflect-metadata';
import { config } from './config';
import { createDataSource } from './db/data-source';
import { migrateAndSeed } from './db/migrate';
import { createServices } from './services';
import { scheduleOptionsFrom } from './services/billing/billing-schedule.service';
import { startMarketWorker } from './services/market/market-worker';
import { mappedResolver, MarketHttpClient } from './services/market/market-http';
import { systemClock } from './domain/common/clock';
import { startScheduler } from './services/scheduler/scheduler';

async function main(): Promise<void> {
  const cfg = config();
  const ds = await createDataSource(cfg).initialize();
  await migrateAndSeed(ds);
  const services = createServices(ds, systemClock, { marketHttp: new MarketHttpClient(mappedResolver(cfg.market.hostOverrides)), schedule: scheduleOptionsFrom(cfg.schedule) });
  const stopScheduler = startScheduler([{ name: 'billing', pattern: '0 * * * * *', run: () => services.billingSchedule.tick() }], (task, err) => console.error(`[worker] ${task} failed:`, err));
  const stopMarket = cfg.market.workerIntervalMs > 0 ? startMarketWorker(services, cfg.market.workerIntervalMs) : async () => {};
  console.error('[worker] scheduler running (billing each minute, market every', cfg.market.workerIntervalMs, 'ms)');
  const shutdown = async () => {
    await stopScheduler();
    await stopMarket();
    await ds.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error('[worker] failed to start:', err);
  process.exit(1);
});
