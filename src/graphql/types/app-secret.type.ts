import { Field, Int, ObjectType, registerEnumType, ID } from 'type-graphql';
import { SecretState } from '../../domain/app/app-secret.rule';

registerEnumType(SecretState, {
  name: 'AppSecretState',
  description: 'CURRENT: the newest secret; GRACE: replaced, still valid until validUntil; EXPIRED: verifies nothing',
  valuesConfig: {
    CURRENT: { description: 'The newest secret: valid with no end' },
    GRACE: { description: 'Replaced by a newer secret, still accepted until its validUntil' },
    EXPIRED: { description: 'Past its validUntil: verifies nothing' },
  },
});

@ObjectType('AppSecretInfo', { simpleResolvers: true, description: "One of the app's secrets, without the secret itself: it is shown only when issued" })
export class AppSecretInfoType {
  @Field(() => Int, { description: "The secret's version: 1 for the first, one more at each rotation" })
  version: number;

  @Field(() => Date, { description: 'When the secret started to verify calls' })
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive end; null while current' })
  validUntil: Date | null;

  @Field(() => SecretState, { description: 'CURRENT, GRACE (replaced, valid until validUntil) or EXPIRED' })
  state: SecretState;
}

@ObjectType('IssuedAppSecret', { simpleResolvers: true, description: 'A secret just issued by rotateAppSecret: the only time it is shown' })
export class IssuedAppSecretType {
  @Field(() => ID, { description: 'The app the secret belongs to' })
  appId: string;

  @Field(() => Int, { description: "The new secret's version" })
  version: number;

  @Field(() => String, { description: 'The new secret in full (64 hex digits). Store it now: it is never shown again' })
  secret: string;

  @Field(() => Date, { description: 'When the new secret starts verifying calls' })
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'When the secret it replaces stops verifying (now + graceHours)' })
  previousValidUntil: Date | null;
}

@ObjectType('GatewayAppSecret', { simpleResolvers: true, description: 'One secret the gateway may verify signed calls with, in full' })
export class GatewayAppSecretType {
  @Field(() => Int, { description: "The secret's version: 1 for the first, one more at each rotation" })
  version: number;

  @Field(() => String, { description: 'The secret itself (gateway only)' })
  secret: string;

  @Field(() => Date, { description: 'When it started to verify calls' })
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive end; null while current' })
  validUntil: Date | null;
}

@ObjectType('GatewayAppSecrets', { simpleResolvers: true, description: "Gateway: the secrets an app's signed calls verify against, valid now" })
export class GatewayAppSecretsType {
  @Field(() => String, { description: 'The appkey the secrets belong to' })
  appkey: string;

  @Field(() => Boolean, { description: 'False for a suspended app or an app of a closed account: its secrets verify nothing, none are given' })
  verifiable: boolean;

  @Field(() => [GatewayAppSecretType], { description: 'Newest first; two during a rotation grace, else one' })
  secrets: GatewayAppSecretType[];
}
