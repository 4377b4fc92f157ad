// `npm run lint:schema` (part of `npm test`): graphql-eslint's schema-recommended and schema-relay configs on
// the emitted schema.graphql, the schema the server serves (`npm run schema:emit` writes it; the foundation
// e2e fails when it is stale). Every rule below that is switched off or given options says why.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

/**
 * Output types without an `id`, each group with the reason it has none. Everything else a client caches
 * carries `id: ID!` (the client kit's type policies key on it).
 */
const withoutId = {
  // Refusals: data about one refused call, never read again; clients branch on `code` and `reason`.
  refusals: ['InvalidInput', 'InvalidState', 'AlreadyBilled', 'NotEligible', 'InsufficientBalance', 'OfflineChannel', 'Violation', 'EligibilityRule', 'FailedCheck', 'RefusalFigure'],
  // Value objects: parts of their parent, normalised with it (Apollo stores them inside the parent's entry).
  parts: [
    'PageInfo', 'BillLine', 'BillingItem', 'Charge', 'ChoiceSelection', 'EnumValue', 'PriceSet', 'QuantitySelection',
    'QuantityTier', 'OrderLine', 'QuoteLine', 'MarketUpgradeRule', 'ApiCallUsage', 'UsageDay', 'UsageToday', 'QuotaToday',
    'AppSecretInfo', 'AppSuspension', 'WebhookAttempt', 'ReviewTiming', 'NotificationPreference', 'NotificationSettings',
    // a charge's pricing (the ChargePricing union's members) and their tiers and package prices
    'PerHundredPricing', 'PerTenThousandPerDayPricing', 'GraduatedPricing', 'GraduatedTier', 'HighestPackagePerDayPricing', 'PackagePrice',
  ],
  // Keyed by a natural key, not an id: a calendar date is its own identity (client kit: keyFields `date`).
  naturalKeys: ['CalendarDay', 'WorkingDay'],
  // Answers computed for one call (quotes, checks, reports, snapshots, receipts): nothing to normalise or refetch.
  answers: [
    'AccountClosure', 'AppMonthToDate', 'AppQuotaSnapshot', 'QuotaSnapshot', 'ArrearsCollection', 'BillingRunRecord',
    'BillingRunReport', 'CalendarCoverage', 'CalendarYearImport', 'CallPermission', 'EmergencyTrafficAnswer',
    'GatewayAppSecret', 'GatewayAppSecrets', 'IssuedAppSecret', 'MarketSalesRow', 'NotificationsMarked', 'Quote',
    'UpgradeQuote', 'TrafficPackageEligibility', 'UsageBatchReceipt', 'UsageRecordReceipt', 'ReleasedReviewItem',
    'ReviewLead', 'WebhookEndpointSecret', 'WorkingDays', 'RerateReport', 'BillPreview', 'CostEstimate', 'EstimatedPeriod',
  ],
};

export default [
  {
    files: ['schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: './schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      // Stricter than the recommended config (types and root fields only): every field, argument, input
      // field and enum value of the contract is described too.
      '@graphql-eslint/require-description': [
        'error',
        { types: true, rootField: true, DirectiveDefinition: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true },
      ],
      // Ids are `id: ID!` only (the recommended default also accepts `_id`). Connection and Edge types are
      // pagination plumbing: the identity is the node's. The other exceptions are listed above with their reasons.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: { suffixes: ['Connection', 'Edge'], types: Object.values(withoutId).flat() },
        },
      ],
      // Off (the rule takes no exceptions): its only hits are the platform's own terms, App.appkey and
      // App.appSecret (DOMAIN §2: "an app has an appkey"; gateways and developers know them by these names),
      // and Invoice.invoiceNo, the number printed on an issued invoice. A new field named after its type is
      // caught in review of schema.graphql.
      '@graphql-eslint/no-typename-prefix': 'off',
      // Connections page forward only (first/after, newest or earliest-due first, the cursor is the last
      // position seen), as the Relay spec allows; PageInfo still carries hasPreviousPage and startCursor.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/relay-edge-types': [
        'error',
        {
          withEdgeSuffix: true,
          // No global object identification (no `Node` interface, no `node(id:)`): ids are unique per type and
          // clients key their cache by __typename and id.
          shouldImplementNode: false,
          // Off: bounded lists stay plain lists (a bill's lines, a refusal's violations, a version's tiers, at
          // most 20 versions); every list that can grow is a connection, which review of schema.graphql checks.
          listTypeCanWrapOnlyEdgeType: false,
        },
      ],
    },
  },
];
