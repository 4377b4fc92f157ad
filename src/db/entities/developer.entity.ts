import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DeveloperKind } from '../../domain/app/app.enums';

/** A developer account. Its id is the identity provider's subject (the JWT `sub`). */
@Entity('developer')
export class DeveloperEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: DeveloperKind })
  kind: DeveloperKind;

  /** Whether the ISV is onboarded (入驻) on the platform (DOMAIN §4 ISV threshold). */
  @Column({ type: 'boolean', default: false })
  onboarded: boolean;

  /**
   * An operator's setting of the ISV-onboarded standing (issue 18): true sets it, false clears it,
   * null leaves it to the rule (recorded flag, or an app that went online). See `isvOnboarded`.
   */
  @Column({ name: 'onboarded_override', type: 'boolean', nullable: true })
  onboardedOverride: boolean | null;

  /**
   * Billing's hook (DOMAIN §5 arrears): while true, the gateway's callPermission refuses charged
   * (non-FREE) API calls of this developer's apps. Billing sets it when a bill stays unpaid and
   * clears it when a recharge settles the arrears.
   */
  @Column({ name: 'restricted_for_arrears', type: 'boolean', default: false })
  restrictedForArrears: boolean;

  /** Member-capability rejections with a non-compliant (mindset) code since the last lift (DOMAIN §4). */
  @Column({ name: 'member_capability_strikes', type: 'int', default: 0 })
  memberCapabilityStrikes: number;

  /** Barred from new member-capability applications (3 strikes); an operator lifts it. */
  @Column({ name: 'member_capability_barred', type: 'boolean', default: false })
  memberCapabilityBarred: boolean;

  /**
   * Set when the developer closed (注销) the account (DOMAIN §6: refused while in arrears). A closed
   * account keeps read access to its history; its mutations are refused and its apps call nothing.
   */
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
