import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AppEntity } from './app.entity';

/** Emergency traffic granted to an app for one Beijing date (DOMAIN §2.2): the key makes it once per day. */
@Entity('emergency_grant')
export class EmergencyGrantEntity {
  @PrimaryColumn({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @ManyToOne(() => AppEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'fk_emergency_grant_app' })
  app?: Relation<AppEntity>;

  @PrimaryColumn({ name: 'grant_date', type: 'date' })
  grantDate: string;

  /** The quota that was reached. */
  @Column({ name: 'base_limit', type: 'int' })
  baseLimit: number;

  /** Extra calls for the rest of the day (50% of base_limit). */
  @Column({ name: 'granted_calls', type: 'int' })
  grantedCalls: number;

  /** INGESTION (metered usage reached the quota) or GATEWAY_REPORT (reportQuotaExhausted). */
  @Column({ type: 'varchar', length: 20 })
  trigger: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
