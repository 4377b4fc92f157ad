import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ApplicationChannel, PackageKind } from '../../domain/catalog/catalog.enums';

/** A traffic or value-added package (DOMAIN §2.1, §2.4). Operators edit it. */
@Entity('package')
export class PackageEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: PackageKind })
  kind: PackageKind;

  /** TRAFFIC packages: the daily call quota it grants. */
  @Column({ name: 'daily_quota', type: 'int', nullable: true })
  dailyQuota: number | null;

  @Column({ name: 'application_channel', type: 'enum', enum: ApplicationChannel })
  applicationChannel: ApplicationChannel;

  /** EMAIL channel: where to send the application. */
  @Column({ name: 'contact_email', type: 'varchar', length: 200, nullable: true })
  contactEmail: string | null;

  /** EMAIL channel: the materials the application must carry. */
  @Column({ name: 'required_materials', type: 'json', nullable: true })
  requiredMaterials: string[] | null;

  /** An app must declare this function to apply (Wangwang chat history: PERFORMANCE_APPRAISAL). */
  @Column({ name: 'required_function', type: 'varchar', length: 40, nullable: true })
  requiredFunction: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
