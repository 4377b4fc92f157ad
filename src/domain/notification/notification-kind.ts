/**
 * What a developer is told (issue: "Developers are told and can see"). Each kind has a stable
 * code, a title, the kind of object it links to, and the channels it goes to unless the developer
 * switches them off. The inbox is one channel like the others: a developer may mute a kind there too.
 */
export enum NotificationKind {
  APP_REVIEW_APPROVED = 'APP_REVIEW_APPROVED',
  APP_REVIEW_REJECTED = 'APP_REVIEW_REJECTED',
  APPLICATION_APPROVED = 'APPLICATION_APPROVED',
  APPLICATION_REJECTED = 'APPLICATION_REJECTED',
  MEMBER_CAPABILITY_APPROVED = 'MEMBER_CAPABILITY_APPROVED',
  MEMBER_CAPABILITY_REJECTED = 'MEMBER_CAPABILITY_REJECTED',
  MEMBER_CAPABILITY_BARRED = 'MEMBER_CAPABILITY_BARRED',
  MEMBER_CAPABILITY_BAR_LIFTED = 'MEMBER_CAPABILITY_BAR_LIFTED',
  APP_SUSPENDED = 'APP_SUSPENDED',
  APP_RESTORED = 'APP_RESTORED',
  APP_SECRET_ROTATED = 'APP_SECRET_ROTATED',
  /** An operator set the app's quota (CONTRACT and UV-based tags), from a date. */
  APP_QUOTA_SET = 'APP_QUOTA_SET',
  BILL_ISSUED = 'BILL_ISSUED',
  BILL_UNPAID = 'BILL_UNPAID',
  ARREARS_ENTERED = 'ARREARS_ENTERED',
  ARREARS_CLEARED = 'ARREARS_CLEARED',
  BALANCE_LOW = 'BALANCE_LOW',
  QUOTA_80_PERCENT = 'QUOTA_80_PERCENT',
  QUOTA_EXHAUSTED = 'QUOTA_EXHAUSTED',
  EMERGENCY_TRAFFIC_GRANTED = 'EMERGENCY_TRAFFIC_GRANTED',
  DEPOSIT_DEDUCTED = 'DEPOSIT_DEDUCTED',
  INVOICE_ISSUED = 'INVOICE_ISSUED',
  INVOICE_REJECTED = 'INVOICE_REJECTED',
  SUBSCRIPTION_EXPIRING_7_DAYS = 'SUBSCRIPTION_EXPIRING_7_DAYS',
  SUBSCRIPTION_EXPIRING_1_DAY = 'SUBSCRIPTION_EXPIRING_1_DAY',
  PRODUCTION_NOTIFICATION_FAILING = 'PRODUCTION_NOTIFICATION_FAILING',
  PRODUCTION_NOTIFICATION_STOPPED = 'PRODUCTION_NOTIFICATION_STOPPED',
  PRODUCTION_NOTIFICATION_RECOVERED = 'PRODUCTION_NOTIFICATION_RECOVERED',
  /** A test delivery the developer asked for (`pingWebhookEndpoint`); never in the inbox. */
  WEBHOOK_PING = 'WEBHOOK_PING',
}

export enum NotificationChannel {
  INBOX = 'INBOX',
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  WEBHOOK = 'WEBHOOK',
}

/** The object a notification links to (its `linkId` is that object's id). */
export enum NotificationLinkType {
  APP = 'APP',
  REVIEW_ROUND = 'REVIEW_ROUND',
  PACKAGE_APPLICATION = 'PACKAGE_APPLICATION',
  MEMBER_CAPABILITY_APPLICATION = 'MEMBER_CAPABILITY_APPLICATION',
  BILL = 'BILL',
  BILLING_ACCOUNT = 'BILLING_ACCOUNT',
  INVOICE = 'INVOICE',
  MARKET_SUBSCRIPTION = 'MARKET_SUBSCRIPTION',
  PRODUCTION_NOTIFICATION = 'PRODUCTION_NOTIFICATION',
  WEBHOOK_ENDPOINT = 'WEBHOOK_ENDPOINT',
}

export interface KindSpec {
  readonly title: string;
  readonly link: NotificationLinkType | null;
  /** Channels on unless the developer switches them off. */
  readonly defaults: readonly NotificationChannel[];
}

const { INBOX, EMAIL, SMS, WEBHOOK } = NotificationChannel;
const L = NotificationLinkType;
/** Money and access: also by email. Urgent (calls stop): also by SMS. Everything: inbox and webhooks. */
const ROUTINE = [INBOX, WEBHOOK] as const;
const IMPORTANT = [INBOX, EMAIL, WEBHOOK] as const;
const URGENT = [INBOX, EMAIL, SMS, WEBHOOK] as const;

export const KIND_SPECS: Readonly<Record<NotificationKind, KindSpec>> = {
  APP_REVIEW_APPROVED: { title: 'App approved', link: L.REVIEW_ROUND, defaults: IMPORTANT },
  APP_REVIEW_REJECTED: { title: 'App rejected', link: L.REVIEW_ROUND, defaults: IMPORTANT },
  APPLICATION_APPROVED: { title: 'Package application approved', link: L.PACKAGE_APPLICATION, defaults: IMPORTANT },
  APPLICATION_REJECTED: { title: 'Package application rejected', link: L.PACKAGE_APPLICATION, defaults: IMPORTANT },
  MEMBER_CAPABILITY_APPROVED: { title: 'Member-capability application approved', link: L.MEMBER_CAPABILITY_APPLICATION, defaults: IMPORTANT },
  MEMBER_CAPABILITY_REJECTED: { title: 'Member-capability application rejected', link: L.MEMBER_CAPABILITY_APPLICATION, defaults: IMPORTANT },
  MEMBER_CAPABILITY_BARRED: { title: 'Member-capability applications barred', link: null, defaults: IMPORTANT },
  MEMBER_CAPABILITY_BAR_LIFTED: { title: 'Member-capability bar lifted', link: null, defaults: IMPORTANT },
  APP_SUSPENDED: { title: 'App suspended', link: L.APP, defaults: URGENT },
  APP_RESTORED: { title: 'App restored', link: L.APP, defaults: IMPORTANT },
  APP_SECRET_ROTATED: { title: 'App secret rotated', link: L.APP, defaults: IMPORTANT },
  APP_QUOTA_SET: { title: 'App quota set', link: L.APP, defaults: IMPORTANT },
  BILL_ISSUED: { title: 'Bills issued', link: L.BILLING_ACCOUNT, defaults: ROUTINE },
  BILL_UNPAID: { title: 'Bill unpaid', link: L.BILL, defaults: IMPORTANT },
  ARREARS_ENTERED: { title: 'Account in arrears', link: L.BILLING_ACCOUNT, defaults: URGENT },
  ARREARS_CLEARED: { title: 'Arrears cleared', link: L.BILLING_ACCOUNT, defaults: IMPORTANT },
  BALANCE_LOW: { title: 'Balance below your threshold', link: L.BILLING_ACCOUNT, defaults: IMPORTANT },
  QUOTA_80_PERCENT: { title: "80 % of today's quota used", link: L.APP, defaults: ROUTINE },
  QUOTA_EXHAUSTED: { title: "Today's quota used up", link: L.APP, defaults: URGENT },
  EMERGENCY_TRAFFIC_GRANTED: { title: 'Emergency traffic granted', link: L.APP, defaults: IMPORTANT },
  DEPOSIT_DEDUCTED: { title: 'Deposit deducted', link: L.BILL, defaults: IMPORTANT },
  INVOICE_ISSUED: { title: 'Invoice issued', link: L.INVOICE, defaults: IMPORTANT },
  INVOICE_REJECTED: { title: 'Invoice rejected', link: L.INVOICE, defaults: IMPORTANT },
  SUBSCRIPTION_EXPIRING_7_DAYS: { title: 'Subscription expires in 7 days', link: L.MARKET_SUBSCRIPTION, defaults: IMPORTANT },
  SUBSCRIPTION_EXPIRING_1_DAY: { title: 'Subscription expires tomorrow', link: L.MARKET_SUBSCRIPTION, defaults: URGENT },
  PRODUCTION_NOTIFICATION_FAILING: { title: 'Production notifications failing', link: L.PRODUCTION_NOTIFICATION, defaults: IMPORTANT },
  PRODUCTION_NOTIFICATION_STOPPED: { title: 'Production notifications stopped', link: L.PRODUCTION_NOTIFICATION, defaults: URGENT },
  PRODUCTION_NOTIFICATION_RECOVERED: { title: 'Production notifications recovered', link: L.PRODUCTION_NOTIFICATION, defaults: ROUTINE },
  WEBHOOK_PING: { title: 'Webhook test', link: L.WEBHOOK_ENDPOINT, defaults: [WEBHOOK] },
};

export const isNotificationKind = (value: string): value is NotificationKind => Object.values(NotificationKind).includes(value as NotificationKind);

/** Whether `kind` goes to `channel` for a developer whose explicit choices are `overrides` (kind:channel → on/off). */
export function channelEnabled(kind: NotificationKind, channel: NotificationChannel, overrides: ReadonlyMap<string, boolean>): boolean {
  const explicit = overrides.get(`${kind}:${channel}`);
  return explicit ?? KIND_SPECS[kind].defaults.includes(channel);
}

/** A body fits the notification column (500 characters, counted as code points). */
export function fitBody(text: string, max = 500): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Quota thresholds (issue: 80 % and 100 % of today's quota): the highest one `used` has reached. */
export function quotaThresholdReached(used: number, limit: number | null): NotificationKind.QUOTA_80_PERCENT | NotificationKind.QUOTA_EXHAUSTED | null {
  if (limit === null || limit <= 0) return null;
  if (used >= limit) return NotificationKind.QUOTA_EXHAUSTED;
  if (used * 5 >= limit * 4) return NotificationKind.QUOTA_80_PERCENT;
  return null;
}
