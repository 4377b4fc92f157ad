import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audited state change: who (role and subject), when, what (the mutation and the object it
 * changed), and the object before and after. Written in the mutation's own transaction, never updated.
 */
@Entity('audit_entry')
@Index('idx_audit_entry_action', ['action', 'id'])
@Index('idx_audit_entry_actor', ['actorId', 'id'])
@Index('idx_audit_entry_entity', ['entityType', 'entityId', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  /** The GraphQL mutation, e.g. `upsertTag`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  /** The object before the change; null when it was created. */
  @Column({ type: 'json', nullable: true })
  before: Record<string, unknown> | null;

  /** The object after the change; null when it was deleted. */
  @Column({ type: 'json', nullable: true })
  after: Record<string, unknown> | null;
}
