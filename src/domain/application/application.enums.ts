/** A package or member-capability application's status. PENDING → APPROVED or REJECTED. */
export enum ApplicationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** DOMAIN §2.4: review cycle for traffic and value-added packages. */
export const PACKAGE_REVIEW_WORKING_DAYS = 3;

/** What a pending application (DOMAIN §2.3, §2.4, §4) asks for. */
export enum PendingApplicationKind {
  TRAFFIC = 'TRAFFIC',
  VALUE_ADDED = 'VALUE_ADDED',
  MEMBER_CAPABILITY = 'MEMBER_CAPABILITY',
}
