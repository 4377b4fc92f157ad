import { MigrationInterface, QueryRunner } from "typeorm";

export class OperatorControls1796168394892 implements MigrationInterface {
    name = 'OperatorControls1796168394892'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`app_suspension\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`app_id\` bigint UNSIGNED NOT NULL, \`reason\` varchar(500) NOT NULL, \`suspended_by\` varchar(64) NOT NULL, \`suspended_at\` datetime(3) NOT NULL, \`restored_by\` varchar(64) NULL, \`restored_at\` datetime(3) NULL, INDEX \`idx_app_suspension_app\` (\`app_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`app_operator_quota\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`app_id\` bigint UNSIGNED NOT NULL, \`kind\` enum ('CONTRACT', 'UV_ADJUSTMENT') NOT NULL, \`daily_quota\` int UNSIGNED NOT NULL, \`effective_from\` date NOT NULL, \`contract_reference\` varchar(100) NULL, \`basis\` varchar(200) NULL, \`set_by\` varchar(64) NOT NULL, \`set_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_app_operator_quota\` (\`app_id\`, \`effective_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`developer\` ADD \`onboarded_override\` tinyint NULL`);
        await queryRunner.query(`ALTER TABLE \`app_suspension\` ADD CONSTRAINT \`fk_app_suspension_app\` FOREIGN KEY (\`app_id\`) REFERENCES \`app\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`app_operator_quota\` ADD CONSTRAINT \`fk_app_operator_quota_app\` FOREIGN KEY (\`app_id\`) REFERENCES \`app\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`app_operator_quota\` DROP FOREIGN KEY \`fk_app_operator_quota_app\``);
        await queryRunner.query(`ALTER TABLE \`app_suspension\` DROP FOREIGN KEY \`fk_app_suspension_app\``);
        await queryRunner.query(`ALTER TABLE \`developer\` DROP COLUMN \`onboarded_override\``);
        await queryRunner.query(`DROP INDEX \`uq_app_operator_quota\` ON \`app_operator_quota\``);
        await queryRunner.query(`DROP TABLE \`app_operator_quota\``);
        await queryRunner.query(`DROP INDEX \`idx_app_suspension_app\` ON \`app_suspension\``);
        await queryRunner.query(`DROP TABLE \`app_suspension\``);
    }

}
