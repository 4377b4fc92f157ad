/** How a SaaS product is sold (DOMAIN §7). */
export enum SaleMode {
  /** By subscription cycle: month / year prices, new-purchase and renewal prices, trials. */
  BY_CYCLE = 'BY_CYCLE',
  /** One-time purchase: a single new-purchase price, no cycle, no renewal, no trial. */
  ONE_TIME = 'ONE_TIME',
}

/** The period a quote or order is for. ONE_TIME only for ONE_TIME products. */
export enum BillingCycle {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  ONE_TIME = 'ONE_TIME',
}

/** Which price column applies. */
export enum PurchaseKind {
  NEW = 'NEW',
  RENEWAL = 'RENEWAL',
}

/** Extra billing item kinds (额外计费项). */
export enum BillingItemKind {
  /** A counted quantity (users, accounts) with a minimum and volume tiers. */
  QUANTITY = 'QUANTITY',
  /** A choice among priced values (model, region). */
  ENUM = 'ENUM',
}

/** A product's listing status. */
export enum ProductStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  LISTED = 'LISTED',
  REJECTED = 'REJECTED',
}

export enum OrderType {
  NEW = 'NEW',
  RENEW = 'RENEW',
  UPGRADE = 'UPGRADE',
}

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  /** Past its expiry: the business is closed; renewal still possible for 7 days. */
  CLOSED = 'CLOSED',
  /** 7 days past expiry: the provider was told to release it; renewal refused. */
  RELEASED = 'RELEASED',
}

/** What a production notification asks the provider to do. */
export enum NotificationAction {
  NEW = 'NEW',
  RENEW = 'RENEW',
  UPGRADE = 'UPGRADE',
  RELEASE = 'RELEASE',
}

export enum NotificationStatus {
  /** Not yet delivered; retried with backoff. */
  PENDING = 'PENDING',
  /** Delivered (the provider answered 2xx). */
  DELIVERED = 'DELIVERED',
  /** Failed 120 times; waits for the provider's reset. */
  STOPPED = 'STOPPED',
}
