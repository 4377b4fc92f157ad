import { MigrationInterface, QueryRunner } from "typeorm";

export class Invoices1795292062017 implements MigrationInterface {
    name = 'Invoices1795292062017'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`invoice\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`developer_id\` varchar(64) NOT NULL, \`platform\` enum ('TAOBAO', 'DOUYIN') NOT NULL, \`title\` varchar(100) NOT NULL, \`tax_no\` varchar(20) NOT NULL, \`amount\` decimal(16,2) NOT NULL, \`status\` enum ('REQUESTED', 'ISSUED', 'REJECTED') NOT NULL, \`invoice_no\` varchar(20) NULL, \`reject_reason\` varchar(500) NULL, \`requested_at\` datetime(3) NOT NULL, \`decided_at\` datetime(3) NULL, UNIQUE INDEX \`uq_invoice_no\` (\`invoice_no\`), INDEX \`idx_invoice_status\` (\`status\`, \`id\`), INDEX \`idx_invoice_developer\` (\`developer_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`invoice_bill\` (\`invoice_id\` bigint UNSIGNED NOT NULL, \`bill_id\` bigint UNSIGNED NOT NULL, \`live\` tinyint UNSIGNED NULL, UNIQUE INDEX \`uq_invoice_bill_live\` (\`bill_id\`, \`live\`), PRIMARY KEY (\`invoice_id\`, \`bill_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`invoice_bill\` ADD CONSTRAINT \`fk_invoice_bill_invoice\` FOREIGN KEY (\`invoice_id\`) REFERENCES \`invoice\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`invoice_bill\` ADD CONSTRAINT \`fk_invoice_bill_bill\` FOREIGN KEY (\`bill_id\`) REFERENCES \`bill\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`invoice_bill\` DROP FOREIGN KEY \`fk_invoice_bill_bill\``);
        await queryRunner.query(`ALTER TABLE \`invoice_bill\` DROP FOREIGN KEY \`fk_invoice_bill_invoice\``);
        await queryRunner.query(`DROP INDEX \`uq_invoice_bill_live\` ON \`invoice_bill\``);
        await queryRunner.query(`DROP TABLE \`invoice_bill\``);
        await queryRunner.query(`DROP INDEX \`idx_invoice_developer\` ON \`invoice\``);
        await queryRunner.query(`DROP INDEX \`idx_invoice_status\` ON \`invoice\``);
        await queryRunner.query(`DROP INDEX \`uq_invoice_no\` ON \`invoice\``);
        await queryRunner.query(`DROP TABLE \`invoice\``);
    }

}
