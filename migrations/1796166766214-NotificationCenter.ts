import { MigrationInterface, QueryRunner } from "typeorm";

export class NotificationCenter1796166766214 implements MigrationInterface {
    name = 'NotificationCenter1796166766214'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`notification_settings\` (\`developer_id\` varchar(64) NOT NULL, \`email\` varchar(200) NULL, \`phone\` varchar(30) NULL, \`low_balance_threshold\` decimal(16,2) NULL, \`low_balance_notified\` tinyint NOT NULL DEFAULT '0', \`preferences\` json NOT NULL, PRIMARY KEY (\`developer_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`outbound_attempt\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`message_id\` bigint UNSIGNED NOT NULL, \`at\` datetime(3) NOT NULL, \`outcome\` varchar(20) NOT NULL, \`http_status\` smallint UNSIGNED NULL, \`duration_ms\` int UNSIGNED NOT NULL, \`detail\` varchar(300) NOT NULL, INDEX \`idx_outbound_attempt_message\` (\`message_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`outbound_message\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`channel\` enum ('WEBHOOK', 'EMAIL', 'SMS') NOT NULL, \`developer_id\` varchar(64) NOT NULL, \`endpoint_id\` bigint UNSIGNED NULL, \`notification_id\` bigint UNSIGNED NULL, \`kind\` varchar(40) NOT NULL, \`target\` varchar(500) NOT NULL, \`payload\` json NOT NULL, \`status\` enum ('PENDING', 'DELIVERED', 'STOPPED') NOT NULL DEFAULT 'PENDING', \`attempts\` int NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(3) NULL, \`last_error\` varchar(300) NULL, \`delivered_at\` datetime(3) NULL, \`replay_of\` bigint UNSIGNED NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_outbound_message_developer\` (\`developer_id\`, \`id\`), INDEX \`idx_outbound_message_endpoint\` (\`endpoint_id\`, \`id\`), INDEX \`idx_outbound_message_due\` (\`status\`, \`next_attempt_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`webhook_endpoint\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`developer_id\` varchar(64) NOT NULL, \`url\` varchar(500) NOT NULL, \`secret_sealed\` varchar(300) NOT NULL, \`active\` tinyint NOT NULL DEFAULT '1', \`created_at\` datetime(3) NOT NULL, \`secret_rotated_at\` datetime(3) NULL, INDEX \`idx_webhook_endpoint_developer\` (\`developer_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD \`title\` varchar(100) NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD \`link_type\` varchar(40) NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD \`link_id\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD \`read_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD \`dedupe_key\` varchar(120) NULL`);
        await queryRunner.query(`ALTER TABLE \`notification\` ADD \`data\` json NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX \`uq_notification_dedupe\` ON \`notification\` (\`developer_id\`, \`dedupe_key\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_notification_unread\` ON \`notification\` (\`developer_id\`, \`read_at\`, \`id\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_notification_unread\` ON \`notification\``);
        await queryRunner.query(`DROP INDEX \`uq_notification_dedupe\` ON \`notification\``);
        await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`data\``);
        await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`dedupe_key\``);
        await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`read_at\``);
        await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`link_id\``);
        await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`link_type\``);
        await queryRunner.query(`ALTER TABLE \`notification\` DROP COLUMN \`title\``);
        await queryRunner.query(`DROP INDEX \`idx_webhook_endpoint_developer\` ON \`webhook_endpoint\``);
        await queryRunner.query(`DROP TABLE \`webhook_endpoint\``);
        await queryRunner.query(`DROP INDEX \`idx_outbound_message_due\` ON \`outbound_message\``);
        await queryRunner.query(`DROP INDEX \`idx_outbound_message_endpoint\` ON \`outbound_message\``);
        await queryRunner.query(`DROP INDEX \`idx_outbound_message_developer\` ON \`outbound_message\``);
        await queryRunner.query(`DROP TABLE \`outbound_message\``);
        await queryRunner.query(`DROP INDEX \`idx_outbound_attempt_message\` ON \`outbound_attempt\``);
        await queryRunner.query(`DROP TABLE \`outbound_attempt\``);
        await queryRunner.query(`DROP TABLE \`notification_settings\``);
    }

}
