import { MigrationInterface, QueryRunner } from "typeorm";

export class EmergencyTraffic1795281736056 implements MigrationInterface {
    name = 'EmergencyTraffic1795281736056'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`emergency_grant\` (\`app_id\` bigint UNSIGNED NOT NULL, \`grant_date\` date NOT NULL, \`base_limit\` int NOT NULL, \`granted_calls\` int NOT NULL, \`trigger\` varchar(20) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`app_id\`, \`grant_date\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`notification\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`developer_id\` varchar(64) NOT NULL, \`kind\` varchar(40) NOT NULL, \`app_id\` bigint UNSIGNED NULL, \`message\` varchar(500) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_notification_developer\` (\`developer_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`emergency_grant\` ADD CONSTRAINT \`fk_emergency_grant_app\` FOREIGN KEY (\`app_id\`) REFERENCES \`app\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD CONSTRAINT \`fk_notification_developer\` FOREIGN KEY (\`developer_id\`) REFERENCES \`developer\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`notification\` DROP FOREIGN KEY \`fk_notification_developer\``);
        await queryRunner.query(`ALTER TABLE \`emergency_grant\` DROP FOREIGN KEY \`fk_emergency_grant_app\``);
        await queryRunner.query(`DROP INDEX \`idx_notification_developer\` ON \`notification\``);
        await queryRunner.query(`DROP TABLE \`notification\``);
        await queryRunner.query(`DROP TABLE \`emergency_grant\``);
    }

}
