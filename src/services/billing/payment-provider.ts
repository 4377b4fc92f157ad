import { createHash } from 'node:crypto';

export type PaymentOutcome = { ok: true; tradeNo: string } | { ok: false; reason: string };

/**
 * The payment provider (DOMAIN §5 payment modes): collects prepaid recharges and debits bills
 * under a signed Alipay auto-debit agreement. Calls are idempotent by `idempotencyKey`.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Collects a prepaid recharge the developer paid at the cashier. */
  collectRecharge(req: { developerId: string; amount: string; idempotencyKey: string }): Promise<PaymentOutcome>;
  /** Debits a bill's amount under an auto-debit agreement. */
  autoDebit(req: { agreementNo: string; amount: string; idempotencyKey: string }): Promise<PaymentOutcome>;
}

/**
 * SANDBOX provider, for development and tests ONLY: moves no real money. Every recharge
 * succeeds; an auto-debit succeeds unless the agreement number starts with `SANDBOX-DECLINE`
 * (to exercise arrears). Trade numbers are derived from the idempotency key, so a retry answers
 * the same trade.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private trade = (key: string) => `SANDBOX-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;

  async collectRecharge(req: { developerId: string; amount: string; idempotencyKey: string }): Promise<PaymentOutcome> {
    return { ok: true, tradeNo: this.trade(`recharge:${req.developerId}:${req.idempotencyKey}`) };
  }

  async autoDebit(req: { agreementNo: string; amount: string; idempotencyKey: string }): Promise<PaymentOutcome> {
    if (req.agreementNo.startsWith('SANDBOX-DECLINE')) return { ok: false, reason: 'sandbox: agreement declines every debit' };
    return { ok: true, tradeNo: this.trade(`debit:${req.agreementNo}:${req.idempotencyKey}`) };
  }
}
