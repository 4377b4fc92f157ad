import { Field, ID, ObjectType } from 'type-graphql';
import { NotificationEntity } from '../../db/entities';

@ObjectType('Notification', { simpleResolvers: true, description: 'A message to the developer (e.g. EMERGENCY_TRAFFIC_GRANTED)' })
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'SCREAMING_SNAKE kind' })
  kind: string;

  @Field(() => ID, { nullable: true })
  appId: string | null;

  @Field(() => String)
  message: string;

  @Field(() => Date)
  createdAt: Date;

  static from(e: NotificationEntity): NotificationType {
    return Object.assign(new NotificationType(), { id: e.id, kind: e.kind, appId: e.appId, message: e.message, createdAt: e.createdAt });
  }
}
