import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TrafficMode } from '../../domain/catalog/catalog.enums';

/** An app tag (DOMAIN §2.1): its quotas and traffic mode. Operators edit it. */
@Entity('tag')
export class TagEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'dev_test_quota', type: 'int' })
  devTestQuota: number;

  /** Null for UV-based tags. */
  @Column({ name: 'default_online_quota', type: 'int', nullable: true })
  defaultOnlineQuota: number | null;

  @Column({ name: 'traffic_mode', type: 'enum', enum: TrafficMode })
  trafficMode: TrafficMode;

  /** Shown where the mode has no online application (CONTRACT, UV_BASED). */
  @Column({ name: 'traffic_note', type: 'varchar', length: 300, nullable: true })
  trafficNote: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
