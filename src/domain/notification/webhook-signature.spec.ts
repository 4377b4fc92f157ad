import { MAX_OUTBOUND_ATTEMPTS, nextAttemptDelayMs, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures: HMAC-SHA256 over "<timestamp>.<body>"', () => {
  const secret = 'whsec_test';
  const body = '{"kind":"BILL_ISSUED"}';

  it('a receiver holding the secret verifies it within 5 minutes', () => {
    const header = signWebhook(secret, 1_796_000_000, body);
    expect(header).toMatch(/^t=1796000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, header, body, 1_796_000_000 + 299)).toBe(true);
  });

  it('fails for another secret, another body, or a timestamp over 5 minutes old', () => {
    const header = signWebhook(secret, 1_796_000_000, body);
    expect(verifyWebhook('whsec_other', header, body, 1_796_000_000)).toBe(false);
    expect(verifyWebhook(secret, header, `${body} `, 1_796_000_000)).toBe(false);
    expect(verifyWebhook(secret, header, body, 1_796_000_000 + 301)).toBe(false);
  });
});

describe('outbound retry schedule: 30 s doubling, capped at 6 h, 16 attempts', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [10, 15_360_000],
    [11, 6 * 3_600_000],
  ])('after attempt %i the next waits %i ms', (n, ms) => {
    expect(nextAttemptDelayMs(n)).toBe(ms);
  });
  it('stops after 16 attempts: 15 waits of 8.5 h in all for the first ten plus 5 × 6 h = 38.5 h', () => {
    const total = Array.from({ length: MAX_OUTBOUND_ATTEMPTS - 1 }, (_, i) => nextAttemptDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(MAX_OUTBOUND_ATTEMPTS).toBe(16);
    expect(total / 3_600_000).toBeCloseTo(38.525, 2);
  });
});
