import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One outbound delivery mechanism (issue 19): market production notifications are delivered through
 * the outbox (`outbound_message`, channel PRODUCTION, one row per `market_notification`), like
 * webhooks, email and SMS. `market_notification` stays the provider's record (error count, last
 * error, reset); its undelivered rows (PENDING and STOPPED) get their outbox row here, with their
 * attempts, schedule and last error.
 */
export class UnifiedOutbox1796172000000 implements MigrationInterface {
    name = 'UnifiedOutbox1796172000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`outbound_message\` MODIFY \`channel\` enum ('WEBHOOK', 'EMAIL', 'SMS', 'PRODUCTION') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`outbound_message\` ADD \`market_notification_id\` bigint UNSIGNED NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX \`uq_outbound_message_market_notification\` ON \`outbound_message\` (\`market_notification_id\`)`);
        await queryRunner.query(
            `INSERT INTO \`outbound_message\` (\`channel\`, \`developer_id\`, \`endpoint_id\`, \`notification_id\`, \`kind\`, \`target\`, \`payload\`, \`status\`, \`attempts\`, \`next_attempt_at\`, \`last_error\`, \`delivered_at\`, \`replay_of\`, \`created_at\`, \`market_notification_id\`)
             SELECT 'PRODUCTION', n.\`provider_id\`, NULL, NULL, CONCAT('PRODUCTION_', n.\`action\`), '', JSON_OBJECT(), n.\`status\`, n.\`total_attempts\`, n.\`next_attempt_at\`, LEFT(n.\`last_error\`, 300), NULL, NULL, n.\`created_at\`, n.\`id\`
               FROM \`market_notification\` n WHERE n.\`status\` IN ('PENDING', 'STOPPED')`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // market_notification kept every state the outbox changed, so the outbox rows can go.
        await queryRunner.query(`DELETE FROM \`outbound_attempt\` WHERE \`message_id\` IN (SELECT \`id\` FROM \`outbound_message\` WHERE \`channel\` = 'PRODUCTION')`);
        await queryRunner.query(`DELETE FROM \`outbound_message\` WHERE \`channel\` = 'PRODUCTION'`);
        await queryRunner.query(`DROP INDEX \`uq_outbound_message_market_notification\` ON \`outbound_message\``);
        await queryRunner.query(`ALTER TABLE \`outbound_message\` DROP COLUMN \`market_notification_id\``);
        await queryRunner.query(`ALTER TABLE \`outbound_message\` MODIFY \`channel\` enum ('WEBHOOK', 'EMAIL', 'SMS') NOT NULL`);
    }
}
