import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DeveloperEntity } from './developer.entity';
import { TagEntity } from './tag.entity';
import { AppFunction, AppStatus } from '../../domain/app/app.enums';
import { BillingPlatform } from '../../billing/billing.enums';

/** A developer's app (DOMAIN §2). */
@Entity('app')
@Index('idx_app_owner', ['ownerId', 'id'])
@Index('idx_app_platform_owner', ['billingPlatform', 'ownerId', 'id'])
export class AppEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Index('uq_app_appkey', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  appkey: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 64 })
  ownerId: string;

  @ManyToOne(() => DeveloperEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_app_owner' })
  owner?: Relation<DeveloperEntity>;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ name: 'logo_url', type: 'varchar', length: 500, nullable: true })
  logoUrl: string | null;

  @Column({ name: 'callback_url', type: 'varchar', length: 500, nullable: true })
  callbackUrl: string | null;

  @Column({ name: 'tag_code', type: 'varchar', length: 40 })
  tagCode: string;

  @ManyToOne(() => TagEntity, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'tag_code', foreignKeyConstraintName: 'fk_app_tag' })
  tag?: Relation<TagEntity>;

  @Column({ name: 'in_cloud', type: 'boolean', default: false })
  inCloud: boolean;

  @Column({ name: 'declared_functions', type: 'json' })
  declaredFunctions: AppFunction[];

  @Column({ type: 'enum', enum: AppStatus, default: AppStatus.DEVELOPING })
  status: AppStatus;

  /** The last traffic package granted (calls/day); null while the tag default applies. */
  @Column({ name: 'granted_traffic_quota', type: 'int', nullable: true })
  grantedTrafficQuota: number | null;

  /** Operator-set: the app may call VALUE_ADDED APIs from outside the cloud (DOMAIN §5). */
  @Column({ name: 'value_added_out_of_cloud_permitted', type: 'boolean', default: false })
  valueAddedOutOfCloudPermitted: boolean;

  /** Value-added packages granted by approved applications (DOMAIN §2.4), beside the tag's defaults; null = none. */
  @Column({ name: 'granted_packages', type: 'json', nullable: true })
  grantedPackages: string[] | null;

  /** Which platform profile bills the app (DOMAIN §5 Taobao daily, §6 Douyin monthly); operator-set. */
  @Column({ name: 'billing_platform', type: 'enum', enum: BillingPlatform, default: BillingPlatform.TAOBAO })
  billingPlatform: BillingPlatform;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
