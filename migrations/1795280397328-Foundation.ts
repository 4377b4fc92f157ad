import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795280397328 implements MigrationInterface {
    name = 'Foundation1795280397328'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`developer\` (\`id\` varchar(64) NOT NULL, \`name\` varchar(100) NOT NULL, \`kind\` enum ('ISV', 'SELF_DEVELOPING_MERCHANT') NOT NULL, \`onboarded\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`tag\` (\`code\` varchar(40) NOT NULL, \`name\` varchar(100) NOT NULL, \`dev_test_quota\` int NOT NULL, \`default_online_quota\` int NULL, \`traffic_mode\` enum ('LADDER', 'CONTRACT', 'UV_BASED') NOT NULL, \`traffic_note\` varchar(300) NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`app\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`appkey\` varchar(16) NOT NULL, \`owner_id\` varchar(64) NOT NULL, \`name\` varchar(50) NOT NULL, \`description\` varchar(500) NOT NULL DEFAULT '', \`logo_url\` varchar(500) NULL, \`callback_url\` varchar(500) NULL, \`tag_code\` varchar(40) NOT NULL, \`in_cloud\` tinyint NOT NULL DEFAULT 0, \`declared_functions\` json NOT NULL, \`status\` enum ('DEVELOPING', 'IN_REVIEW', 'ONLINE', 'REJECTED', 'SUSPENDED') NOT NULL DEFAULT 'DEVELOPING', \`granted_traffic_quota\` int NULL, \`version\` int NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_app_appkey\` (\`appkey\`), INDEX \`idx_app_owner\` (\`owner_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`package\` (\`code\` varchar(40) NOT NULL, \`name\` varchar(100) NOT NULL, \`kind\` enum ('TRAFFIC', 'VALUE_ADDED') NOT NULL, \`daily_quota\` int NULL, \`application_channel\` enum ('ONLINE', 'EMAIL', 'NONE') NOT NULL, \`contact_email\` varchar(200) NULL, \`required_materials\` json NULL, \`required_function\` varchar(40) NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`tag_package\` (\`tag_code\` varchar(40) NOT NULL, \`package_code\` varchar(40) NOT NULL, \`role\` enum ('DEFAULT', 'APPLICABLE') NOT NULL, INDEX \`idx_tag_package_package\` (\`package_code\`), PRIMARY KEY (\`tag_code\`, \`package_code\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`app\` ADD CONSTRAINT \`fk_app_owner\` FOREIGN KEY (\`owner_id\`) REFERENCES \`developer\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`app\` ADD CONSTRAINT \`fk_app_tag\` FOREIGN KEY (\`tag_code\`) REFERENCES \`tag\`(\`code\`) ON DELETE RESTRICT ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE \`tag_package\` ADD CONSTRAINT \`fk_tag_package_tag\` FOREIGN KEY (\`tag_code\`) REFERENCES \`tag\`(\`code\`) ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE \`tag_package\` ADD CONSTRAINT \`fk_tag_package_package\` FOREIGN KEY (\`package_code\`) REFERENCES \`package\`(\`code\`) ON DELETE RESTRICT ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`tag_package\` DROP FOREIGN KEY \`fk_tag_package_package\``);
        await queryRunner.query(`ALTER TABLE \`tag_package\` DROP FOREIGN KEY \`fk_tag_package_tag\``);
        await queryRunner.query(`ALTER TABLE \`app\` DROP FOREIGN KEY \`fk_app_tag\``);
        await queryRunner.query(`ALTER TABLE \`app\` DROP FOREIGN KEY \`fk_app_owner\``);
        await queryRunner.query(`DROP INDEX \`idx_tag_package_package\` ON \`tag_package\``);
        await queryRunner.query(`DROP TABLE \`tag_package\``);
        await queryRunner.query(`DROP TABLE \`package\``);
        await queryRunner.query(`DROP INDEX \`idx_app_owner\` ON \`app\``);
        await queryRunner.query(`DROP INDEX \`uq_app_appkey\` ON \`app\``);
        await queryRunner.query(`DROP TABLE \`app\``);
        await queryRunner.query(`DROP TABLE \`tag\``);
        await queryRunner.query(`DROP TABLE \`developer\``);
    }

}
