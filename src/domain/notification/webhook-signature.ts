import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs/notifications.md): `x-portal-signature: t=<unix seconds>,v1=<hex>` where
 * v1 = HMAC-SHA256(secret, "<t>.<raw body>"). Receivers recompute it over the raw body and refuse
 * a timestamp older than their tolerance (5 minutes is suggested), which stops replays.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** A receiver's check: the header's MAC matches and its timestamp is within `toleranceSeconds` of `nowSeconds`. */
export function verifyWebhook(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, t, body).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Retry schedule of an outbound message: 30 s, 1 min, 2 min … doubling, at most 6 h apart; stopped after `MAX_OUTBOUND_ATTEMPTS` (about 38.5 h of retries). */
export const MAX_OUTBOUND_ATTEMPTS = 16;
export function nextAttemptDelayMs(attemptsSoFar: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attemptsSoFar - 1), 6 * 3_600_000);
}
