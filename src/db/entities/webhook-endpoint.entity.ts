import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A developer's HTTPS endpoint for signed notification deliveries. The signing secret is stored encrypted. */
@Entity('webhook_endpoint')
@Index('idx_webhook_endpoint_developer', ['developerId', 'id'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'developer_id', type: 'varchar', length: 64 })
  developerId: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  /** AES-256-GCM sealed signing secret (secret-box format). */
  @Column({ name: 'secret_sealed', type: 'varchar', length: 300 })
  secretSealed: string;

  @Column({ type: 'tinyint', default: 1 })
  active: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'secret_rotated_at', type: 'datetime', precision: 3, nullable: true })
  secretRotatedAt: Date | null;
}
