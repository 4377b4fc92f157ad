import { createUnionType } from 'type-graphql';
import { AppType } from './app.type';
import { CalendarDayType } from './calendar.type';
import { PackageType, TagType } from './catalog.type';
import { DeveloperType } from './developer.type';
import { PartnerGrantType } from './partner.type';
import { InvalidInputType, InvalidStateType } from './refusal.type';
import { ReviewRoundType } from './review.type';

/** Mutation results: the object on success, or a refusal the caller can act on. */
export const RegisterDeveloperResult = createUnionType({ name: 'RegisterDeveloperResult', types: () => [DeveloperType, InvalidInputType] as const });
export const CreateAppResult = createUnionType({ name: 'CreateAppResult', types: () => [AppType, InvalidInputType] as const });
export const UpdateAppResult = createUnionType({ name: 'UpdateAppResult', types: () => [AppType, InvalidInputType, InvalidStateType] as const });
export const UpsertTagResult = createUnionType({ name: 'UpsertTagResult', types: () => [TagType, InvalidInputType] as const });
export const UpsertPackageResult = createUnionType({ name: 'UpsertPackageResult', types: () => [PackageType, InvalidInputType] as const });
export const SetCalendarDayResult = createUnionType({ name: 'SetCalendarDayResult', types: () => [CalendarDayType, InvalidInputType] as const });
export const SubmitAppForReviewResult = createUnionType({ name: 'SubmitAppForReviewResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const DecideReviewResult = createUnionType({ name: 'DecideReviewResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const PostReviewFeedbackResult = createUnionType({ name: 'PostReviewFeedbackResult', types: () => [ReviewRoundType, InvalidInputType, InvalidStateType] as const });
export const GrantPartnerAccessResult = createUnionType({ name: 'GrantPartnerAccessResult', types: () => [PartnerGrantType, InvalidInputType, InvalidStateType] as const });
export const RevokePartnerAccessResult = createUnionType({ name: 'RevokePartnerAccessResult', types: () => [PartnerGrantType, InvalidStateType] as const });
