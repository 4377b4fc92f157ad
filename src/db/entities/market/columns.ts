import { ColumnOptions } from 'typeorm';

/**
 * A money column: DECIMAL(12,2), read and written as a decimal string (mysql2 returns DECIMAL as
 * a string; nothing goes through a float). Services compute with decimal.js.
 */
export const moneyColumn = (name: string, nullable = true): ColumnOptions => ({ name, type: 'decimal', precision: 12, scale: 2, nullable });

export const createdAt: ColumnOptions = { name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' };
export const updatedAt: ColumnOptions = { name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' };
