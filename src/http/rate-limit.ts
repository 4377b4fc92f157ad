import { HeaderMap } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import { Config } from '../config';
import { Viewer } from '../domain/common/role';

export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * Requests per credential: `points` per `durationSeconds`, in process memory (one server process;
 * several processes would share a RateLimiterRedis/RateLimiterMySQL instead, same interface).
 * The key is the token's role and subject, so one subject's DEVELOPER and PARTNER credentials
 * count apart; anonymous callers count by client IP.
 */
export class RequestRateLimiter {
  private readonly limiter: RateLimiterMemory | null;
  /** Anonymous callers, by client IP: a budget of their own (RATE_LIMIT_ANONYMOUS_POINTS). */
  private readonly anonymous: RateLimiterMemory | null;

  constructor(private readonly cfg: Config['rateLimit']) {
    this.limiter = cfg.enabled ? new RateLimiterMemory({ points: cfg.points, duration: cfg.durationSeconds }) : null;
    this.anonymous = cfg.enabled ? new RateLimiterMemory({ points: cfg.anonymousPoints, duration: cfg.durationSeconds }) : null;
  }

  /** Counts one request; throws RATE_LIMITED (HTTP 429, Retry-After) once the credential's budget is spent. */
  async consume(viewer: Viewer, ip: string | undefined): Promise<void> {
    const anonymous = viewer.subjectId === null;
    const limiter = anonymous ? this.anonymous : this.limiter;
    if (!limiter) return;
    const key = anonymous ? `ip:${ip ?? 'unknown'}` : `${viewer.role}:${viewer.subjectId}`;
    const points = anonymous ? this.cfg.anonymousPoints : this.cfg.points;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError(`rate limit of ${points} requests per ${this.cfg.durationSeconds}s reached; retry in ${retryAfterSeconds}s`, {
        extensions: {
          code: RATE_LIMITED,
          retryAfterSeconds,
          http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
        },
      });
    }
  }
}
