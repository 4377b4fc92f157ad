import { DataSource } from 'typeorm';
import { seedCatalog } from './01-catalog.seed';
import { seedCalendar } from './02-calendar.seed';
import { seedCapabilityCategories } from './03-capability-categories.seed';
import { seedBilling } from './04-billing.seed';

/** Reference-data seeds, numbered, run in order, each idempotent. Add new seeds to the end. */
export const SEEDS: { name: string; run: (em: import('typeorm').EntityManager) => Promise<void> }[] = [
  { name: '01-catalog', run: seedCatalog },
  { name: '02-calendar', run: seedCalendar },
  { name: '03-capability-categories', run: seedCapabilityCategories },
  { name: '04-billing', run: seedBilling },
];

export async function runSeeds(ds: DataSource): Promise<void> {
  for (const seed of SEEDS) {
    await ds.transaction((em) => seed.run(em));
  }
}
