import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AppEntity } from './app.entity';

/** One operator suspension of an app (issue 18): open until restored. The owner reads its reason. */
@Entity('app_suspension')
@Index('idx_app_suspension_app', ['appId', 'id'])
export class AppSuspensionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @ManyToOne(() => AppEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'fk_app_suspension_app' })
  app?: Relation<AppEntity>;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'suspended_by', type: 'varchar', length: 64 })
  suspendedBy: string;

  @Column({ name: 'suspended_at', type: 'datetime', precision: 3 })
  suspendedAt: Date;

  @Column({ name: 'restored_by', type: 'varchar', length: 64, nullable: true })
  restoredBy: string | null;

  @Column({ name: 'restored_at', type: 'datetime', precision: 3, nullable: true })
  restoredAt: Date | null;
}
