import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CalendarDayKind } from '../../domain/calendar/working-days.rule';

/**
 * One day of the working-day calendar that differs from the plain week (DOMAIN §3): a weekday
 * public holiday (OFF) or a make-up working weekend day (WORKDAY). A year with at least one row is
 * a covered year. Seeded from `chinese-days` (seed 02); operators edit it (setCalendarDay).
 */
@Entity('calendar_day')
export class CalendarDayEntity {
  /** Beijing date, YYYY-MM-DD. NOTE: stored as CHAR(10), not DATE, so no driver time-zone shift can touch it. */
  @PrimaryColumn({ type: 'char', length: 10 })
  date: string;

  @Column({ type: 'enum', enum: CalendarDayKind })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 100, default: '' })
  note: string;

  /** Who last set the row: `seed:chinese-days@<version>` or the operator's subject id. */
  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
