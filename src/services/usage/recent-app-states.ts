import { AppQuotaState } from '../../domain/usage/quota-snapshot.rule';

/** Most apps one process keeps between batches (a state is a few hundred bytes: about 20 MB at most). */
export const RECENT_APP_STATES = 50_000;

/**
 * The apps that recent usage batches read, by appkey, with when (the service clock) and for which
 * Beijing date: the gateway's apps recur batch after batch, so a batch whose apps are all here is
 * checked without reading them again, and decides emergency traffic from a state read a moment ago.
 *
 * What a batch's checks take from a state never goes stale: an app is never deleted, its id, appkey
 * and creation day never change (`allOf`). Its quota inputs (status, quotas, today's grant) do
 * change: they are used only while the state is younger than the caller's bound (`readSince`).
 * NOTE: the out-of-cloud permission and today's calls are never taken from here.
 *
 * Bounded: past `max` apps, the least recently stored goes first.
 */
export class RecentAppStates {
  private readonly byAppkey = new Map<string, { state: AppQuotaState; date: string; readAt: number }>();

  constructor(private readonly max = RECENT_APP_STATES) {}

  /** The kept states of all these appkeys (for a batch's checks), or null when one is not here. */
  allOf(appkeys: readonly string[]): Map<string, AppQuotaState> | null {
    const out = new Map<string, AppQuotaState>();
    for (const k of appkeys) {
      const kept = this.byAppkey.get(k);
      if (!kept) return null;
      out.set(k, kept.state);
    }
    return out;
  }

  /** The kept states of all these appkeys read for `date` at `since` or later (ms), or null when one is not. */
  readSince(appkeys: readonly string[], date: string, since: number): Map<string, AppQuotaState> | null {
    const out = new Map<string, AppQuotaState>();
    for (const k of appkeys) {
      const kept = this.byAppkey.get(k);
      if (!kept || kept.date !== date || kept.readAt < since) return null;
      out.set(k, kept.state);
    }
    return out;
  }

  store(states: ReadonlyMap<string, AppQuotaState>, date: string, readAt: number): void {
    for (const [k, state] of states) {
      this.byAppkey.delete(k);
      this.byAppkey.set(k, { state, date, readAt });
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
