/**
 * What a review round reviews: apps (DOMAIN §3), cloud-market product listings (DOMAIN §7), package
 * applications (§2.3, §2.4) and member-capability applications (§4) (issue 13: one review mechanism).
 */
export enum ReviewSubjectType {
  APP = 'APP',
  MARKET_PRODUCT = 'MARKET_PRODUCT',
  PACKAGE_APPLICATION = 'PACKAGE_APPLICATION',
  MEMBER_CAPABILITY_APPLICATION = 'MEMBER_CAPABILITY_APPLICATION',
}

/** A round is PENDING until a reviewer decides it, once. */
export enum ReviewRoundStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}

/** Rejection reason codes (DOMAIN §3): the seven unsupported app kinds, then three general ones. */
export enum RejectionReason {
  /** Displays users' private data. */
  DISPLAYS_USER_PRIVATE_DATA = 'DISPLAYS_USER_PRIVATE_DATA',
  /** Has its own registration or login. */
  OWN_REGISTRATION_OR_LOGIN = 'OWN_REGISTRATION_OR_LOGIN',
  /** Harasses users or changes their browsing path. */
  HARASSES_USERS_OR_CHANGES_BROWSING_PATH = 'HARASSES_USERS_OR_CHANGES_BROWSING_PATH',
  /** Image storage, or replacing item-page image links. */
  IMAGE_STORAGE_OR_REPLACES_ITEM_IMAGES = 'IMAGE_STORAGE_OR_REPLACES_ITEM_IMAGES',
  /** Traffic exchange between stores. */
  TRAFFIC_EXCHANGE_BETWEEN_STORES = 'TRAFFIC_EXCHANGE_BETWEEN_STORES',
  /** Phone-bill or point-card recharge. */
  PHONE_BILL_OR_POINT_CARD_RECHARGE = 'PHONE_BILL_OR_POINT_CARD_RECHARGE',
  /** Messaging or instant communication. */
  MESSAGING_OR_INSTANT_COMMUNICATION = 'MESSAGING_OR_INSTANT_COMMUNICATION',
  /** Violates the law or infringes rights (002 article 3). */
  PROHIBITED_CONTENT = 'PROHIBITED_CONTENT',
  INCOMPLETE_MATERIAL = 'INCOMPLETE_MATERIAL',
  OTHER = 'OTHER',
}

/** Who wrote a message in a round's feedback thread. */
export enum ReviewMessageAuthor {
  DEVELOPER = 'DEVELOPER',
  REVIEWER = 'REVIEWER',
}

/** Audit actions on a round. */
export enum ReviewAction {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  FEEDBACK_POSTED = 'FEEDBACK_POSTED',
}
