/** Serves the portal's GraphQL API: `npm start`. */
import 'reflect-metadata';
import { config } from './config';
import { createDataSource } from './db/data-source';
import { migrateAndSeed } from './db/migrate';
import { startServer } from './http/server';
import { startMarketWorker } from './services/market/market-worker';

async function main(): Promise<void> {
  const cfg = config();
  const ds = await createDataSource(cfg).initialize();
  await migrateAndSeed(ds);
  const server = await startServer({ config: cfg, dataSource: ds });
  console.log(`[portal] GraphQL on ${server.url} (healthz, readyz beside it)`);
  if (cfg.appSecrets.development) {
    console.warn(`[portal] APP_SECRET_KEY is not set: app secrets are sealed under a DEVELOPMENT key (${cfg.appSecrets.keyId}) generated for this process; they cannot be read after a restart`);
  }
  const stopMarketWorker = cfg.market.workerIntervalMs > 0 ? startMarketWorker(server.services, cfg.market.workerIntervalMs) : async () => {};
  const shutdown = async () => {
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
