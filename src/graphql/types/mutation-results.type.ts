import { createUnionType } from 'type-graphql';
import { AppType } from './app.type';
import { ArrearsCollectionType } from './billing.type';
import { DeveloperType } from './developer.type';
import { MemberCapabilityStandingType } from './member-capability.type';
import { WebhookDeliveryType, WebhookEndpointSecretType, WebhookEndpointType } from './notification.type';
import { InvalidInputType, InvalidStateType } from './refusal.type';
import { EmergencyTrafficAnswerType } from './usage.type';

/*
 * The result unions of the mutations that used to answer their object bare (issue 13): every
 * mutation answers a union of its success type and the refusals it can give, so a refusal added
 * later is a new union member clients already branch on (`__typename`), not a breaking change.
 * Not found and forbidden stay errors, as for every mutation.
 */
export const CollectArrearsResult = createUnionType({
  name: 'CollectArrearsResult',
  description: 'The arrears collection run, or InvalidState when it cannot run now',
  types: () => [ArrearsCollectionType, InvalidStateType] as const,
});
export const LiftMemberCapabilityBarResult = createUnionType({
  name: 'LiftMemberCapabilityBarResult',
  description: "The developer's standing after the bar is lifted, or InvalidState",
  types: () => [MemberCapabilityStandingType, InvalidStateType] as const,
});
export const PingWebhookEndpointResult = createUnionType({
  name: 'PingWebhookEndpointResult',
  description: 'The ping delivery, or InvalidState when the endpoint cannot be pinged',
  types: () => [WebhookDeliveryType, InvalidStateType] as const,
});
export const ReplayWebhookDeliveryResult = createUnionType({
  name: 'ReplayWebhookDeliveryResult',
  description: 'The new delivery, or InvalidState when the delivery cannot be replayed',
  types: () => [WebhookDeliveryType, InvalidStateType] as const,
});
export const RemoveWebhookEndpointResult = createUnionType({
  name: 'RemoveWebhookEndpointResult',
  description: 'The removed endpoint, or InvalidState',
  types: () => [WebhookEndpointType, InvalidStateType] as const,
});
export const RotateWebhookSecretResult = createUnionType({
  name: 'RotateWebhookSecretResult',
  description: 'The endpoint with its new secret (shown once), or InvalidState',
  types: () => [WebhookEndpointSecretType, InvalidStateType] as const,
});
export const ReportQuotaExhaustedResult = createUnionType({
  name: 'ReportQuotaExhaustedResult',
  description: 'What the report did, or InvalidInput naming a malformed appkey',
  types: () => [EmergencyTrafficAnswerType, InvalidInputType] as const,
});
export const SetAppBillingPlatformResult = createUnionType({
  name: 'SetAppBillingPlatformResult',
  description: 'The app with its billing platform, or InvalidState',
  types: () => [AppType, InvalidStateType] as const,
});
export const SetValueAddedOutOfCloudPermittedResult = createUnionType({
  name: 'SetValueAddedOutOfCloudPermittedResult',
  description: 'The app with its permission, or InvalidState',
  types: () => [AppType, InvalidStateType] as const,
});
export const SetIsvOnboardedResult = createUnionType({
  name: 'SetIsvOnboardedResult',
  description: "The developer with its onboarded standing, or InvalidState",
  types: () => [DeveloperType, InvalidStateType] as const,
});
