/** App status (DOMAIN §2). */
export enum AppStatus {
  DEVELOPING = 'DEVELOPING',
  IN_REVIEW = 'IN_REVIEW',
  ONLINE = 'ONLINE',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

/**
 * Functions an app declares. DOMAIN §2 names PERFORMANCE_APPRAISAL (it gates Wangwang chat
 * history, §2.4). NOTE: the rest of the list is our decision, the common kinds of ISV software.
 */
export enum AppFunction {
  PERFORMANCE_APPRAISAL = 'PERFORMANCE_APPRAISAL',
  ORDER_MANAGEMENT = 'ORDER_MANAGEMENT',
  PRODUCT_MANAGEMENT = 'PRODUCT_MANAGEMENT',
  CUSTOMER_SERVICE = 'CUSTOMER_SERVICE',
  MARKETING = 'MARKETING',
  LOGISTICS = 'LOGISTICS',
  DATA_ANALYSIS = 'DATA_ANALYSIS',
}

/** The kind of developer account (DOMAIN §1). */
export enum DeveloperKind {
  /** Service provider (服务商). */
  ISV = 'ISV',
  /** Self-developing merchant (自研商家). */
  SELF_DEVELOPING_MERCHANT = 'SELF_DEVELOPING_MERCHANT',
}
