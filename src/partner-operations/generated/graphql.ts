/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** DEVELOPING → IN_REVIEW → ONLINE or REJECTED; ONLINE ↔ SUSPENDED */
export type AppStatus =
  /** Being built: development-test quota of 5,000 calls/day; may be edited and submitted for review */
  | 'DEVELOPING'
  /** Submitted: a review round is open (due in 3 working days); keeps the 5,000/day development-test quota; not editable */
  | 'IN_REVIEW'
  /** Approved: the tag's default online quota or the last traffic package granted */
  | 'ONLINE'
  /** The last round was rejected: may be modified and resubmitted (a new round); 5,000/day development-test quota */
  | 'REJECTED'
  /** Suspended by an operator (arrears, violation): quota 0 until restored */
  | 'SUSPENDED';

/** Where a package or member-capability application stands: PENDING until decided once */
export type ApplicationStatus =
  /** Granted: final; the package or capability is the app's (or developer's) from now on */
  | 'APPROVED'
  /** Waiting for a reviewer (due 3 working days after it was filed) */
  | 'PENDING'
  /** Refused: final; a new application may be filed */
  | 'REJECTED';

/** Whether a bill has been paid from the balance */
export type BillStatus =
  /** Paid from the balance: its ledger entries are written; never refunded */
  | 'PAID'
  /** Not covered by the balance (or auto-debit) yet: the developer is in arrears until a recharge settles it (oldest bills first) */
  | 'UNPAID';

/** TAOBAO: daily bills per appkey; DOUYIN: monthly, settled on the 5th */
export type BillingPlatform =
  /** Douyin store open platform (DOMAIN §6): one bill per appkey per calendar month, settled on the 5th of the next month; prepaid only */
  | 'DOUYIN'
  /** Taobao Open Platform (DOMAIN §5): one bill per appkey per Beijing day, charged daily */
  | 'TAOBAO';

/** The kind of developer account (DOMAIN §1) */
export type DeveloperKind =
  /** Service provider (服务商): builds apps for merchants */
  | 'ISV'
  /** Self-developing merchant (自研商家): builds apps for its own store */
  | 'SELF_DEVELOPING_MERCHANT';

/** Whether a package is a traffic quota or a value-added capability */
export type PackageKind =
  /** A daily API-call quota: a rung of a tag's ladder */
  | 'TRAFFIC'
  /** A value-added API capability (basic openness, Taobaoke, Wangwang chat history, …) */
  | 'VALUE_ADDED';

/** Where today's quota of an app comes from (DOMAIN §2.2) */
export type QuotaSource =
  /** ONLINE on a CONTRACT tag with an operator-set quota in force (its contract is named) */
  | 'CONTRACT'
  /** DEVELOPING, IN_REVIEW or REJECTED: the tag's development-test quota (5,000/day) */
  | 'DEVELOPMENT_TEST'
  /** SUSPENDED: quota 0, no calls */
  | 'SUSPENDED'
  /** ONLINE with no traffic package: the tag's default online quota */
  | 'TAG_DEFAULT'
  /** ONLINE with a granted traffic package: the last package granted */
  | 'TRAFFIC_PACKAGE'
  /** ONLINE on a UV_BASED tag with no operator-set quota: the gateway applies UV rules (no fixed limit) */
  | 'UV_BASED'
  /** ONLINE on a UV_BASED tag with an operator-set quota in force (e.g. XTAO_SITE's monthly adjustment by transaction volume) */
  | 'UV_OPERATOR_SET';

/** DOMAIN §3: the seven unsupported app kinds, PROHIBITED_CONTENT, INCOMPLETE_MATERIAL, OTHER */
export type RejectionReason =
  /** Unsupported app kind: displays users' private data */
  | 'DISPLAYS_USER_PRIVATE_DATA'
  /** Unsupported app kind: harasses users or changes their browsing path */
  | 'HARASSES_USERS_OR_CHANGES_BROWSING_PATH'
  /** Unsupported app kind: image storage, or replacing item-page image links */
  | 'IMAGE_STORAGE_OR_REPLACES_ITEM_IMAGES'
  /** The submission's material is missing or unclear */
  | 'INCOMPLETE_MATERIAL'
  /** Unsupported app kind: messaging or instant communication */
  | 'MESSAGING_OR_INSTANT_COMMUNICATION'
  /** Any other reason, explained in the rejection's text */
  | 'OTHER'
  /** Unsupported app kind: has its own registration or login */
  | 'OWN_REGISTRATION_OR_LOGIN'
  /** Unsupported app kind: phone-bill or point-card recharge */
  | 'PHONE_BILL_OR_POINT_CARD_RECHARGE'
  /** Violates the law or infringes rights (002 article 3) */
  | 'PROHIBITED_CONTENT'
  /** Unsupported app kind: traffic exchange between stores */
  | 'TRAFFIC_EXCHANGE_BETWEEN_STORES';

/** PENDING until decided once: APPROVED or REJECTED */
export type ReviewRoundStatus =
  /** Approved: final */
  | 'APPROVED'
  /** Waiting for a reviewer's decision; due at 24:00 of the 3rd working day after submission */
  | 'PENDING'
  /** Rejected with reasons: final; feedback may still be posted; a resubmission opens a new round */
  | 'REJECTED';

export type PartnerDevelopersQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerDevelopersQuery = { partnerDevelopers: { edges: Array<{ node: { id: string, name: string, kind: DeveloperKind, grantedAt: string } }> } };

export type PartnerDeveloperAppsQueryVariables = Exact<{
  developerId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnerDeveloperAppsQuery = { partnerDeveloper: { id: string, name: string, apps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, appkey: string, name: string, status: AppStatus, inCloud: boolean, tag: { code: string, name: string }, quotaToday: { date: string, limit: number | null, source: QuotaSource }, reviewRounds: { totalCount: number, edges: Array<{ node: { roundNo: number, status: ReviewRoundStatus, submittedAt: string, dueAt: string, overdue: boolean, decidedAt: string | null, reasons: Array<RejectionReason>, explanation: string | null } }> } } }> } } };

export type PartnerDeveloperPackageApplicationsQueryVariables = Exact<{
  developerId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnerDeveloperPackageApplicationsQuery = { partnerDeveloper: { id: string, packageApplications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, appId: string, kind: PackageKind, packageCode: string, requestedQuota: number | null, status: ApplicationStatus, submittedAt: string, dueAt: string, decidedAt: string | null, rejectionReason: string | null } }> } } };

export type PartnerDeveloperBillsQueryVariables = Exact<{
  developerId: string | number;
  period: string;
  platform?: BillingPlatform | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnerDeveloperBillsQuery = { partnerDeveloper: { id: string, bills: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, appkey: string, platform: BillingPlatform, period: string, status: BillStatus, total: string, couponTotal: string, lines: Array<{ code: string, label: string, quantity: string, unitPrice: string, amount: string, explanation: string }> } }> } } };


export const PartnerDevelopersDocument = {"__meta__":{"hash":"sha256:80d4cd16ae80354485065e668000947d3d57424130da596d32fbd951f68ca6d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerDevelopers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerDevelopers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerDevelopersQuery, PartnerDevelopersQueryVariables>;
export const PartnerDeveloperAppsDocument = {"__meta__":{"hash":"sha256:c32110db50d451537f10f1e68ea18e7eb33f11097c1107749a0506c93a757612"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerDeveloperApps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"developerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerDeveloper"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"developerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"apps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appkey"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"inCloud"}},{"kind":"Field","name":{"kind":"Name","value":"tag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quotaToday"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewRounds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roundNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerDeveloperAppsQuery, PartnerDeveloperAppsQueryVariables>;
export const PartnerDeveloperPackageApplicationsDocument = {"__meta__":{"hash":"sha256:97c7687cc503842fc956e7288a1607a714986e09b3af4ac7a30f9d1a7358bbe4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerDeveloperPackageApplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"developerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerDeveloper"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"developerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"packageApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"packageCode"}},{"kind":"Field","name":{"kind":"Name","value":"requestedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerDeveloperPackageApplicationsQuery, PartnerDeveloperPackageApplicationsQueryVariables>;
export const PartnerDeveloperBillsDocument = {"__meta__":{"hash":"sha256:67d4cc74afd06fcd533e9e67f6ec694989d104e800cbf075805c452c0e0548a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerDeveloperBills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"developerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BillingPlatform"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerDeveloper"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"developerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appkey"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"couponTotal"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerDeveloperBillsQuery, PartnerDeveloperBillsQueryVariables>;