import { StampedAppQuotaState } from './app-quota-state';

/** Most apps one process keeps between batches (a state is a few hundred bytes: about 20 MB at most). */
export const RECENT_APP_STATES = 50_000;

/**
 * The quota states that recent usage batches read, by appkey, for one Beijing date: the gateway's
 * apps recur batch after batch, so a batch whose apps are all here is checked without reading them
 * again. What a batch's checks take from a state never goes stale: an app is never deleted, its
 * appkey and creation day never change (the one changeable input of a check, the out-of-cloud
 * permission, is read fresh by the caller). What emergency traffic takes from it (status, quotas,
 * today's grant) is checked against its stamp inside the batch's transaction.
 *
 * Bounded: past `max` apps, the least recently stored goes first. States of another date are misses.
 */
export class RecentAppStates {
  private readonly byAppkey = new Map<string, { date: string; state: StampedAppQuotaState }>();

  constructor(private readonly max = RECENT_APP_STATES) {}

  /** The states of all these appkeys for `date`, or null when one of them is not here. */
  allOf(appkeys: readonly string[], date: string): Map<string, StampedAppQuotaState> | null {
    const out = new Map<string, StampedAppQuotaState>();
    for (const k of appkeys) {
      const hit = this.byAppkey.get(k);
      if (!hit || hit.date !== date) return null;
      out.set(k, hit.state);
    }
    return out;
  }

  /** Keeps states read for `date`. */
  store(states: ReadonlyMap<string, StampedAppQuotaState>, date: string): void {
    for (const [k, state] of states) {
      this.byAppkey.delete(k);
      this.byAppkey.set(k, { date, state });
    }
    for (const k of this.byAppkey.keys()) {
      if (this.byAppkey.size <= this.max) break;
      this.byAppkey.delete(k);
    }
  }

  forget(appkey: string): void {
    this.byAppkey.delete(appkey);
  }

  get size(): number {
    return this.byAppkey.size;
  }
}
