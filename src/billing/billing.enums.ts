export { BillingPlatform } from './price-list';

/** A bill is UNPAID until the balance (or auto-debit, or the deposit) covers it, then PAID. Never refunded. */
export enum BillStatus {
  UNPAID = 'UNPAID',
  PAID = 'PAID',
}

/** Kinds of ledger entry (DOMAIN §5: every movement of money is a ledger entry). Amounts are signed. */
export enum LedgerKind {
  /** Money in: a prepaid recharge, or an auto-debit collected from Alipay. */
  RECHARGE = 'RECHARGE',
  /** Money out: a bill's charges (before coupons) when it is paid. */
  CHARGE = 'CHARGE',
  /** Money in: the coupon lines of a paid bill. */
  COUPON = 'COUPON',
  /** An operator's correction, either sign. */
  ADJUSTMENT = 'ADJUSTMENT',
  /** Money in from the developer's deposit to settle old arrears (Douyin). */
  DEPOSIT_DEDUCTION = 'DEPOSIT_DEDUCTION',
  /** Money out: a positive balance the developer gave up when closing the account (DOMAIN §6: never withdrawn). */
  FORFEIT = 'FORFEIT',
  /** Money out: a paid cloud-market order (issue 18), one entry per order ("MARKET_ORDER:<order id>"). */
  MARKET_ORDER = 'MARKET_ORDER',
}

export enum PaymentMode {
  PREPAID = 'PREPAID',
  ALIPAY_AUTO_DEBIT = 'ALIPAY_AUTO_DEBIT',
}

export enum BillLineKindEnum {
  CHARGE = 'CHARGE',
  COUPON = 'COUPON',
  DISCOUNT = 'DISCOUNT',
}
