import { MigrationInterface, QueryRunner } from "typeorm";

export class AppSecrets1796167878685 implements MigrationInterface {
    name = 'AppSecrets1796167878685'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`app_secret\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`app_id\` bigint UNSIGNED NOT NULL, \`version\` int NOT NULL, \`ciphertext\` varbinary(128) NOT NULL, \`iv\` binary(12) NOT NULL, \`auth_tag\` binary(16) NOT NULL, \`key_id\` varchar(32) NOT NULL, \`valid_from\` datetime(3) NOT NULL, \`valid_until\` datetime(3) NULL, \`issued_by\` varchar(64) NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_app_secret_version\` (\`app_id\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`app_secret\` ADD CONSTRAINT \`fk_app_secret_app\` FOREIGN KEY (\`app_id\`) REFERENCES \`app\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`app_secret\` DROP FOREIGN KEY \`fk_app_secret_app\``);
        await queryRunner.query(`DROP INDEX \`uq_app_secret_version\` ON \`app_secret\``);
        await queryRunner.query(`DROP TABLE \`app_secret\``);
    }

}
