/**
 * `npm run bench:apps`: myApps (50 apps with tag, packages and quota) over HTTP against a fresh
 * database; prints requests/s and latency percentiles. A measurement, not a test: no threshold.
 */
import 'reflect-metadata';
import { MyAppsDocument } from '../test/generated/graphql';
import { TestApp } from '../test/support/test-app';

export async function benchMyApps(requests = 500, concurrency = 10): Promise<Record<string, number>> {
  const t = await TestApp.start();
  try {
    const dev = await t.developer();
    for (let i = 0; i < 50; i++) {
      await t.post({ query: 'mutation($i: CreateAppInput!) { createApp(input: $i) { __typename } }', variables: { i: { name: `Bench app ${i}`, tagCode: i % 2 ? 'MERCHANT_BACKEND' : 'TAOBAOKE' } } }, dev.token);
    }
    await t.gql(MyAppsDocument, { first: 50 }, dev.token); // warm-up
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < requests) {
          const t0 = performance.now();
          const res = await t.gql(MyAppsDocument, { first: 50 }, dev.token);
          if (res.data?.myApps.edges.length !== 50) throw new Error(`unexpected answer: ${JSON.stringify(res).slice(0, 200)}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Number(latencies[Math.floor((latencies.length - 1) * p)].toFixed(1));
    return { requests, concurrency, requestsPerSecond: Number((requests / seconds).toFixed(1)), p50ms: pct(0.5), p95ms: pct(0.95), p99ms: pct(0.99) };
  } finally {
    await t.stop();
  }
}

if (require.main === module) {
  benchMyApps().then((r) => console.log('myApps x50 apps:', r));
}
