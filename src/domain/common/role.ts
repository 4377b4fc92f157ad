/** Who is calling (DOMAIN §1). ANONYMOUS callers carry no token and read the public catalog only. */
export enum Role {
  ANONYMOUS = 'ANONYMOUS',
  DEVELOPER = 'DEVELOPER',
  REVIEWER = 'REVIEWER',
  OPERATOR = 'OPERATOR',
  PARTNER = 'PARTNER',
  /** The metering gateway: reports usage, asks quotas. */
  GATEWAY = 'GATEWAY',
}

/** The authenticated caller: a role and the identity provider's subject id. */
export interface Viewer {
  readonly role: Role;
  readonly subjectId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: Role.ANONYMOUS, subjectId: null });

/** Platform staff may read every developer's objects. */
export const isStaff = (viewer: Viewer): boolean => viewer.role === Role.REVIEWER || viewer.role === Role.OPERATOR;
