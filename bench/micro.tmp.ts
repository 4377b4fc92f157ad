import 'reflect-metadata';
import { execute, parse } from 'graphql';
import { print } from 'graphql';
import { configFrom } from '../src/config';
import { FixedClock } from '../src/domain/common/clock';
import { createDataSource } from '../src/db/data-source';
import { createServices } from '../src/services';
import { buildAppSchema } from '../src/graphql/schema';
import { createLoaders } from '../src/graphql/loaders';
import { beijingDate } from '../src/domain/common/beijing-time';
import { Role } from '../src/domain/common/role';
import { DeveloperHomeDocument } from '../test/generated/graphql';
import { BENCH_NOW, developerId } from './dashboard-data';
(async () => {
  const config = configFrom({ ...process.env, NODE_ENV: 'test', DATABASE_URL: 'mariadb://portal:portal@127.0.0.1:3306/portal_bench_dashboard_readpath' });
  const ds = createDataSource(config); await ds.initialize();
  const clock = new FixedClock(new Date(BENCH_NOW));
  const services = createServices(ds, clock);
  const schema = await buildAppSchema();
  const document = parse(print(DeveloperHomeDocument));
  const run = async (n: number, mode: string) => {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const now = clock.now();
      const ctx = { viewer: { role: Role.DEVELOPER, subjectId: developerId(i % 200) }, loaders: createLoaders(ds, services), services, now, today: beijingDate(now) };
      const r = await execute({ schema, document, variableValues: { first: 50 }, contextValue: ctx });
      if (r.errors) throw r.errors[0];
      if (mode === 'json') JSON.stringify(r);
    }
    const c = process.cpuUsage(c0);
    console.log(mode, 'cpu ms/req', ((c.user + c.system) / 1000 / n).toFixed(2), 'wall', ((performance.now() - t0) / n).toFixed(2));
  };
  await run(100, 'warm');
  await run(600, 'exec');
  await run(300, 'json');
  await ds.destroy();
})();
