import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AppEntity } from './app.entity';
import { OperatorQuotaKind } from '../../domain/app/operator-controls.rule';

/**
 * An operator-set daily quota for an app of a CONTRACT or UV_BASED tag (issue 18), effective from a
 * Beijing date until a later one takes over. One per (app, date): setting a date again replaces it.
 */
@Entity('app_operator_quota')
@Index('uq_app_operator_quota', ['appId', 'effectiveFrom'], { unique: true })
export class AppOperatorQuotaEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @ManyToOne(() => AppEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'fk_app_operator_quota_app' })
  app?: Relation<AppEntity>;

  @Column({ type: 'enum', enum: OperatorQuotaKind })
  kind: OperatorQuotaKind;

  @Column({ name: 'daily_quota', type: 'int', unsigned: true })
  dailyQuota: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'contract_reference', type: 'varchar', length: 100, nullable: true })
  contractReference: string | null;

  /** What the figure rests on, e.g. "transaction volume 2026-11". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  basis: string | null;

  @Column({ name: 'set_by', type: 'varchar', length: 64 })
  setBy: string;

  @Column({ name: 'set_at', type: 'datetime', precision: 3 })
  setAt: Date;
}
