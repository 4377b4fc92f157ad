import { AppQuotaState } from '../../domain/usage/quota-snapshot.rule';

/** Most apps one process keeps between batches (a state is a few hundred bytes: about 20 MB at most). */
export const RECENT_APP_STATES = 50_000;

/**
 * The apps that recent usage batches read, by appkey: the gateway's apps recur batch after batch,
 * so a batch whose apps are all here is checked without reading them again. Only what a batch's
 * checks take from a state may be used from here, and it never goes stale: an app is never deleted,
 * its id, appkey and creation day never change. NOTE: everything else in a kept state (status,
 * quotas, today's calls and grant, the out-of-cloud permission) is as it was when read: callers
 * read those fresh.
 *
 * Bounded: past `max` apps, the least recently stored goes first.
 */
export class RecentAppStates {
  private readonly byAppkey = new Map<string, AppQuotaState>();

  constructor(private readonly max = RECENT_APP_STATES) {}

  /** The kept states of all these appkeys, or null when one of them is not here. */
  allOf(appkeys: readonly string[]): Map<string, AppQuotaState> | null {
    const out = new Map<string, AppQuotaState>();
    for (const k of appkeys) {
      const state = this.byAppkey.get(k);
      if (!state) return null;
      out.set(k, state);
    }
    return out;
  }

  store(states: ReadonlyMap<string, AppQuotaState>): void {
    for (const [k, state] of states) {
      this.byAppkey.delete(k);
      this.byAppkey.set(k, state);
    }
    for (const k of this.byAppkey.keys()) {
      if (this.byAppkey.size <= this.max) break;
      this.byAppkey.delete(k);
    }
  }

  get size(): number {
    return this.byAppkey.size;
  }
}
