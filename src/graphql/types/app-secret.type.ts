import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
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
  @Field(() => Int)
  version: number;

  @Field(() => Date)
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive end; null while current' })
  validUntil: Date | null;

  @Field(() => SecretState)
  state: SecretState;
}

@ObjectType('IssuedAppSecret', { simpleResolvers: true, description: 'A secret just issued by rotateAppSecret: the only time it is shown' })
export class IssuedAppSecretType {
  @Field(() => String)
  appId: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { description: 'The new secret in full (64 hex digits). Store it now: it is never shown again' })
  secret: string;

  @Field(() => Date)
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'When the secret it replaces stops verifying (now + graceHours)' })
  previousValidUntil: Date | null;
}

@ObjectType('GatewayAppSecret', { simpleResolvers: true })
export class GatewayAppSecretType {
  @Field(() => Int)
  version: number;

  @Field(() => String)
  secret: string;

  @Field(() => Date)
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive end; null while current' })
  validUntil: Date | null;
}

@ObjectType('GatewayAppSecrets', { simpleResolvers: true, description: "Gateway: the secrets an app's signed calls verify against, valid now" })
export class GatewayAppSecretsType {
  @Field(() => String)
  appkey: string;

  @Field(() => Boolean, { description: 'False for a suspended app or an app of a closed account: its secrets verify nothing, none are given' })
  verifiable: boolean;

  @Field(() => [GatewayAppSecretType], { description: 'Newest first; two during a rotation grace, else one' })
  secrets: GatewayAppSecretType[];
}
