import { Money } from './money.scalar';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DeveloperEntity } from '../../db/entities';
import { AccountClosure } from '../../services/developer/account-closure.service';
import { DeveloperKind } from './enums';

@ObjectType('Developer', { simpleResolvers: true, description: 'A developer account: an ISV or a self-developing merchant' })
export class DeveloperType {
  @Field(() => ID, { description: 'Stable, opaque identifier of the developer; the same in every answer that holds it' })
  id: string;

  @Field(() => String, { description: "The developer's display name" })
  name: string;

  @Field(() => DeveloperKind, { description: 'ISV (builds for merchants) or SELF_DEVELOPING_MERCHANT (builds for its own store)' })
  kind: DeveloperKind;

  @Field(() => Boolean, { description: 'ISVs: onboarded (入驻) on the platform' })
  onboarded: boolean;

  @Field(() => Date, { description: 'When the developer was created (an instant, ISO 8601 UTC)' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the developer closed the account (注销); null while open. A closed account reads its history and changes nothing.' })
  closedAt: Date | null;

  /** The operator's setting and the recorded flag, behind `onboarded` (resolved by the rule, issue 18). */
  onboardedOverride?: boolean | null;
  onboardedRecorded?: boolean;

  static from(e: DeveloperEntity & { wentOnline?: boolean }): DeveloperType {
    return Object.assign(new DeveloperType(), e, { onboardedRecorded: e.onboarded, onboardedOverride: e.onboardedOverride });
  }
}

@InputType('RegisterDeveloperInput', { description: "A new developer account for the caller's login" })
export class RegisterDeveloperInput {
  @Field(() => String, { description: "The developer's display name, shown to reviewers and partners" })
  name: string;

  @Field(() => DeveloperKind, { description: 'ISV (builds for merchants) or SELF_DEVELOPING_MERCHANT (builds for its own store)' })
  kind: DeveloperKind;
}

@InputType('CloseDeveloperAccountInput', { description: "Closing the caller's developer account (DOMAIN §6): refused while bills are unpaid" })
export class CloseDeveloperAccountInput {
  @Field(() => String, { description: 'The account name, typed again: closing cannot be undone' })
  confirmName: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Give up a balance above zero (it is never withdrawn or transferred, DOMAIN §6)' })
  forfeitBalance: boolean;
}

@ObjectType('AccountClosure', { simpleResolvers: true, description: 'A closed developer account and what closing it settled' })
export class AccountClosureType {
  @Field(() => DeveloperType, { description: 'The closed developer account as it is now (closedAt set)' })
  developer: DeveloperType;

  @Field(() => Money, { description: 'The deposit handed back, yuan' })
  depositReturned: string;

  @Field(() => Money, { description: 'The balance given up (a FORFEIT ledger entry), yuan' })
  balanceForfeited: string;

  static from(c: AccountClosure): AccountClosureType {
    return Object.assign(new AccountClosureType(), { developer: DeveloperType.from(c.developer), depositReturned: c.depositReturned, balanceForfeited: c.balanceForfeited });
  }
}
