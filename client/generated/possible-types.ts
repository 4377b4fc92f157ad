
      export interface PossibleTypesResultData {
        possibleTypes: {
          [key: string]: string[]
        }
      }
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AdjustBalanceResult": [
      "BillingAccount",
      "InvalidInput",
      "InvalidState"
    ],
    "ApplyForMemberCapabilityResult": [
      "InvalidInput",
      "MemberCapabilityApplication",
      "NotEligible"
    ],
    "ApplyForTrafficPackageResult": [
      "InvalidInput",
      "NotEligible",
      "PackageApplication"
    ],
    "ApplyForValueAddedPackageResult": [
      "InvalidInput",
      "NotEligible",
      "OfflineChannel",
      "PackageApplication"
    ],
    "AssignReviewItemResult": [
      "InvalidInput",
      "InvalidState",
      "ReviewAssignment"
    ],
    "ChargePricing": [
      "GraduatedPricing",
      "HighestPackagePerDayPricing",
      "PerHundredPricing",
      "PerTenThousandPerDayPricing"
    ],
    "ClaimReviewItemResult": [
      "InvalidState",
      "ReviewAssignment"
    ],
    "CloseDeveloperAccountResult": [
      "AccountClosure",
      "InvalidInput",
      "InvalidState"
    ],
    "CollectArrearsResult": [
      "ArrearsCollection",
      "InvalidState"
    ],
    "CreateAppResult": [
      "App",
      "InvalidInput"
    ],
    "DecideApplicationResult": [
      "InvalidInput",
      "InvalidState",
      "NotEligible",
      "PackageApplication"
    ],
    "DecideMemberCapabilityApplicationResult": [
      "InvalidInput",
      "InvalidState",
      "MemberCapabilityApplication"
    ],
    "DecideReviewItemResult": [
      "InvalidInput",
      "InvalidState",
      "NotEligible",
      "ReviewItem"
    ],
    "DecideReviewResult": [
      "InvalidInput",
      "InvalidState",
      "ReviewRound"
    ],
    "GrantPartnerAccessResult": [
      "InvalidInput",
      "InvalidState",
      "PartnerGrant"
    ],
    "ImportCalendarYearResult": [
      "CalendarYearImport",
      "InvalidInput"
    ],
    "IssueInvoiceResult": [
      "InvalidInput",
      "InvalidState",
      "Invoice"
    ],
    "LiftMemberCapabilityBarResult": [
      "InvalidState",
      "MemberCapabilityStanding"
    ],
    "MarkNotificationsReadResult": [
      "InvalidInput",
      "NotificationsMarked"
    ],
    "MarketProductResult": [
      "InvalidInput",
      "InvalidState",
      "MarketProduct"
    ],
    "MarketVersionResult": [
      "InvalidInput",
      "InvalidState",
      "MarketVersion"
    ],
    "PingWebhookEndpointResult": [
      "InvalidState",
      "WebhookDelivery"
    ],
    "PlaceOrderResult": [
      "InsufficientBalance",
      "InvalidInput",
      "InvalidState",
      "MarketOrder"
    ],
    "PostReviewFeedbackResult": [
      "InvalidInput",
      "InvalidState",
      "ReviewRound"
    ],
    "QuoteOrderResult": [
      "InvalidInput",
      "Quote"
    ],
    "QuoteUpgradeResult": [
      "InvalidInput",
      "InvalidState",
      "UpgradeQuote"
    ],
    "RechargeResult": [
      "BillingAccount",
      "InvalidInput"
    ],
    "RecordUsageResult": [
      "InvalidInput",
      "UsageBatchReceipt"
    ],
    "Refusal": [
      "AlreadyBilled",
      "InsufficientBalance",
      "InvalidInput",
      "InvalidState",
      "NotEligible",
      "OfflineChannel"
    ],
    "RegisterDeveloperResult": [
      "Developer",
      "InvalidInput"
    ],
    "RegisterWebhookEndpointResult": [
      "InvalidInput",
      "WebhookEndpointSecret"
    ],
    "RejectInvoiceResult": [
      "InvalidInput",
      "InvalidState",
      "Invoice"
    ],
    "ReleaseReviewItemResult": [
      "InvalidState",
      "ReleasedReviewItem"
    ],
    "RemoveWebhookEndpointResult": [
      "InvalidState",
      "WebhookEndpoint"
    ],
    "ReplayWebhookDeliveryResult": [
      "InvalidState",
      "WebhookDelivery"
    ],
    "ReportQuotaExhaustedResult": [
      "EmergencyTrafficAnswer",
      "InvalidInput"
    ],
    "RequestInvoiceResult": [
      "InvalidInput",
      "InvalidState",
      "Invoice"
    ],
    "ResetNotificationErrorsResult": [
      "InvalidState",
      "ProductionNotification"
    ],
    "RestoreAppResult": [
      "App",
      "InvalidState"
    ],
    "RevokePartnerAccessResult": [
      "InvalidState",
      "PartnerGrant"
    ],
    "RotateAppSecretResult": [
      "InvalidInput",
      "InvalidState",
      "IssuedAppSecret"
    ],
    "RotateWebhookSecretResult": [
      "InvalidState",
      "WebhookEndpointSecret"
    ],
    "RunBillingResult": [
      "BillingRunReport",
      "InvalidInput"
    ],
    "SetAppBillingPlatformResult": [
      "App",
      "InvalidState"
    ],
    "SetAppQuotaResult": [
      "InvalidInput",
      "OperatorQuota"
    ],
    "SetBillingTermsResult": [
      "BillingAccount",
      "InvalidInput"
    ],
    "SetCalendarDayResult": [
      "CalendarDay",
      "InvalidInput"
    ],
    "SetIsvOnboardedResult": [
      "Developer",
      "InvalidState"
    ],
    "SetNotificationContactsResult": [
      "InvalidInput",
      "NotificationSettings"
    ],
    "SetNotificationPreferenceResult": [
      "InvalidInput",
      "NotificationPreference"
    ],
    "SetPaymentModeResult": [
      "BillingAccount",
      "InvalidInput"
    ],
    "SetQualityDiscountResult": [
      "InvalidInput",
      "QualityDiscount"
    ],
    "SetReviewLeadResult": [
      "InvalidInput",
      "ReviewLead"
    ],
    "SetValueAddedOutOfCloudPermittedResult": [
      "App",
      "InvalidState"
    ],
    "SubmitAppForReviewResult": [
      "InvalidInput",
      "InvalidState",
      "ReviewRound"
    ],
    "SubmitMarketProductResult": [
      "InvalidInput",
      "InvalidState",
      "ReviewRound"
    ],
    "SuspendAppResult": [
      "App",
      "InvalidInput",
      "InvalidState"
    ],
    "UpdateAppResult": [
      "App",
      "InvalidInput",
      "InvalidState"
    ],
    "UpsertCapabilityCategoryResult": [
      "CapabilityCategory",
      "InvalidInput"
    ],
    "UpsertCouponPolicyResult": [
      "AlreadyBilled",
      "CouponPolicy",
      "InvalidInput"
    ],
    "UpsertPackageResult": [
      "InvalidInput",
      "Package"
    ],
    "UpsertPriceListResult": [
      "AlreadyBilled",
      "InvalidInput",
      "PriceList"
    ],
    "UpsertTagResult": [
      "InvalidInput",
      "Tag"
    ]
  }
};
      export default result;
    