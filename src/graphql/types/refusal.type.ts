import { Field, InterfaceType, ObjectType } from 'type-graphql';
import { Refusal } from '../../domain/common/result';

/** A refusal the caller can act on, returned as data in a mutation's result union. */
@InterfaceType('Refusal', { description: 'A refusal the caller can act on. `code` is stable; `message` is for people.' })
export abstract class RefusalType {
  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;
}

@ObjectType('Violation', { simpleResolvers: true, description: 'One broken rule on one input field.' })
export class ViolationType {
  @Field(() => String, { description: 'Input field, e.g. "name" or "callbackUrl"' })
  field: string;

  @Field(() => String, { description: 'Rule code, e.g. TOO_LONG, NOT_HTTP_URL, UNKNOWN_TAG' })
  rule: string;

  @Field(() => String)
  message: string;
}

@ObjectType('InvalidInput', { implements: RefusalType, simpleResolvers: true, description: 'The input broke one or more rules; nothing was written.' })
export class InvalidInputType extends RefusalType {
  @Field(() => [ViolationType])
  violations: ViolationType[];
}

@ObjectType('InvalidState', { implements: RefusalType, simpleResolvers: true, description: 'The object is in a state that does not allow the action; nothing was written.' })
export class InvalidStateType extends RefusalType {
  @Field(() => String, { description: 'The state the object is in now' })
  currentState: string;

  @Field(() => String, { description: 'The action that was refused' })
  action: string;
}

/** Maps a service refusal to its GraphQL type. */
export function toRefusalType(refusal: Refusal): InvalidInputType | InvalidStateType {
  switch (refusal.kind) {
    case 'INVALID_INPUT':
      return Object.assign(new InvalidInputType(), {
        code: 'INVALID_INPUT',
        message: refusal.violations.map((v) => `${v.field}: ${v.message}`).join('; '),
        violations: refusal.violations.map((v) => Object.assign(new ViolationType(), v)),
      });
    case 'INVALID_STATE':
      return Object.assign(new InvalidStateType(), {
        code: 'INVALID_STATE',
        message: refusal.message,
        currentState: refusal.currentState,
        action: refusal.action,
      });
  }
}
