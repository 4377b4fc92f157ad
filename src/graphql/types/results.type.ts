import { createUnionType } from 'type-graphql';
import { AppType } from './app.type';
import { CalendarDayType } from './calendar.type';
import { PackageType, TagType } from './catalog.type';
import { DeveloperType } from './developer.type';
import { InvalidInputType, InvalidStateType } from './refusal.type';
import { MarketOrderType, MarketProductType, MarketVersionType, ProductionNotificationType, QuoteType, UpgradeQuoteType } from './market.type';
import { ReviewRoundType } from './review.type';

/** Mutation results: the object on success, or a refusal the caller can act on. */
export const RegisterDeveloperResult = createUnionType({ name: 'RegisterDeveloperResult', types: () => [DeveloperType, InvalidInputType] as const });
export const CreateAppResult = createUnionType({ name: 'CreateAppResult', types: () => [AppType, InvalidInputType] as const });
export const UpdateAppResult = createUnionType({ name: 'UpdateAppResult', types: () => [AppType, InvalidInputType, InvalidStateType] as const });
export const UpsertTagResult = createUnionType({ name: 'UpsertTagResult', types: () => [TagType, InvalidInputType] as const });
export const UpsertPackageResult = createUnionType({ name: 'UpsertPackageResult', types: () => [PackageType, InvalidInputType] as const });
export const MarketProductResult = createUnionType({ name: 'MarketProductResult', types: () => [MarketProductType, InvalidInputType, InvalidStateType] as const });
export const MarketVersionResult = createUnionType({ name: 'MarketVersionResult', types: () => [MarketVersionType, InvalidInputType, InvalidStateType] as const });
export const QuoteOrderResult = createUnionType({ name: 'QuoteOrderResult', types: () => [QuoteType, InvalidInputType] as const });
export const PlaceOrderResult = createUnionType({ name: 'PlaceOrderResult', types: () => [MarketOrderType, InvalidInputType, InvalidStateType] as const });
export const ResetNotificationErrorsResult = createUnionType({
  name: 'ResetNotificationErrorsResult',
  types: () => [ProductionNotificationType, InvalidStateType] as const,
});
export const QuoteUpgradeResult = createUnionType({ name: 'QuoteUpgradeResult', types: () => [UpgradeQuoteType, InvalidInputType, InvalidStateType] as const });
export const SetCalendarDayResult = createUnionType({ name: 'SetCalendarDayResult', types: () => [CalendarDayType, InvalidInputType] as const });
export const SubmitAppForReviewResult = createUnionType({ name: 'SubmitAppForReviewResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const DecideReviewResult = createUnionType({ name: 'DecideReviewResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const PostReviewFeedbackResult = createUnionType({ name: 'PostReviewFeedbackResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const SubmitMarketProductResult = createUnionType({ name: 'SubmitMarketProductResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
