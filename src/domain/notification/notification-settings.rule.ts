import { isMoneyFormat } from '../../billing/money';
import { invalidInput, ok, Result } from '../common/result';
import { Violation, violation } from '../common/violation';
import { isNotificationKind, KIND_SPECS, NotificationChannel, NotificationKind } from './notification-kind';

/** At most 5 active webhook endpoints per developer (docs/notifications.md). */
export const MAX_WEBHOOK_ENDPOINTS = 5;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9][0-9 -]{5,28}$/;

/**
 * Switching one channel of one notification kind: a known kind (not the internal ping), and the
 * inbox never off (it is the record of what happened). The stored overrides keep only choices
 * that differ from the kind's defaults. Answers the overrides after and whether this one is explicit.
 */
export function planPreference(
  current: Readonly<Record<string, boolean>>,
  kind: string,
  channel: NotificationChannel,
  enabled: boolean,
): Result<{ preferences: Record<string, boolean>; kind: NotificationKind; explicit: boolean }> {
  if (!isNotificationKind(kind) || kind === NotificationKind.WEBHOOK_PING) return invalidInput([violation('kind', 'UNKNOWN_KIND', `no notification kind ${kind}`)]);
  if (channel === NotificationChannel.INBOX && !enabled) return invalidInput([violation('channel', 'INBOX_ALWAYS_ON', 'the inbox keeps every notification; switch off email, SMS or webhooks instead')]);
  const key = `${kind}:${channel}`;
  const preferences = { ...current };
  if (enabled === KIND_SPECS[kind].defaults.includes(channel)) delete preferences[key];
  else preferences[key] = enabled;
  return ok({ preferences, kind, explicit: key in preferences });
}

export interface ContactsInput {
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly lowBalanceThreshold?: string | null;
}

/** The contact fields as written; a new low-balance threshold re-arms its notice (`lowBalanceNotified` 0). */
export interface ContactsPatch {
  email?: string | null;
  phone?: string | null;
  lowBalanceThreshold?: string | null;
  lowBalanceNotified?: number;
}

/** The contact details' input: an email of at most 200 characters, a phone of 6–30 digits, a threshold in yuan. */
export function checkContacts(input: ContactsInput): Violation[] {
  const problems: Violation[] = [];
  if (input.email != null && (input.email.length > 200 || !EMAIL.test(input.email))) problems.push(violation('email', 'NOT_AN_EMAIL', 'email must be an address of at most 200 characters'));
  if (input.phone != null && !PHONE.test(input.phone)) problems.push(violation('phone', 'NOT_A_PHONE', 'phone must be 6 to 30 digits, spaces or dashes, optionally after +'));
  if (input.lowBalanceThreshold != null && !isMoneyFormat(input.lowBalanceThreshold, 14)) problems.push(violation('lowBalanceThreshold', 'NOT_MONEY', 'lowBalanceThreshold is yuan with at most two decimals, e.g. 100.00'));
  return problems;
}

/** The contact details to write: the fields the input names (absent ones kept). */
export function planContacts(input: ContactsInput): Result<ContactsPatch> {
  const problems = checkContacts(input);
  if (problems.length > 0) return invalidInput(problems);
  const patch: ContactsPatch = {};
  if (input.email !== undefined) patch.email = input.email;
  if (input.phone !== undefined) patch.phone = input.phone;
  if (input.lowBalanceThreshold !== undefined) {
    patch.lowBalanceThreshold = input.lowBalanceThreshold;
    patch.lowBalanceNotified = 0;
  }
  return ok(patch);
}

/** Registering a webhook endpoint: refused TOO_MANY_ENDPOINTS once the developer has 5 active ones. */
export function checkEndpointCount(active: number): Result<true> {
  return active >= MAX_WEBHOOK_ENDPOINTS ? invalidInput([violation('url', 'TOO_MANY_ENDPOINTS', `at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; remove one first`)]) : ok(true);
}
