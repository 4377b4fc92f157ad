/**
 * The project's server for `npm run bench:dashboard`, as production runs it (NODE_ENV=production,
 * rate limit off for the bench), on the bench database and a fixed clock. Run as a child of
 * bench/dashboard.bench.ts; prints `listening <port>` on stdout.
 */
import 'reflect-metadata';
import { configFrom } from '../src/config';
import { FixedClock } from '../src/domain/common/clock';
import { createDataSource } from '../src/db/data-source';
import { startServer } from '../src/http/server';

async function main(): Promise<void> {
  const config = configFrom(process.env);
  const ds = createDataSource(config);
  await ds.initialize();
  const server = await startServer({ config, dataSource: ds, clock: new FixedClock(new Date(process.env.BENCH_NOW!)) });
  console.log(`listening ${server.port}`);
}

// A clean exit on SIGINT lets `node --cpu-prof` write its profile.
process.on('SIGINT', () => process.exit(0));

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
