/**
 * A billing worker process, forked by `npm run billing -- <platform> <period> --workers N` (and by
 * the billing bench). It connects to DATABASE_URL, then bills every run the parent sends it over
 * the IPC channel (`{ run: id }`), answering `{ type: 'report', report, maxRssKb }` (or
 * `{ type: 'error', message }`), with `{ type: 'progress', ... }` on the way. It exits when the
 * parent disconnects. Nothing is coordinated through the parent: shards are claimed in the database.
 */
import 'reflect-metadata';
import { config } from '../config';
import { systemClock } from '../domain/common/clock';
import { createDataSource } from '../db/data-source';
import { createServices } from '../services';
import type { BillingRunReport } from '../services/billing/billing-run.service';

export type WorkerRequest = { run: string };
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; run: string; shardsDone: number; shardCount: number; apps: number }
  | { type: 'report'; run: string; report: BillingRunReport; maxRssKb: number }
  | { type: 'error'; run: string; message: string };

async function main(): Promise<void> {
  const send = (m: WorkerMessage) => process.send?.(m);
  const cfg = config();
  const ds = await createDataSource(cfg, undefined, { batch: true }).initialize();
  const services = createServices(ds, systemClock, { billing: cfg.billing });
  let queue = Promise.resolve();
  process.on('message', (msg: WorkerRequest) => {
    queue = queue.then(async () => {
      try {
        const report = await services.billingRuns.work(msg.run, (shardsDone, shardCount, apps) => send({ type: 'progress', run: msg.run, shardsDone, shardCount, apps }));
        send({ type: 'report', run: msg.run, report, maxRssKb: process.resourceUsage().maxRSS });
      } catch (err) {
        send({ type: 'error', run: msg.run, message: (err as Error).message ?? String(err) });
      }
    });
  });
  process.on('disconnect', () => {
    void queue.finally(() => ds.destroy().finally(() => process.exit(0)));
  });
  send({ type: 'ready' });
}

if (require.main === module) {
  main().catch((err) => {
    console.error('[billing-worker] failed:', err);
    process.exit(1);
  });
}
