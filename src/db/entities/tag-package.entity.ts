import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { PackageEntity } from './package.entity';
import { TagEntity } from './tag.entity';
import { TagPackageRole } from '../../domain/catalog/catalog.enums';

/** Which packages a tag has by default and which it may apply for (the ladder, for traffic). */
@Entity('tag_package')
@Index('idx_tag_package_package', ['packageCode'])
export class TagPackageEntity {
  @PrimaryColumn({ name: 'tag_code', type: 'varchar', length: 40 })
  tagCode: string;

  @PrimaryColumn({ name: 'package_code', type: 'varchar', length: 40 })
  packageCode: string;

  @ManyToOne(() => TagEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'tag_code', foreignKeyConstraintName: 'fk_tag_package_tag' })
  tag?: Relation<TagEntity>;

  @ManyToOne(() => PackageEntity, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'package_code', foreignKeyConstraintName: 'fk_tag_package_package' })
  package?: Relation<PackageEntity>;

  @Column({ type: 'enum', enum: TagPackageRole })
  role: TagPackageRole;
}
