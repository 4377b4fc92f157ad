/** `npm run migrate`: run pending migrations and the idempotent reference-data seeds. */
import 'reflect-metadata';
import { config } from '../config';
import { createDataSource } from './data-source';
import { migrateAndSeed } from './migrate';

async function main(): Promise<void> {
  const ds = await createDataSource(config(), undefined, { batch: true }).initialize();
  try {
    await migrateAndSeed(ds);
    console.error('[migrate] schema and reference data are current');
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error('[migrate] failed:', err);
  process.exit(1);
});
