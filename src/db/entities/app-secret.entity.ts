import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AppEntity } from './app.entity';

/**
 * One appsecret of an app ("Manage Certificate", 002; issue 18), sealed with AES-256-GCM: the
 * plaintext exists only in the answer that issued it and in the gateway's read.
 */
@Entity('app_secret')
@Index('uq_app_secret_version', ['appId', 'version'], { unique: true })
export class AppSecretEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ name: 'app_id', type: 'bigint', unsigned: true })
  appId: string;

  @ManyToOne(() => AppEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'fk_app_secret_app' })
  app?: Relation<AppEntity>;

  /** 1 for the secret issued with the app, +1 per rotation. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varbinary', length: 128 })
  ciphertext: Buffer;

  @Column({ type: 'binary', length: 12 })
  iv: Buffer;

  @Column({ name: 'auth_tag', type: 'binary', length: 16 })
  authTag: Buffer;

  /** Which key sealed it (the configuration's key id). */
  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId: string;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3 })
  validFrom: Date;

  /** Exclusive end; null while it is the current secret. */
  @Column({ name: 'valid_until', type: 'datetime', precision: 3, nullable: true })
  validUntil: Date | null;

  /** Who issued it: the developer who created the app or rotated the secret. */
  @Column({ name: 'issued_by', type: 'varchar', length: 64 })
  issuedBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
