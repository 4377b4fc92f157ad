import { DataSource } from 'typeorm';
import { runSeeds } from './seeds';

/** Brings a database to the current schema and reference data: pending migrations, then seeds. */
export async function migrateAndSeed(ds: DataSource): Promise<void> {
  await ds.runMigrations({ transaction: 'each' });
  await runSeeds(ds);
}
