import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ApplicationStatus } from '../../domain/application/application.enums';
import { RuleCheck } from '../../domain/application/eligibility';
import { BuildKind, MemberCapabilityRejection, MerchantTier, ProductKind } from '../../domain/member-capability/member-capability.rule';
import { CapabilityCategoryEntity } from './capability-category.entity';
import type { ReviewRoundEntity } from './review-round.entity';
import { DeveloperEntity } from './developer.entity';

/** A developer's application for member open capabilities (DOMAIN §4). */
@Entity('member_capability_application')
@Index('idx_mc_application_developer', ['developerId', 'id'])
export class MemberCapabilityApplicationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @ManyToOne(() => DeveloperEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'developer_id', foreignKeyConstraintName: 'fk_mc_application_developer' })
  developer?: Relation<DeveloperEntity>;

  @Column({ name: 'category_code', type: 'varchar', length: 40 })
  categoryCode: string;

  @ManyToOne(() => CapabilityCategoryEntity, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_mc_application_category' })
  category?: Relation<CapabilityCategoryEntity>;

  @Column({ name: 'product_kind', type: 'enum', enum: ProductKind })
  productKind: ProductKind;

  @Column({ type: 'enum', enum: BuildKind })
  build: BuildKind;

  @Column({ name: 'merchant_tier', type: 'enum', enum: MerchantTier })
  merchantTier: MerchantTier;

  /** The rest of the material as submitted (merchant, ISV, demo, permissions, scenario, introduction, cases). */
  @Column({ type: 'json' })
  material: Record<string, unknown>;

  @Column({ type: 'enum', enum: ApplicationStatus, default: ApplicationStatus.PENDING })
  status: ApplicationStatus;

  @Column({ type: 'json' })
  eligibility: RuleCheck[];

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;

  @Column({ name: 'rejection_codes', type: 'json', nullable: true })
  rejectionCodes: MemberCapabilityRejection[] | null;

  /** The rejection counted as a non-compliant strike. */
  @Column({ type: 'boolean', default: false })
  strike: boolean;

  /**
   * Its review round (subject MEMBER_CAPABILITY_APPLICATION, issue 13): due time, decision, note (the
   * round's explanation) and feedback thread. Not a column: the services read it with the row.
   */
  round?: Omit<ReviewRoundEntity, 'messages'>;
}
