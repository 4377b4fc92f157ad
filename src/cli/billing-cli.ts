/**
 * `npm run billing -- <TAOBAO|DOUYIN> <period>`: runs billing for a Taobao day (YYYY-MM-DD) or a
 * Douyin month (YYYY-MM) with a progress bar on stderr; prints the run report as JSON on stdout.
 * Idempotent: safe to rerun, and safe to run twice at once.
 */
import 'reflect-metadata';
import { BillingPlatform } from '../billing/billing.enums';
import { config } from '../config';
import { systemClock } from '../domain/common/clock';
import { createDataSource } from '../db/data-source';
import { BillingRunService } from '../services/billing/billing-run.service';
import { SandboxPaymentProvider } from '../services/billing/payment-provider';

export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} apps ${(share * 100).toFixed(0)}%`;
}

async function main(): Promise<void> {
  const [platformArg, period] = process.argv.slice(2);
  const platform = platformArg?.toUpperCase() as BillingPlatform;
  if (!Object.values(BillingPlatform).includes(platform) || !period) {
    console.error('usage: npm run billing -- <TAOBAO|DOUYIN> <YYYY-MM-DD | YYYY-MM>');
    process.exit(2);
  }
  const ds = await createDataSource(config()).initialize();
  try {
    // NOTE: the CLI uses the SANDBOX payment provider, like the server today (see docs/billing.md).
    const runs = new BillingRunService(ds, systemClock, new SandboxPaymentProvider());
    const result = await runs.run(platform, period, (done, total) => process.stderr.write(`\r${progressBar(done, total)}`));
    process.stderr.write('\n');
    if (!result.ok) {
      console.error(JSON.stringify(result.refusal, null, 2));
      process.exit(1);
    }
    console.log(JSON.stringify(result.value, null, 2));
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error('[billing] failed:', err);
    process.exit(1);
  });
}
