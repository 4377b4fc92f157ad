#!/usr/bin/env node
/**
 * `npm run build`: compiles the server to `dist/` so production runs `node dist/main.js`.
 *
 *   src/**\/*.ts (not the specs)  → dist/**\/*.js       (tsconfig.build.json, rootDir src)
 *   migrations/*.ts              → dist/migrations/*.js (tsconfig.build-migrations.json)
 *   src/**\/*.json                → copied beside the compiled code (the partner manifest), which
 *                                   finds them through __dirname like the sources do
 *
 * It builds into a scratch folder and swaps it in whole, so a stale file (a deleted migration)
 * never survives and a failed build leaves the previous `dist/` in place. `dist/.build-hash`
 * records a hash of every input; `--if-stale` (what `npm start` runs) builds only when `dist/`
 * is missing or that hash differs from the sources'.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const HASH_FILE = path.join(DIST, '.build-hash');
/** What the output depends on: sources, migrations, compiler settings, this script. */
const INPUTS = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.build-migrations.json', 'package-lock.json', 'scripts/build.mjs'];
const log = (msg) => console.error(`[build] ${msg}`);

function filesUnder(rel) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [rel];
  return readdirSync(abs, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(rel, e.name)) : e.isFile() ? [path.join(rel, e.name)] : []))
    .sort();
}

function sourceHash() {
  const h = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) {
    h.update(`${file.split(path.sep).join('/')}\0`);
    h.update(readFileSync(path.join(ROOT, file)));
    h.update('\0');
  }
  return h.digest('hex');
}

function tsc(project, outDir) {
  let bin;
  try {
    bin = createRequire(path.join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('TypeScript is not installed (a production-only install?): run `npm install` (or `npm ci`) with dev dependencies, then `npm run build`');
  }
  const run = spawnSync(process.execPath, [bin, '-p', project, '--outDir', outDir], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`tsc -p ${project} failed (exit ${run.status ?? run.signal})`);
}

function build(hash) {
  const scratch = path.join(ROOT, `.dist-build-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  try {
    tsc('tsconfig.build.json', scratch);
    tsc('tsconfig.build-migrations.json', path.join(scratch, 'migrations'));
    for (const file of filesUnder('src').filter((f) => f.endsWith('.json'))) {
      const to = path.join(scratch, path.relative('src', file));
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(path.join(ROOT, file), to);
    }
    writeFileSync(path.join(scratch, '.build-hash'), `${hash}\n`);
    const old = path.join(ROOT, `.dist-old-${process.pid}`);
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(scratch, DIST);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  const ifStale = process.argv.includes('--if-stale');
  const hash = sourceHash();
  const built = existsSync(HASH_FILE) && existsSync(path.join(DIST, 'main.js')) ? readFileSync(HASH_FILE, 'utf8').trim() : null;
  if (ifStale && built === hash) {
    log('dist/ is current');
  } else {
    log(built === null ? 'compiling to dist/' : ifStale ? 'sources changed since the last build: compiling to dist/' : 'compiling to dist/');
    const started = Date.now();
    build(hash);
    log(`dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (err) {
  log(`FAILED: ${err.message}`);
  process.exit(1);
}
