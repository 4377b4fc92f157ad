import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ApplicationStatus } from '../../domain/application/application.enums';
import { RuleCheck } from '../../domain/application/eligibility';
import { PackageKind } from '../../domain/catalog/catalog.enums';
import { AppEntity } from './app.entity';
import type { ReviewRoundEntity } from './review-round.entity';
import { PackageEntity } from './package.entity';

/** An app's application for a traffic or value-added package (DOMAIN §2.3, §2.4). */
@Entity('package_application')
@Index('idx_package_application_app', ['appId', 'kind', 'status'])
export class PackageApplicationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @ManyToOne(() => AppEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'fk_package_application_app' })
  app?: Relation<AppEntity>;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @Column({ type: 'enum', enum: PackageKind })
  kind: PackageKind;

  @Column({ name: 'package_code', type: 'varchar', length: 40 })
  packageCode: string;

  @ManyToOne(() => PackageEntity, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'package_code', foreignKeyConstraintName: 'fk_package_application_package' })
  package?: Relation<PackageEntity>;

  /** TRAFFIC: the rung applied for (calls/day). */
  @Column({ name: 'requested_quota', type: 'int', nullable: true })
  requestedQuota: number | null;

  @Column({ type: 'enum', enum: ApplicationStatus, default: ApplicationStatus.PENDING })
  status: ApplicationStatus;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;

  /** The eligibility rules as checked at submission. */
  @Column({ type: 'json' })
  eligibility: RuleCheck[];

  /**
   * Its review round (subject PACKAGE_APPLICATION, issue 13): due time, decision, rejection reason
   * (the round's explanation) and feedback thread. Not a column: the services read it with the row.
   */
  round?: Omit<ReviewRoundEntity, 'messages'>;
}
