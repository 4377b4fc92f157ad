import { MigrationInterface, QueryRunner } from "typeorm";

export class Billing1795282010855 implements MigrationInterface {
    name = 'Billing1795282010855'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`bill_line\` (\`bill_id\` bigint UNSIGNED NOT NULL, \`position\` smallint UNSIGNED NOT NULL, \`kind\` enum ('CHARGE', 'COUPON', 'DISCOUNT') NOT NULL, \`code\` varchar(48) NOT NULL, \`label\` varchar(100) NOT NULL, \`quantity\` decimal(24,4) NOT NULL, \`unit_price\` varchar(200) NOT NULL, \`precise_amount\` decimal(24,8) NOT NULL, \`amount\` decimal(16,2) NOT NULL, \`explanation\` varchar(500) NOT NULL, INDEX \`idx_bill_line_bill\` (\`bill_id\`), PRIMARY KEY (\`bill_id\`, \`position\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`bill\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`app_id\` bigint UNSIGNED NOT NULL, \`appkey\` varchar(16) NOT NULL, \`developer_id\` varchar(64) NOT NULL, \`platform\` enum ('TAOBAO', 'DOUYIN') NOT NULL, \`period\` varchar(10) NOT NULL, \`period_start\` date NOT NULL, \`period_end\` date NOT NULL, \`status\` enum ('UNPAID', 'PAID') NOT NULL, \`total\` decimal(16,2) NOT NULL, \`coupon_total\` decimal(16,2) NOT NULL, \`price_list_id\` varchar(40) NOT NULL, \`run_id\` varchar(36) NOT NULL, \`issued_on\` date NOT NULL, \`paid_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_bill_platform_period\` (\`platform\`, \`period\`, \`id\`), INDEX \`idx_bill_developer_status\` (\`developer_id\`, \`status\`, \`period_start\`, \`id\`), UNIQUE INDEX \`uq_bill_app_platform_period\` (\`app_id\`, \`platform\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`billing_account\` (\`developer_id\` varchar(64) NOT NULL, \`balance\` decimal(16,2) NOT NULL, \`deposit\` decimal(16,2) NOT NULL, \`payment_mode\` enum ('PREPAID', 'ALIPAY_AUTO_DEBIT') NOT NULL DEFAULT 'PREPAID', \`alipay_agreement_no\` varchar(64) NULL, \`new_isv\` tinyint NOT NULL DEFAULT 0, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`developer_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`coupon_policy\` (\`code\` varchar(40) NOT NULL, \`platform\` enum ('TAOBAO', 'DOUYIN') NOT NULL, \`amount\` decimal(12,2) NOT NULL, \`valid_from\` date NOT NULL, \`valid_to\` date NULL, \`new_isv_only\` tinyint NOT NULL DEFAULT 0, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`ledger_entry\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`developer_id\` varchar(64) NOT NULL, \`kind\` enum ('RECHARGE', 'CHARGE', 'COUPON', 'ADJUSTMENT', 'DEPOSIT_DEDUCTION') NOT NULL, \`amount\` decimal(16,2) NOT NULL, \`entry_key\` varchar(200) NOT NULL, \`bill_id\` bigint UNSIGNED NULL, \`note\` varchar(300) NOT NULL DEFAULT '', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_ledger_entry_key\` (\`entry_key\`), INDEX \`idx_ledger_developer\` (\`developer_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`price_list\` (\`id\` varchar(40) NOT NULL, \`platform\` enum ('TAOBAO', 'DOUYIN') NOT NULL, \`effective_from\` date NOT NULL, \`is_example\` tinyint NOT NULL DEFAULT 0, \`charges\` json NOT NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_price_list_platform_from\` (\`platform\`, \`effective_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`quality_discount\` (\`app_id\` bigint UNSIGNED NOT NULL, \`effective_from\` date NOT NULL, \`percent\` decimal(5,2) NOT NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`app_id\`, \`effective_from\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`app\` ADD \`billing_platform\` enum ('TAOBAO', 'DOUYIN') NOT NULL DEFAULT 'TAOBAO'`);
        await queryRunner.query(`ALTER TABLE \`billing_account\` ADD CONSTRAINT \`fk_billing_account_developer\` FOREIGN KEY (\`developer_id\`) REFERENCES \`developer\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`billing_account\` DROP FOREIGN KEY \`fk_billing_account_developer\``);
        await queryRunner.query(`ALTER TABLE \`app\` DROP COLUMN \`billing_platform\``);
        await queryRunner.query(`DROP TABLE \`quality_discount\``);
        await queryRunner.query(`DROP INDEX \`uq_price_list_platform_from\` ON \`price_list\``);
        await queryRunner.query(`DROP TABLE \`price_list\``);
        await queryRunner.query(`DROP INDEX \`idx_ledger_developer\` ON \`ledger_entry\``);
        await queryRunner.query(`DROP INDEX \`uq_ledger_entry_key\` ON \`ledger_entry\``);
        await queryRunner.query(`DROP TABLE \`ledger_entry\``);
        await queryRunner.query(`DROP TABLE \`coupon_policy\``);
        await queryRunner.query(`DROP TABLE \`billing_account\``);
        await queryRunner.query(`DROP INDEX \`uq_bill_app_platform_period\` ON \`bill\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_developer_status\` ON \`bill\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_platform_period\` ON \`bill\``);
        await queryRunner.query(`DROP TABLE \`bill\``);
        await queryRunner.query(`DROP INDEX \`idx_bill_line_bill\` ON \`bill_line\``);
        await queryRunner.query(`DROP TABLE \`bill_line\``);
    }

}
