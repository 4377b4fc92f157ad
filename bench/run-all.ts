/** `npm run bench`: every benchmark in turn. Figures go in the README; none is a pass/fail test. */
import 'reflect-metadata';
import { benchBilling } from './billing.bench';
import { benchDashboard } from './dashboard.bench';
import { benchMyApps } from './my-apps.bench';
import { benchIngest } from './ingest.bench';

async function main(): Promise<void> {
  console.log('myApps x50 apps:', await benchMyApps());
  console.log('Taobao daily billing, 100,000 app-days:', await benchBilling());
  // Gateway ingestion prints its own figures as it goes.
  await benchIngest();
  console.log('Developer home page, 200 developers × 50 apps, against a hand-written server:');
  await benchDashboard();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
