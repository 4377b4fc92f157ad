import { decodeJwt } from 'jose';
import { Viewer } from '../domain/common/role';

/** The longest a verified token is trusted without verifying its signature again. */
const MAX_TRUST_MS = 5 * 60_000;

/**
 * Verified bearer tokens, so a busy client (the metering gateway sends a request per batch and per
 * snapshot, with one token) is not re-verified on every request: the HMAC check went through
 * WebCrypto's job queue and cost more than a batch of one's SQL on a loaded machine. Only tokens
 * that passed `verify` are kept, each until the earlier of its `exp` and 5 minutes; a bounded LRU.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { viewer: Viewer; until: number }>();

  constructor(
    private readonly verify: (header: string | undefined) => Promise<Viewer>,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async viewerOf(header: string | undefined): Promise<Viewer> {
    if (header === undefined || header === '') return this.verify(header);
    const hit = this.entries.get(header);
    const now = this.now();
    if (hit && hit.until > now) {
      // Most recently used last: the first key is the one to evict.
      this.entries.delete(header);
      this.entries.set(header, hit);
      return hit.viewer;
    }
    if (hit) this.entries.delete(header);
    const viewer = await this.verify(header);
    const exp = decodeJwt(header.slice('Bearer '.length)).exp;
    const until = Math.min(now + MAX_TRUST_MS, typeof exp === 'number' ? exp * 1000 : now + MAX_TRUST_MS);
    if (until > now) {
      this.entries.set(header, { viewer, until });
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return viewer;
  }
}
