import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberCapabilities1795282307066 implements MigrationInterface {
    name = 'MemberCapabilities1795282307066'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`capability_category\` (\`code\` varchar(40) NOT NULL, \`name\` varchar(100) NOT NULL, \`custom_only\` tinyint NOT NULL DEFAULT 0, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member_capability_application\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`developer_id\` varchar(64) NOT NULL, \`category_code\` varchar(40) NOT NULL, \`product_kind\` enum ('MINI_PROGRAM', 'WIDGET') NOT NULL, \`build\` enum ('TEMPLATE', 'CUSTOM') NOT NULL, \`merchant_tier\` enum ('QUALITY', 'POTENTIAL', 'ORDINARY') NOT NULL, \`material\` json NOT NULL, \`status\` enum ('PENDING', 'APPROVED', 'REJECTED') NOT NULL DEFAULT 'PENDING', \`eligibility\` json NOT NULL, \`submitted_at\` datetime(3) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`due_provisional\` tinyint NOT NULL DEFAULT 0, \`decided_at\` datetime(3) NULL, \`decided_by\` varchar(64) NULL, \`rejection_codes\` json NULL, \`rejection_note\` varchar(1000) NULL, \`strike\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_mc_application_developer\` (\`developer_id\`, \`id\`), INDEX \`idx_mc_application_queue\` (\`status\`, \`due_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`developer\` ADD \`member_capability_strikes\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`developer\` ADD \`member_capability_barred\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`member_capability_application\` ADD CONSTRAINT \`fk_mc_application_developer\` FOREIGN KEY (\`developer_id\`) REFERENCES \`developer\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`member_capability_application\` ADD CONSTRAINT \`fk_mc_application_category\` FOREIGN KEY (\`category_code\`) REFERENCES \`capability_category\`(\`code\`) ON DELETE RESTRICT ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`member_capability_application\` DROP FOREIGN KEY \`fk_mc_application_category\``);
        await queryRunner.query(`ALTER TABLE \`member_capability_application\` DROP FOREIGN KEY \`fk_mc_application_developer\``);
        await queryRunner.query(`ALTER TABLE \`developer\` DROP COLUMN \`member_capability_barred\``);
        await queryRunner.query(`ALTER TABLE \`developer\` DROP COLUMN \`member_capability_strikes\``);
        await queryRunner.query(`DROP INDEX \`idx_mc_application_queue\` ON \`member_capability_application\``);
        await queryRunner.query(`DROP INDEX \`idx_mc_application_developer\` ON \`member_capability_application\``);
        await queryRunner.query(`DROP TABLE \`member_capability_application\``);
        await queryRunner.query(`DROP TABLE \`capability_category\``);
    }

}
