import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One developer's notification contacts and channel choices (docs/notifications.md). */
@Entity('notification_settings')
export class NotificationSettingsEntity {
  @PrimaryColumn({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  /** BALANCE_LOW when the prepaid balance falls below this (yuan); null: never. */
  @Column({ name: 'low_balance_threshold', type: 'decimal', precision: 16, scale: 2, nullable: true })
  lowBalanceThreshold: string | null;

  /** Set when BALANCE_LOW was sent; cleared once the balance is back at or above the threshold. */
  @Column({ name: 'low_balance_notified', type: 'tinyint', default: 0 })
  lowBalanceNotified: number;

  /** `KIND:CHANNEL` → on/off, only the choices that differ from the kind's defaults. */
  @Column({ type: 'json' })
  preferences: Record<string, boolean>;
}
