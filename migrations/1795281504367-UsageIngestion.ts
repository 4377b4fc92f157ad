import { MigrationInterface, QueryRunner } from "typeorm";

export class UsageIngestion1795281504367 implements MigrationInterface {
    name = 'UsageIngestion1795281504367'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`usage_daily\` (\`app_id\` bigint UNSIGNED NOT NULL, \`usage_date\` date NOT NULL, \`meter\` varchar(48) NOT NULL, \`quantity\` bigint UNSIGNED NOT NULL DEFAULT '0', \`successful\` bigint UNSIGNED NOT NULL DEFAULT '0', \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_usage_daily_date\` (\`usage_date\`, \`app_id\`), PRIMARY KEY (\`app_id\`, \`usage_date\`, \`meter\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`usage_record\` (\`idempotency_key\` varchar(100) NOT NULL, \`app_id\` bigint UNSIGNED NOT NULL, \`usage_date\` date NOT NULL, \`fingerprint\` char(64) NOT NULL, \`payload\` json NOT NULL, \`received_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_usage_record_app_date\` (\`app_id\`, \`usage_date\`), PRIMARY KEY (\`idempotency_key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`developer\` ADD \`restricted_for_arrears\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`app\` ADD \`value_added_out_of_cloud_permitted\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`usage_daily\` ADD CONSTRAINT \`fk_usage_daily_app\` FOREIGN KEY (\`app_id\`) REFERENCES \`app\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`usage_daily\` DROP FOREIGN KEY \`fk_usage_daily_app\``);
        await queryRunner.query(`ALTER TABLE \`app\` DROP COLUMN \`value_added_out_of_cloud_permitted\``);
        await queryRunner.query(`ALTER TABLE \`developer\` DROP COLUMN \`restricted_for_arrears\``);
        await queryRunner.query(`DROP INDEX \`idx_usage_record_app_date\` ON \`usage_record\``);
        await queryRunner.query(`DROP TABLE \`usage_record\``);
        await queryRunner.query(`DROP INDEX \`idx_usage_daily_date\` ON \`usage_daily\``);
        await queryRunner.query(`DROP TABLE \`usage_daily\``);
    }

}
