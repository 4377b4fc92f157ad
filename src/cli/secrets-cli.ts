/**
 * `npm run secrets:reseal`: moves every secret at rest onto the keys derived from SECRETS_KEY
 * (docs/platform.md, "One secret key"). Run it once with SECRETS_KEY and the old APP_SECRET_KEY set;
 * when it reports nothing unopenable, remove APP_SECRET_KEY. Prints a JSON report; exit 0, or 1 when
 * rows could not be opened.
 */
import 'reflect-metadata';
import { config } from '../config';
import { createDataSource } from '../db/data-source';
import { systemClock } from '../domain/common/clock';
import { createServices } from '../services';
import { serviceOptionsFrom } from '../services/service-options';

async function main(): Promise<number> {
  const cfg = config();
  const ds = await createDataSource(cfg).initialize();
  try {
    const report = await createServices(ds, systemClock, serviceOptionsFrom(cfg)).secretReseal.reseal();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.unopenable.length === 0 ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  },
);
