import { createUnionType } from 'type-graphql';
import { IssuedAppSecretType } from './app-secret.type';
import { CalendarYearImportType } from './calendar-year.type';
import { AppType } from './app.type';
import { OperatorQuotaType } from './operator-controls.type';
import { ReleasedReviewItemType, ReviewAssignmentType, ReviewLeadType } from './review-assignment.type';
import { InvalidInputType, InvalidStateType } from './refusal.type';

/** Mutation results of the platform controls (issue 18): the object on success, or a refusal the caller can act on. */
export const RotateAppSecretResult = createUnionType({ name: 'RotateAppSecretResult', types: () => [IssuedAppSecretType, InvalidInputType, InvalidStateType] as const });
export const SuspendAppResult = createUnionType({ name: 'SuspendAppResult', types: () => [AppType, InvalidInputType, InvalidStateType] as const });
export const RestoreAppResult = createUnionType({ name: 'RestoreAppResult', types: () => [AppType, InvalidStateType] as const });
export const SetAppQuotaResult = createUnionType({ name: 'SetAppQuotaResult', types: () => [OperatorQuotaType, InvalidInputType] as const });
export const ClaimReviewItemResult = createUnionType({ name: 'ClaimReviewItemResult', types: () => [ReviewAssignmentType, InvalidStateType] as const });
export const AssignReviewItemResult = createUnionType({ name: 'AssignReviewItemResult', types: () => [ReviewAssignmentType, InvalidInputType, InvalidStateType] as const });
export const ReleaseReviewItemResult = createUnionType({ name: 'ReleaseReviewItemResult', types: () => [ReleasedReviewItemType, InvalidStateType] as const });
export const SetReviewLeadResult = createUnionType({ name: 'SetReviewLeadResult', types: () => [ReviewLeadType, InvalidInputType] as const });
export const ImportCalendarYearResult = createUnionType({ name: 'ImportCalendarYearResult', types: () => [CalendarYearImportType, InvalidInputType] as const });
