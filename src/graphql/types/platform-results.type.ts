import { createUnionType } from 'type-graphql';
import { IssuedAppSecretType } from './app-secret.type';
import { InvalidInputType, InvalidStateType } from './refusal.type';

/** Mutation results of the platform controls (issue 18): the object on success, or a refusal the caller can act on. */
export const RotateAppSecretResult = createUnionType({ name: 'RotateAppSecretResult', types: () => [IssuedAppSecretType, InvalidInputType, InvalidStateType] as const });
