import { MigrationInterface, QueryRunner } from "typeorm";

/** Adjustment bills (issue 17): a period's bills are numbered (0: the first bill), and the late-usage sweep's watermark. */
export class BillAdjustments1796176612189 implements MigrationInterface {
    name = 'BillAdjustments1796176612189'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // One ALTER: the new unique key exists before the old one goes (the app foreign key needs an index on app_id throughout).
        await queryRunner.query(`ALTER TABLE \`bill\` ADD \`kind\` enum ('REGULAR', 'ADJUSTMENT') NOT NULL DEFAULT 'REGULAR', ADD \`sequence\` smallint UNSIGNED NOT NULL DEFAULT '0', ADD \`adjusts_bill_id\` bigint UNSIGNED NULL, ADD \`adjustment_reason\` varchar(20) NULL, ADD UNIQUE INDEX \`uq_bill_app_platform_period_seq\` (\`app_id\`, \`platform\`, \`period\`, \`sequence\`), DROP INDEX \`uq_bill_app_platform_period\``);
        await queryRunner.query(`CREATE TABLE \`billing_watermark\` (\`name\` varchar(40) NOT NULL, \`value\` datetime(3) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`billing_watermark\``);
        await queryRunner.query(`DELETE FROM \`bill\` WHERE \`sequence\` > 0`);
        await queryRunner.query(`ALTER TABLE \`bill\` ADD UNIQUE INDEX \`uq_bill_app_platform_period\` (\`app_id\`, \`platform\`, \`period\`), DROP INDEX \`uq_bill_app_platform_period_seq\`, DROP COLUMN \`adjustment_reason\`, DROP COLUMN \`adjusts_bill_id\`, DROP COLUMN \`sequence\`, DROP COLUMN \`kind\``);
    }

}
