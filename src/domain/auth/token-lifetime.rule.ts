/**
 * Token lifetimes (issue 12 §5): every bearer token expires, and no role's token may live longer
 * than that role's cap. Times are JWT NumericDates (whole seconds since the epoch).
 */

/** "90", "90s", "15m", "24h", "30d" → seconds; null when it is none of those. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = { s: 1, m: 60, h: 3_600, d: 86_400 }[(m[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return n * unit;
}

/** 86400 → "24h", 2592000 → "30d": days from two days up, else the largest whole unit. */
export function formatDuration(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds >= 2 * 86_400) return `${seconds / 86_400}d`;
  for (const [unit, size] of [['h', 3_600], ['m', 60]] as const) if (seconds % size === 0 && seconds >= size) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}

export interface TokenTimes {
  exp?: unknown;
  iat?: unknown;
  nbf?: unknown;
}

/**
 * Why a token's times are refused, or null when they are fine. `exp` is required; `iat` may not
 * lie in the future; the lifetime (`exp` − `iat`, or `exp` − now when there is no `iat`) may not
 * exceed `maxTtlSeconds`; `nbf` may not lie in the future. Each comparison with the clock allows
 * `toleranceSeconds` of skew. NOTE: the lifetime is measured from issue, not from `nbf`: a token
 * made valid later still counts the wait.
 */
export function checkTokenTimes(times: TokenTimes, nowSeconds: number, maxTtlSeconds: number, toleranceSeconds: number): string | null {
  const { exp, iat, nbf } = times;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'claim "exp" is required: every token must expire';
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) return 'claim "iat" must be a number';
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf))) return 'claim "nbf" must be a number';
  if (typeof iat === 'number' && iat > nowSeconds + toleranceSeconds) return 'claim "iat" lies in the future';
  if (exp <= nowSeconds - toleranceSeconds) return 'the token has expired';
  if (typeof nbf === 'number' && nbf > nowSeconds + toleranceSeconds) return 'the token is not valid yet (claim "nbf" lies in the future)';
  const issued = typeof iat === 'number' ? iat : nowSeconds;
  if (exp - issued > maxTtlSeconds + toleranceSeconds) return `the token lives longer than the ${formatDuration(maxTtlSeconds)} this role allows`;
  return null;
}
