import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { DeveloperEntity } from './developer.entity';

/**
 * A developer's grant of read access to an integration partner (DOMAIN §1). One row per
 * (developer, partner): revoking stamps `revokedAt`; granting again clears it and restarts `grantedAt`.
 */
@Entity('partner_grant')
@Index('uq_partner_grant_pair', ['developerId', 'partnerId'], { unique: true })
@Index('idx_partner_grant_partner', ['partnerId', 'revokedAt'])
export class PartnerGrantEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @ManyToOne(() => DeveloperEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'developer_id', foreignKeyConstraintName: 'fk_partner_grant_developer' })
  developer?: Relation<DeveloperEntity>;

  /** The partner's credential subject (the `sub` of its PARTNER token). */
  @Column({ name: 'partner_id', type: 'varchar', length: 64 })
  partnerId: string;

  @Column({ name: 'granted_at', type: 'datetime', precision: 3 })
  grantedAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
