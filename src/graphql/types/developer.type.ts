import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DeveloperEntity } from '../../db/entities';
import { DeveloperKind } from './enums';

@ObjectType('Developer', { simpleResolvers: true, description: 'A developer account: an ISV or a self-developing merchant' })
export class DeveloperType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => DeveloperKind)
  kind: DeveloperKind;

  @Field(() => Boolean, { description: 'ISVs: onboarded (入驻) on the platform' })
  onboarded: boolean;

  @Field(() => Date)
  createdAt: Date;

  static from(e: DeveloperEntity): DeveloperType {
    return Object.assign(new DeveloperType(), e);
  }
}

@InputType('RegisterDeveloperInput')
export class RegisterDeveloperInput {
  @Field(() => String)
  name: string;

  @Field(() => DeveloperKind)
  kind: DeveloperKind;
}
