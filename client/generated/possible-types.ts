
      export type PossibleTypesResultData = {
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
    "CloseDeveloperAccountResult": [
      "AccountClosure",
      "InvalidInput",
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
    "IssueInvoiceResult": [
      "InvalidInput",
      "InvalidState",
      "Invoice"
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
    "PlaceOrderResult": [
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
    "RequestInvoiceResult": [
      "InvalidInput",
      "InvalidState",
      "Invoice"
    ],
    "ResetNotificationErrorsResult": [
      "InvalidState",
      "ProductionNotification"
    ],
    "RevokePartnerAccessResult": [
      "InvalidState",
      "PartnerGrant"
    ],
    "RunBillingResult": [
      "BillingRunReport",
      "InvalidInput"
    ],
    "SetBillingTermsResult": [
      "BillingAccount",
      "InvalidInput"
    ],
    "SetCalendarDayResult": [
      "CalendarDay",
      "InvalidInput"
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
      "CouponPolicy",
      "InvalidInput"
    ],
    "UpsertPackageResult": [
      "InvalidInput",
      "Package"
    ],
    "UpsertPriceListResult": [
      "InvalidInput",
      "PriceList"
    ],
    "UpsertTagResult": [
      "InvalidInput",
      "Tag"
    ]
  }
};
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
    "CloseDeveloperAccountResult": [
      "AccountClosure",
      "InvalidInput",
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
    "IssueInvoiceResult": [
      "InvalidInput",
      "InvalidState",
      "Invoice"
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
    "PlaceOrderResult": [
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
    "RequestInvoiceResult": [
      "InvalidInput",
      "InvalidState",
      "Invoice"
    ],
    "ResetNotificationErrorsResult": [
      "InvalidState",
      "ProductionNotification"
    ],
    "RevokePartnerAccessResult": [
      "InvalidState",
      "PartnerGrant"
    ],
    "RunBillingResult": [
      "BillingRunReport",
      "InvalidInput"
    ],
    "SetBillingTermsResult": [
      "BillingAccount",
      "InvalidInput"
    ],
    "SetCalendarDayResult": [
      "CalendarDay",
      "InvalidInput"
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
      "CouponPolicy",
      "InvalidInput"
    ],
    "UpsertPackageResult": [
      "InvalidInput",
      "Package"
    ],
    "UpsertPriceListResult": [
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
    