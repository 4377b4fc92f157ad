/** How a tag's apps get more daily API calls (DOMAIN §2.1). */
export enum TrafficMode {
  /** Apply online for the next rung of the tag's ladder. */
  LADDER = 'LADDER',
  /** Offline contract negotiation; no online application. */
  CONTRACT = 'CONTRACT',
  /** Quota follows UV-based rules set by operators; no online application. */
  UV_BASED = 'UV_BASED',
}

export enum PackageKind {
  /** A daily API-call quota (a rung of a tag's ladder). */
  TRAFFIC = 'TRAFFIC',
  /** A value-added API capability (basic openness, Taobaoke, Wangwang chat history, ...). */
  VALUE_ADDED = 'VALUE_ADDED',
}

/** Where a package is applied for (DOMAIN §2.4). */
export enum ApplicationChannel {
  /** Applied for in the portal. */
  ONLINE = 'ONLINE',
  /** Applied for by email with a list of required materials; never online. */
  EMAIL = 'EMAIL',
  /** Not applied for: granted by default with the tag. */
  NONE = 'NONE',
}

/** How a package relates to a tag. */
export enum TagPackageRole {
  DEFAULT = 'DEFAULT',
  APPLICABLE = 'APPLICABLE',
}
