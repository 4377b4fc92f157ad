import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Bounded: a Debian mirror that does not answer fails the test setup, never hangs it. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Makes sure Debian's chromium is installed: as root, `apt-get install -y chromium` (after an
 * `apt-get update` if the package lists are empty), in at most 10 minutes; otherwise it says what
 * to run. Browser tests call it in their beforeAll.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`The explorer browser test needs Debian's chromium at ${CHROMIUM} (apt-get install -y chromium); this machine has no apt-get.`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`The explorer browser test needs Debian's chromium at ${CHROMIUM}. Install it once: sudo apt-get install -y chromium`);
  }
  process.stderr.write(`[browser test] ${CHROMIUM} is missing: running apt-get install -y chromium (at most ${INSTALL_TIMEOUT_MS / 60_000} minutes)\n`);
  const install = () =>
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: INSTALL_TIMEOUT_MS, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    // A fresh image has no package lists yet.
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: INSTALL_TIMEOUT_MS });
    try {
      install();
    } catch (err) {
      const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n').slice(-5).join('\n');
      throw new Error(`apt-get install -y chromium failed; install it by hand and rerun.\n${stderr}`);
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

/** A headless chromium with a fresh profile; `close()` also removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
