/** `npm run bench`: every benchmark in turn. Figures go in the README; none is a pass/fail test. */
import 'reflect-metadata';
import { benchMyApps } from './my-apps.bench';

async function main(): Promise<void> {
  console.log('myApps x50 apps:', await benchMyApps());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
