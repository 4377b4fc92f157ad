import { PackageApplicationType } from './application.type';
import { connectionType } from './connection.type';
import { MarketOrderType, MarketProductType, MarketSubscriptionType, ProductionNotificationType } from './market.type';
import { MemberCapabilityApplicationType } from './member-capability.type';
import { WebhookEndpointType } from './notification.type';
import { PartnerDeveloperType, PartnerGrantType } from './partner.type';

// The connections of the lists that can grow (issue 13), one Edge and Connection type per node.
export const MarketProductConnectionType = connectionType(MarketProductType, 'MarketProduct', 'market product');
export const MarketOrderConnectionType = connectionType(MarketOrderType, 'MarketOrder', 'market order');
export const MarketSubscriptionConnectionType = connectionType(MarketSubscriptionType, 'MarketSubscription', 'market subscription');
export const ProductionNotificationConnectionType = connectionType(ProductionNotificationType, 'ProductionNotification', 'production notification');
export const WebhookEndpointConnectionType = connectionType(WebhookEndpointType, 'WebhookEndpoint', 'webhook endpoint');
export const PackageApplicationConnectionType = connectionType(PackageApplicationType, 'PackageApplication', 'package application');
export const PartnerGrantConnectionType = connectionType(PartnerGrantType, 'PartnerGrant', 'partner grant');
export const PartnerDeveloperConnectionType = connectionType(PartnerDeveloperType, 'PartnerDeveloper', 'partner developer');
export const MemberCapabilityApplicationConnectionType = connectionType(MemberCapabilityApplicationType, 'MemberCapabilityApplication', 'member-capability application');
