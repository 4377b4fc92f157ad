/**
 * Why a state refusal (`INVALID_STATE`) was given: one value per rule, so a client branches on the
 * rule instead of parsing `currentState` or the message. Each value's description is the schema's.
 */
export enum RefusalReason {
  /** A state machine has no such transition from the current state (reviews, apps, invoices). */
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  /** The object is in a state that cannot be edited (a product under review, an app in review). */
  NOT_EDITABLE = 'NOT_EDITABLE',
  /** A decision was already taken on it; a decision is final. */
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  /** The balance does not cover the amount. */
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
  /** Unpaid bills remain. */
  IN_ARREARS = 'IN_ARREARS',
  /** Usage no bill covers yet. */
  UNBILLED_USAGE = 'UNBILLED_USAGE',
  /** Buyers hold active subscriptions of the developer's market products. */
  ACTIVE_SUBSCRIPTIONS = 'ACTIVE_SUBSCRIPTIONS',
  /** A balance remains and the caller did not agree to give it up. */
  BALANCE_REMAINING = 'BALANCE_REMAINING',
  /** The account is closed. */
  ACCOUNT_CLOSED = 'ACCOUNT_CLOSED',
  /** The subscription is a trial: trials are neither renewed nor upgraded. */
  TRIAL = 'TRIAL',
  /** A ONE_TIME purchase is never renewed. */
  ONE_TIME_PURCHASE = 'ONE_TIME_PURCHASE',
  /** The renewal window closed: the provider released the service. */
  RENEWAL_CLOSED = 'RENEWAL_CLOSED',
  /** The subscription is not active. */
  SUBSCRIPTION_NOT_ACTIVE = 'SUBSCRIPTION_NOT_ACTIVE',
  /** The product is not listed. */
  PRODUCT_NOT_LISTED = 'PRODUCT_NOT_LISTED',
  /** An operator set the rule: only an operator changes it. */
  SET_BY_OPERATOR = 'SET_BY_OPERATOR',
  /** The app's secrets are frozen in its status. */
  SECRETS_FROZEN = 'SECRETS_FROZEN',
  /** A bill is not on the Douyin platform (Taobao fees are invoiced by Taobao). */
  BILL_NOT_DOUYIN = 'BILL_NOT_DOUYIN',
  /** A bill is not paid. */
  BILL_NOT_PAID = 'BILL_NOT_PAID',
  /** A bill's total is zero. */
  BILL_ZERO_AMOUNT = 'BILL_ZERO_AMOUNT',
  /** A bill is already on an invoice. */
  ALREADY_INVOICED = 'ALREADY_INVOICED',
  /** A review item is held by a reviewer. */
  ALREADY_CLAIMED = 'ALREADY_CLAIMED',
  /** Nobody holds the review item. */
  NOT_CLAIMED = 'NOT_CLAIMED',
  /** The review item is decided or withdrawn: only open items are assigned. */
  ITEM_NOT_OPEN = 'ITEM_NOT_OPEN',
  /** The partner already has access. */
  ALREADY_GRANTED = 'ALREADY_GRANTED',
  /** The partner has no access to revoke. */
  NOT_GRANTED = 'NOT_GRANTED',
  /** The notification was delivered. */
  ALREADY_DELIVERED = 'ALREADY_DELIVERED',
}

/** The schema's description of each reason (one line each). */
export const REFUSAL_REASON_DESCRIPTIONS: Readonly<Record<RefusalReason, string>> = {
  TRANSITION_NOT_ALLOWED: 'The state machine has no such transition from the current state; `currentState` names it.',
  NOT_EDITABLE: 'The object cannot be edited in its current state (figure `status`).',
  ALREADY_DECIDED: 'A decision was already taken; decisions are final (figures `status`, and who decided when known).',
  INSUFFICIENT_BALANCE: 'The balance does not cover the amount (figures `balance`, `amount`, `shortfall`, in yuan).',
  IN_ARREARS: 'Unpaid bills remain (figures `unpaidBills`, `unpaidTotal` in yuan).',
  UNBILLED_USAGE: 'Usage no bill covers yet (figures `<PLATFORM>.firstDay`, `<PLATFORM>.lastDay`).',
  ACTIVE_SUBSCRIPTIONS: "Buyers hold active subscriptions of the developer's market products (figure `activeSubscriptions`).",
  BALANCE_REMAINING: 'A balance remains and forfeiting it was not agreed (figure `balance`, in yuan).',
  ACCOUNT_CLOSED: 'The account is closed (figure `closedAt`).',
  TRIAL: 'The subscription is a trial: trials are neither renewed nor upgraded.',
  ONE_TIME_PURCHASE: 'A ONE_TIME purchase is never renewed.',
  RENEWAL_CLOSED: 'Renewal closed 7 days after expiry; the provider released the service (figures `expiresAt`, `releasedAt`).',
  SUBSCRIPTION_NOT_ACTIVE: 'Only an active subscription allows this (figure `status`).',
  PRODUCT_NOT_LISTED: 'Only a LISTED product allows this (figure `status`).',
  SET_BY_OPERATOR: 'An operator set this rule: only an operator removes it.',
  SECRETS_FROZEN: "The app's secrets are frozen in its status (figure `status`).",
  BILL_NOT_DOUYIN: 'A bill is not a Douyin bill: Taobao fees are invoiced by the Taobao Open Platform (figure `billId`).',
  BILL_NOT_PAID: 'A bill is not paid: only paid amounts are invoiced (figure `billId`).',
  BILL_ZERO_AMOUNT: 'Nothing was paid on a bill (figure `billId`).',
  ALREADY_INVOICED: 'A bill is already on an invoice (figures `billId`, `invoiceId` when known).',
  ALREADY_CLAIMED: 'A reviewer holds the item (figure `assigneeId`).',
  NOT_CLAIMED: 'Nobody holds the item.',
  ITEM_NOT_OPEN: 'Only open review items are assigned (figure `status`).',
  ALREADY_GRANTED: 'The partner already has access (figure `partnerId`).',
  NOT_GRANTED: 'The partner has no access to revoke (figure `partnerId`).',
  ALREADY_DELIVERED: 'The notification was delivered.',
};

/** One measured figure of a refusal, e.g. `{ name: 'balance', value: '12.00' }` (money as 2-decimal yuan strings). */
export interface RefusalFigure {
  readonly name: string;
  readonly value: string;
}

/** One failed check of a state refusal: its reason, a sentence for people, its figures. */
export interface FailedCheck {
  readonly reason: RefusalReason;
  readonly message: string;
  readonly figures: readonly RefusalFigure[];
}

/** Figures from an object, in its key order. */
export function figures(values: Readonly<Record<string, string | number>> = {}): RefusalFigure[] {
  return Object.entries(values).map(([name, value]) => ({ name, value: String(value) }));
}

/** A failed check. */
export function failedCheck(reason: RefusalReason, message: string, values: Readonly<Record<string, string | number>> = {}): FailedCheck {
  return { reason, message, figures: figures(values) };
}
