import { MigrationInterface, QueryRunner } from "typeorm";

export class PackageApplications1795282031352 implements MigrationInterface {
    name = 'PackageApplications1795282031352'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`package_application\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`app_id\` bigint UNSIGNED NOT NULL, \`developer_id\` varchar(64) NOT NULL, \`kind\` enum ('TRAFFIC', 'VALUE_ADDED') NOT NULL, \`package_code\` varchar(40) NOT NULL, \`requested_quota\` int NULL, \`status\` enum ('PENDING', 'APPROVED', 'REJECTED') NOT NULL DEFAULT 'PENDING', \`submitted_at\` datetime(3) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`due_provisional\` tinyint NOT NULL DEFAULT 0, \`eligibility\` json NOT NULL, \`decided_at\` datetime(3) NULL, \`decided_by\` varchar(64) NULL, \`rejection_reason\` varchar(1000) NULL, INDEX \`idx_package_application_app\` (\`app_id\`, \`kind\`, \`status\`), INDEX \`idx_package_application_queue\` (\`status\`, \`due_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`app\` ADD \`granted_packages\` json NULL`);
        await queryRunner.query(`ALTER TABLE \`package_application\` ADD CONSTRAINT \`fk_package_application_app\` FOREIGN KEY (\`app_id\`) REFERENCES \`app\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`package_application\` ADD CONSTRAINT \`fk_package_application_package\` FOREIGN KEY (\`package_code\`) REFERENCES \`package\`(\`code\`) ON DELETE RESTRICT ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`package_application\` DROP FOREIGN KEY \`fk_package_application_package\``);
        await queryRunner.query(`ALTER TABLE \`package_application\` DROP FOREIGN KEY \`fk_package_application_app\``);
        await queryRunner.query(`ALTER TABLE \`app\` DROP COLUMN \`granted_packages\``);
        await queryRunner.query(`DROP INDEX \`idx_package_application_queue\` ON \`package_application\``);
        await queryRunner.query(`DROP INDEX \`idx_package_application_app\` ON \`package_application\``);
        await queryRunner.query(`DROP TABLE \`package_application\``);
    }

}
