import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One delivery attempt of an outbound message, as the developer sees it in the delivery log. */
@Entity('outbound_attempt')
@Index('idx_outbound_attempt_message', ['messageId', 'id'])
export class OutboundAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'message_id', type: 'bigint', unsigned: true })
  messageId: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** DELIVERED, HTTP_STATUS (answered non-2xx), TIMEOUT, REFUSED (not a public address), NETWORK. */
  @Column({ type: 'varchar', length: 20 })
  outcome: string;

  @Column({ name: 'http_status', type: 'smallint', unsigned: true, nullable: true })
  httpStatus: number | null;

  @Column({ name: 'duration_ms', type: 'int', unsigned: true })
  durationMs: number;

  /** What the developer can act on ("answered 503", "no answer within 5 s"); never a system error text. */
  @Column({ type: 'varchar', length: 300 })
  detail: string;
}
