import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `idx_usage_daily_date` (usage_date, app_id) becomes (usage_date, app_id, meter, quantity): the
 * billing run's read of one day's usage for a chunk of apps is then answered from this index alone
 * (issue 16). A day's entries sit together here, while the table, clustered by (app_id, usage_date,
 * meter), spreads them over every page: reading a day through the primary key brought the whole
 * table through the buffer pool once per day. `meter` was in the index already (InnoDB appends the
 * primary key's columns); `quantity` is the 8 bytes that make it covering.
 */
export class UsageDailyDayIndexCovers1796200000000 implements MigrationInterface {
    name = 'UsageDailyDayIndexCovers1796200000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`usage_daily\` DROP INDEX \`idx_usage_daily_date\`, ADD INDEX \`idx_usage_daily_date\` (\`usage_date\`, \`app_id\`, \`meter\`, \`quantity\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`usage_daily\` DROP INDEX \`idx_usage_daily_date\`, ADD INDEX \`idx_usage_daily_date\` (\`usage_date\`, \`app_id\`)`);
    }
}
