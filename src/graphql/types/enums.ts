import { registerEnumType } from 'type-graphql';
import { AppFunction, AppStatus, DeveloperKind } from '../../domain/app/app.enums';
import { ApplicationChannel, PackageKind, TrafficMode } from '../../domain/catalog/catalog.enums';
import { EmergencyRefusal, QuotaSource, QuotaState } from '../../domain/quota/quota-today.rule';
import { CallDenial } from '../../domain/usage/call-permission.rule';
import { ApiCategory, CallSource, DataSyncPackage } from '../../domain/usage/usage.enums';
import { RecordOutcome } from '../../services/usage/usage.service';
import { ApplicationStatus, PendingApplicationKind } from '../../domain/application/application.enums';
import { BuildKind, MemberCapabilityRejection, MerchantTier, ProductKind } from '../../domain/member-capability/member-capability.rule';
import { CalendarDayKind } from '../../domain/calendar/working-days.rule';
import { RejectionReason, ReviewDecision, ReviewMessageAuthor, ReviewRoundStatus, ReviewSubjectType } from '../../domain/review/review.enums';
import {
  BillingCycle,
  BillingItemKind,
  NotificationAction,
  NotificationStatus,
  OrderType,
  ProductStatus,
  PurchaseKind,
  SaleMode,
  SubscriptionStatus,
} from '../../domain/market/market.enums';
import { BillingPlatform, BillLineKindEnum, BillStatus, LedgerKind, PaymentMode } from '../../billing/billing.enums';
import { InvoiceStatus } from '../../billing/invoice.rule';

registerEnumType(AppStatus, {
  name: 'AppStatus',
  description: 'DEVELOPING → IN_REVIEW → ONLINE or REJECTED; ONLINE ↔ SUSPENDED',
  valuesConfig: {
    DEVELOPING: { description: 'Being built: development-test quota of 5,000 calls/day; may be edited and submitted for review' },
    IN_REVIEW: { description: 'Submitted: a review round is open (due in 3 working days); keeps the 5,000/day development-test quota; not editable' },
    ONLINE: { description: "Approved: the tag's default online quota or the last traffic package granted" },
    REJECTED: { description: 'The last round was rejected: may be modified and resubmitted (a new round); 5,000/day development-test quota' },
    SUSPENDED: { description: 'Suspended by an operator (arrears, violation): quota 0 until restored' },
  },
});
registerEnumType(AppFunction, {
  name: 'AppFunction',
  description: 'Functions an app declares (PERFORMANCE_APPRAISAL gates Wangwang chat history)',
  valuesConfig: {
    PERFORMANCE_APPRAISAL: { description: 'Performance appraisal of customer-service staff: the only function that may apply for Wangwang chat history' },
    ORDER_MANAGEMENT: { description: 'Order processing (printing, shipping, after-sales)' },
    PRODUCT_MANAGEMENT: { description: 'Listing and editing items' },
    CUSTOMER_SERVICE: { description: "Customer-service tooling for a store's staff" },
    MARKETING: { description: 'Promotions and campaigns' },
    LOGISTICS: { description: 'Shipping and logistics tracking' },
    DATA_ANALYSIS: { description: "Reports and analytics on a store's data" },
  },
});
registerEnumType(DeveloperKind, {
  name: 'DeveloperKind',
  description: 'The kind of developer account (DOMAIN §1)',
  valuesConfig: {
    ISV: { description: 'Service provider (服务商): builds apps for merchants' },
    SELF_DEVELOPING_MERCHANT: { description: 'Self-developing merchant (自研商家): builds apps for its own store' },
  },
});
registerEnumType(TrafficMode, {
  name: 'TrafficMode',
  description: "How a tag's apps get more traffic (DOMAIN §2.1)",
  valuesConfig: {
    LADDER: { description: "Apply online for the next rung of the tag's ladder (DOMAIN §2.3)" },
    CONTRACT: { description: 'Quota by offline contract negotiation; no online application; operators set it' },
    UV_BASED: { description: 'Quota follows UV-based rules set by operators; no online application' },
  },
});
registerEnumType(PackageKind, {
  name: 'PackageKind',
  description: 'Whether a package is a traffic quota or a value-added capability',
  valuesConfig: {
    TRAFFIC: { description: "A daily API-call quota: a rung of a tag's ladder" },
    VALUE_ADDED: { description: 'A value-added API capability (basic openness, Taobaoke, Wangwang chat history, …)' },
  },
});
registerEnumType(ApplicationChannel, {
  name: 'ApplicationChannel',
  description: 'How a package is applied for',
  valuesConfig: {
    ONLINE: { description: 'Applied for in the portal (applyForValueAddedPackage / applyForTrafficPackage)' },
    EMAIL: { description: "Applied for by email with the package's list of required materials; never online (Logistics Treasure, Juhuasuan)" },
    NONE: { description: 'Not applied for: granted by default with the tag (basic openness, Taobaoke)' },
  },
});
registerEnumType(QuotaSource, {
  name: 'QuotaSource',
  description: "Where today's quota of an app comes from (DOMAIN §2.2)",
  valuesConfig: {
    DEVELOPMENT_TEST: { description: "DEVELOPING, IN_REVIEW or REJECTED: the tag's development-test quota (5,000/day)" },
    TAG_DEFAULT: { description: "ONLINE with no traffic package: the tag's default online quota" },
    TRAFFIC_PACKAGE: { description: 'ONLINE with a granted traffic package: the last package granted' },
    UV_BASED: { description: 'ONLINE on a UV_BASED tag with no operator-set quota: the gateway applies UV rules (no fixed limit)' },
    CONTRACT: { description: 'ONLINE on a CONTRACT tag with an operator-set quota in force (its contract is named)' },
    UV_OPERATOR_SET: { description: "ONLINE on a UV_BASED tag with an operator-set quota in force (e.g. XTAO_SITE's monthly adjustment by transaction volume)" },
    SUSPENDED: { description: 'SUSPENDED: quota 0, no calls' },
  },
});
registerEnumType(QuotaState, {
  name: 'QuotaState',
  description: 'Whether emergency traffic is in force for the app today',
  valuesConfig: {
    NORMAL: { description: "Within today's quota; no emergency traffic granted" },
    LIMIT_REACHED_EMERGENCY_GRANTED: { description: 'Limit reached, emergency traffic granted (50% of the quota): shown until 24:00 Beijing time' },
  },
});
registerEnumType(EmergencyRefusal, {
  name: 'EmergencyRefusal',
  description: 'Why an app gets no emergency traffic now (DOMAIN §2.2)',
  valuesConfig: {
    NOT_ONLINE: { description: 'The app is not ONLINE: only ONLINE apps get emergency traffic' },
    TAG_EXCLUDED: { description: "The app's tag is excluded from emergency traffic (WIRELESS_BUYER, XTAO_SITE and general apps)" },
    NO_FIXED_QUOTA: { description: 'The app has no fixed daily quota above 0 (UV-based rules govern it), so there is nothing to take 50% of' },
    ALREADY_GRANTED_TODAY: { description: 'Emergency traffic was granted to this app today already: at most once per app per Beijing day' },
    LIMIT_NOT_REACHED: { description: "Today's calls have not reached the quota yet" },
  },
});
registerEnumType(ApiCategory, {
  name: 'ApiCategory',
  description: "An API's price category (DOMAIN §5); prices are yuan per 100 calls",
  valuesConfig: {
    FREE: { description: 'Free API: never charged' },
    BASIC: { description: 'Basic API (开放平台基础API): 0.02 yuan per 100 calls in cloud, 0.2 out of cloud; covered by the daily coupon' },
    VALUE_ADDED: { description: 'Value-added API (增值API): 0.06 yuan per 100 calls in cloud, 0.6 out of cloud; out-of-cloud calls forbidden unless the app is permitted; covered by the daily coupon' },
    LOGISTICS_TRACKING: { description: 'Cainiao logistics tracking (物流流转信息查询): 0.02 yuan per 100 calls in cloud, 0.2 out of cloud' },
    LOGISTICS_EXCEPTION: { description: 'Cainiao logistics exception (物流异常): 0.1 yuan per 100 calls in cloud, 0.5 out of cloud' },
  },
});
registerEnumType(CallSource, {
  name: 'CallSource',
  description: 'Where an API call came from, relative to the platform cloud',
  valuesConfig: {
    IN_CLOUD: { description: 'Called from inside the platform cloud (JuShiTa for Taobao, Doudian cloud for Douyin): the lower in-cloud price' },
    OUT_OF_CLOUD: { description: "Called from outside the platform cloud: the out-of-cloud price; value-added APIs need the operator's permission" },
  },
});
registerEnumType(DataSyncPackage, {
  name: 'DataSyncPackage',
  description: 'Lowest first; billing charges the highest held on a day',
  valuesConfig: {
    BASIC: { description: 'Basic data sync package: 0 yuan per day' },
    ADVANCED: { description: 'Advanced data sync package: 79 yuan per day' },
    PLATINUM: { description: 'Platinum data sync package: 149 yuan per day' },
    FLAGSHIP: { description: 'Flagship data sync package: 299 yuan per day' },
  },
});
registerEnumType(CallDenial, {
  name: 'CallDenial',
  description: 'Why the gateway must refuse a call now',
  valuesConfig: {
    UNKNOWN_APPKEY: { description: 'No app has this appkey' },
    ACCOUNT_CLOSED: { description: 'The owner closed the developer account: its apps call nothing, free APIs included' },
    APP_SUSPENDED: { description: 'The app is SUSPENDED: its quota is 0' },
    VALUE_ADDED_OUT_OF_CLOUD_FORBIDDEN: { description: 'A value-added API called from outside the platform cloud by an app an operator has not permitted to' },
    DEVELOPER_IN_ARREARS: { description: 'The owner has unpaid bills: charged APIs are restricted until a recharge pays them; free APIs still go through' },
    QUOTA_EXHAUSTED: { description: "Today's calls reached today's quota (emergency traffic included); it resets at 24:00 Beijing time" },
  },
});
registerEnumType(RecordOutcome, {
  name: 'RecordOutcome',
  description: 'What recording one usage record did',
  valuesConfig: {
    APPLIED: { description: "The record was new: its counts were added to its app's day" },
    DUPLICATE: { description: 'The idempotency key was stored already: nothing changed' },
  },
});
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where a package or member-capability application stands: PENDING until decided once',
  valuesConfig: {
    PENDING: { description: 'Waiting for a reviewer (due 3 working days after it was filed)' },
    APPROVED: { description: "Granted: final; the package or capability is the app's (or developer's) from now on" },
    REJECTED: { description: 'Refused: final; a new application may be filed' },
  },
});
registerEnumType(PendingApplicationKind, {
  name: 'PendingApplicationKind',
  description: 'A traffic or value-added package application (of an app), or a member-capability application (of a developer)',
  valuesConfig: {
    TRAFFIC: { description: 'A traffic package application of an app' },
    VALUE_ADDED: { description: 'A value-added package application of an app' },
    MEMBER_CAPABILITY: { description: 'A member-capability application of a developer' },
  },
});
registerEnumType(ProductKind, {
  name: 'ProductKind',
  description: 'The kind of a member-capability product (DOMAIN §4)',
  valuesConfig: {
    MINI_PROGRAM: { description: "A mini program run inside the platform's app" },
    WIDGET: { description: 'A widget embedded in a store page' },
  },
});
registerEnumType(BuildKind, {
  name: 'BuildKind',
  description: 'How a member-capability product is built (DOMAIN §4): sets the merchant threshold',
  valuesConfig: {
    TEMPLATE: { description: 'A template product sold to a merchant segment: needs a QUALITY or POTENTIAL merchant' },
    CUSTOM: { description: 'Built for one named merchant: needs a QUALITY merchant' },
  },
});
registerEnumType(MerchantTier, {
  name: 'MerchantTier',
  description: 'QUALITY (优质商家), POTENTIAL (潜力商家), ORDINARY (neither)',
  valuesConfig: {
    QUALITY: { description: 'Quality merchant (优质商家): may use CUSTOM and TEMPLATE products' },
    POTENTIAL: { description: 'Potential merchant (潜力商家): may use TEMPLATE products only' },
    ORDINARY: { description: 'Neither quality nor potential: no member-capability application' },
  },
});
registerEnumType(MemberCapabilityRejection, {
  name: 'MemberCapabilityRejection',
  description: 'The first three are non-compliant: three rejections carrying them bar new applications',
  valuesConfig: {
    WEAK_MEMBER_MINDSET: { description: 'Non-compliant: the product does not serve member operations' },
    FORCED_JOIN_IN_GAME: { description: 'Non-compliant (negative case a): buyers are forced to join membership inside a game' },
    BENEFIT_ONLY_RECRUITMENT: { description: 'Non-compliant (negative case b): members are recruited only by handing out benefits' },
    INCOMPLETE_MATERIAL: { description: 'Required material is missing or unclear (not a strike)' },
    OTHER: { description: 'Any other reason, explained in the text (not a strike)' },
  },
});
registerEnumType(SaleMode, {
  name: 'SaleMode',
  description: 'BY_CYCLE (month/year, renewals, trials) or ONE_TIME',
  valuesConfig: {
    BY_CYCLE: { description: 'By subscription cycle: month / year prices, new-purchase and renewal prices, trials of 1–180 days' },
    ONE_TIME: { description: 'One-time purchase: a single new-purchase price, no cycle, no renewal, no trial' },
  },
});
registerEnumType(BillingCycle, {
  name: 'BillingCycle',
  description: 'The period a cloud-market price or order covers',
  valuesConfig: {
    MONTH: { description: 'A one-month subscription period' },
    YEAR: { description: 'A one-year subscription period' },
    ONE_TIME: { description: 'A one-time purchase: no period, no renewal' },
  },
});
registerEnumType(PurchaseKind, {
  name: 'PurchaseKind',
  description: 'Which price column applies to a cycle purchase',
  valuesConfig: {
    NEW: { description: 'The new-purchase price column' },
    RENEWAL: { description: 'The renewal price column (cycle products only)' },
  },
});
registerEnumType(BillingItemKind, {
  name: 'BillingItemKind',
  description: 'The kind of an extra billing item (额外计费项) of a market version',
  valuesConfig: {
    QUANTITY: { description: 'A counted quantity (users, accounts) with a minimum and volume tiers priced per unit per month or year' },
    ENUM: { description: 'A choice among priced values (model, region), each with a month and a year price' },
  },
});
registerEnumType(ProductStatus, {
  name: 'MarketProductStatus',
  description: 'DRAFT → IN_REVIEW → LISTED or REJECTED',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the provider: editable, not visible to buyers' },
    IN_REVIEW: { description: 'Submitted: waits for a reviewer; tier starts and enum values are frozen from now on' },
    LISTED: { description: 'Approved and on sale; versions may be hidden but never deleted' },
    REJECTED: { description: 'Refused by a reviewer: may be edited and submitted again' },
  },
});
registerEnumType(OrderType, {
  name: 'MarketOrderType',
  description: 'What a cloud-market order does to a subscription',
  valuesConfig: {
    NEW: { description: 'A first purchase of a version' },
    RENEW: { description: 'A renewal of a subscription for another cycle (renewal prices; not once released)' },
    UPGRADE: { description: 'An upgrade to another version or more units, priced by the difference (never negative)' },
  },
});
registerEnumType(SubscriptionStatus, {
  name: 'MarketSubscriptionStatus',
  description: 'Where a cloud-market subscription is in its life: active, closed past expiry, released 7 days later',
  valuesConfig: {
    ACTIVE: { description: 'In its paid period' },
    CLOSED: { description: 'Past its expiry: the business is closed; renewal still possible for 7 days' },
    RELEASED: { description: '7 days past expiry: the provider was told to release it; renewal refused' },
  },
});
registerEnumType(NotificationAction, {
  name: 'ProductionAction',
  description: "What a production notification tells the provider's endpoint about a subscription",
  valuesConfig: {
    NEW: { description: 'A new purchase was placed' },
    RENEW: { description: 'A subscription was renewed' },
    UPGRADE: { description: 'A subscription was upgraded' },
    RELEASE: { description: "7 days past expiry: release the buyer's resources; renewal is no longer possible" },
  },
});
registerEnumType(NotificationStatus, {
  name: 'ProductionNotificationStatus',
  description: "Where a delivery to a provider's production endpoint stands (up to 120 attempts)",
  valuesConfig: {
    PENDING: { description: 'Not yet delivered; retried with backoff, up to 120 attempts' },
    DELIVERED: { description: 'Delivered: the endpoint answered 2xx' },
    STOPPED: { description: "Failed 120 times; waits for the provider's resetNotificationErrors" },
  },
});
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'A calendar row: OFF (public holiday) or WORKDAY (make-up working day, 调休)',
  valuesConfig: {
    OFF: { description: 'A day off: a public holiday, not a working day' },
    WORKDAY: { description: 'A make-up working day (调休) on a date that would otherwise be off (a worked Saturday or Sunday)' },
  },
});

registerEnumType(ReviewSubjectType, {
  name: 'ReviewSubjectType',
  description: 'What a review round reviews',
  valuesConfig: {
    APP: { description: 'An app going online' },
    MARKET_PRODUCT: { description: 'A cloud-market product being listed' },
    PACKAGE_APPLICATION: { description: 'A traffic or value-added package application (decided with decideApplication, which measures its eligibility again)' },
    MEMBER_CAPABILITY_APPLICATION: { description: 'A member-capability application (decided with decideMemberCapabilityApplication, which counts strikes)' },
  },
});
registerEnumType(ReviewRoundStatus, {
  name: 'ReviewRoundStatus',
  description: 'PENDING until decided once: APPROVED or REJECTED',
  valuesConfig: {
    PENDING: { description: "Waiting for a reviewer's decision; due at 24:00 of the 3rd working day after submission" },
    APPROVED: { description: 'Approved: final' },
    REJECTED: { description: 'Rejected with reasons: final; feedback may still be posted; a resubmission opens a new round' },
  },
});
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'A decision on a review round, a package application or a member-capability application (one enum for every reviewer workflow)',
  valuesConfig: {
    APPROVE: { description: 'Approve: an app goes ONLINE, a market product is LISTED, a package is granted (its rules checked again), a member capability is granted' },
    REJECT: { description: 'Reject, with the reason codes and explanation the workflow asks for (a round: one or more RejectionReason codes; a member-capability application: its rejection codes)' },
  },
});
registerEnumType(ReviewMessageAuthor, {
  name: 'ReviewMessageAuthor',
  description: "Who wrote a message of a round's feedback thread",
  valuesConfig: {
    DEVELOPER: { description: "Posted by the subject's developer (feedback on a rejected round)" },
    REVIEWER: { description: 'Posted by a reviewer (an answer)' },
  },
});
registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description: 'DOMAIN §3: the seven unsupported app kinds, PROHIBITED_CONTENT, INCOMPLETE_MATERIAL, OTHER',
  valuesConfig: {
    DISPLAYS_USER_PRIVATE_DATA: { description: "Unsupported app kind: displays users' private data" },
    OWN_REGISTRATION_OR_LOGIN: { description: 'Unsupported app kind: has its own registration or login' },
    HARASSES_USERS_OR_CHANGES_BROWSING_PATH: { description: 'Unsupported app kind: harasses users or changes their browsing path' },
    IMAGE_STORAGE_OR_REPLACES_ITEM_IMAGES: { description: 'Unsupported app kind: image storage, or replacing item-page image links' },
    TRAFFIC_EXCHANGE_BETWEEN_STORES: { description: 'Unsupported app kind: traffic exchange between stores' },
    PHONE_BILL_OR_POINT_CARD_RECHARGE: { description: 'Unsupported app kind: phone-bill or point-card recharge' },
    MESSAGING_OR_INSTANT_COMMUNICATION: { description: 'Unsupported app kind: messaging or instant communication' },
    PROHIBITED_CONTENT: { description: 'Violates the law or infringes rights (002 article 3)' },
    INCOMPLETE_MATERIAL: { description: "The submission's material is missing or unclear" },
    OTHER: { description: "Any other reason, explained in the rejection's text" },
  },
});

registerEnumType(BillingPlatform, {
  name: 'BillingPlatform',
  description: 'TAOBAO: daily bills per appkey; DOUYIN: monthly, settled on the 5th',
  valuesConfig: {
    TAOBAO: { description: 'Taobao Open Platform (DOMAIN §5): one bill per appkey per Beijing day, charged daily' },
    DOUYIN: { description: 'Douyin store open platform (DOMAIN §6): one bill per appkey per calendar month, settled on the 5th of the next month; prepaid only' },
  },
});
registerEnumType(BillStatus, {
  name: 'BillStatus',
  description: 'Whether a bill has been paid from the balance',
  valuesConfig: {
    UNPAID: { description: 'Not covered by the balance (or auto-debit) yet: the developer is in arrears until a recharge settles it (oldest bills first)' },
    PAID: { description: 'Paid from the balance: its ledger entries are written; never refunded' },
  },
});
registerEnumType(BillLineKindEnum, {
  name: 'BillLineKind',
  description: 'What a bill line is: a charge, a coupon or a discount',
  valuesConfig: {
    CHARGE: { description: 'A priced item: usage × price, rounded half-up to 0.01 yuan; never negative' },
    COUPON: { description: 'The daily coupon (50 yuan, or 200 for a qualifying new ISV) against basic + value-added API fees: negative, never more than the lines it covers' },
    DISCOUNT: { description: 'Douyin quality-app discount: negative, the operator-set percentage of the sum of the rounded lines, rounded half-up' },
  },
});
registerEnumType(LedgerKind, {
  name: 'LedgerKind',
  description: 'What moved money on a billing account; every movement is one ledger entry',
  valuesConfig: {
    RECHARGE: { description: 'Money in: a prepaid recharge, or an auto-debit collected from Alipay' },
    CHARGE: { description: "Money out: a bill's charge lines (before coupons) when it is paid" },
    COUPON: { description: 'Money in: the coupon lines of a paid bill' },
    ADJUSTMENT: { description: "An operator's correction, either sign, with a reason" },
    DEPOSIT_DEDUCTION: { description: "Money in from the developer's deposit to settle Douyin arrears over a month old" },
    FORFEIT: { description: 'Money out: a positive balance given up when the account was closed (a balance is never withdrawn nor transferred)' },
    MARKET_ORDER: { description: 'Money out: a paid cloud-market order, one entry per order' },
  },
});
registerEnumType(PaymentMode, {
  name: 'PaymentMode',
  description: 'ALIPAY_AUTO_DEBIT goes through the payment provider (a SANDBOX in development and tests)',
  valuesConfig: {
    PREPAID: { description: 'Bills are paid from the prepaid balance the developer recharges' },
    ALIPAY_AUTO_DEBIT: { description: "Bills the balance cannot cover are collected through the developer's signed Alipay agreement (Taobao only; Douyin is prepaid only)" },
  },
});
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'REQUESTED by the developer, then ISSUED or REJECTED by an operator (final)',
  valuesConfig: {
    REQUESTED: { description: 'Asked for by the developer; waits for an operator' },
    ISSUED: { description: 'Issued by an operator: final' },
    REJECTED: { description: 'Refused by an operator, with a reason: final; its bills may be invoiced again' },
  },
});


export { BillingPlatform, BillLineKindEnum, BillStatus, InvoiceStatus, LedgerKind, PaymentMode };
export { RejectionReason, ReviewDecision, ReviewMessageAuthor, ReviewRoundStatus, ReviewSubjectType };
export { ApplicationStatus, PendingApplicationKind, BuildKind, CalendarDayKind, MemberCapabilityRejection, MerchantTier, ProductKind };
export { EmergencyRefusal, QuotaState, ApiCategory, AppFunction, AppStatus, ApplicationChannel, CallDenial, CallSource, DataSyncPackage, DeveloperKind, PackageKind, QuotaSource, RecordOutcome, TrafficMode };
