import { MigrationInterface, QueryRunner } from "typeorm";

export class CloudMarket1795282829865 implements MigrationInterface {
    name = 'CloudMarket1795282829865'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`market_product\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`provider_id\` varchar(64) NOT NULL, \`name\` varchar(60) NOT NULL, \`sale_mode\` enum ('BY_CYCLE', 'ONE_TIME') NOT NULL, \`visible\` tinyint NOT NULL DEFAULT 1, \`endpoint_url\` varchar(500) NULL, \`needs_buyer_phone\` tinyint NOT NULL DEFAULT 0, \`needs_buyer_email\` tinyint NOT NULL DEFAULT 0, \`status\` enum ('DRAFT', 'IN_REVIEW', 'LISTED', 'REJECTED') NOT NULL DEFAULT 'DRAFT', \`submitted_at\` datetime(3) NULL, \`listed_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_market_product_provider\` (\`provider_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`market_version\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`product_id\` bigint UNSIGNED NOT NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(20) NOT NULL, \`display_order\` int NOT NULL, \`hidden\` tinyint NOT NULL DEFAULT 0, \`trial_days\` int NULL, \`month_new\` decimal(12,2) NULL, \`month_renew\` decimal(12,2) NULL, \`year_new\` decimal(12,2) NULL, \`year_renew\` decimal(12,2) NULL, \`one_time\` decimal(12,2) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_market_version_code\` (\`code\`), INDEX \`idx_market_version_product\` (\`product_id\`, \`display_order\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`market_billing_item\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`version_id\` bigint UNSIGNED NOT NULL, \`position\` int NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(40) NOT NULL, \`kind\` enum ('QUANTITY', 'ENUM') NOT NULL, \`unit\` varchar(20) NULL, \`minimum\` int NULL, UNIQUE INDEX \`uq_market_billing_item_code\` (\`version_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`market_billing_price\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` bigint UNSIGNED NOT NULL, \`position\` int NOT NULL, \`tier_from\` int NULL, \`enum_value\` varchar(40) NULL, \`month_new\` decimal(12,2) NULL, \`month_renew\` decimal(12,2) NULL, \`year_new\` decimal(12,2) NULL, \`year_renew\` decimal(12,2) NULL, \`one_time\` decimal(12,2) NULL, INDEX \`idx_market_billing_price_item\` (\`item_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`market_notification\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`idempotency_key\` varchar(64) NOT NULL, \`provider_id\` varchar(64) NOT NULL, \`product_id\` bigint UNSIGNED NOT NULL, \`subscription_id\` bigint UNSIGNED NOT NULL, \`order_id\` bigint UNSIGNED NULL, \`action\` enum ('NEW', 'RENEW', 'UPGRADE', 'RELEASE') NOT NULL, \`payload\` json NOT NULL, \`status\` enum ('PENDING', 'DELIVERED', 'STOPPED') NOT NULL DEFAULT 'PENDING', \`errors\` int NOT NULL DEFAULT '0', \`total_attempts\` int NOT NULL DEFAULT '0', \`last_error\` varchar(500) NULL, \`last_attempt_at\` datetime(3) NULL, \`next_attempt_at\` datetime(3) NULL, \`delivered_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_market_notification_key\` (\`idempotency_key\`), INDEX \`idx_market_notification_provider\` (\`provider_id\`, \`status\`), INDEX \`idx_market_notification_due\` (\`status\`, \`next_attempt_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`market_order\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`buyer_id\` varchar(64) NOT NULL, \`product_id\` bigint UNSIGNED NOT NULL, \`version_id\` bigint UNSIGNED NOT NULL, \`subscription_id\` bigint UNSIGNED NOT NULL, \`type\` enum ('NEW', 'RENEW', 'UPGRADE') NOT NULL, \`trial\` tinyint NOT NULL DEFAULT 0, \`cycle\` enum ('MONTH', 'YEAR', 'ONE_TIME') NOT NULL, \`length\` int NOT NULL, \`quantities\` json NOT NULL, \`choices\` json NOT NULL, \`amount\` decimal(12,2) NOT NULL, \`lines\` json NOT NULL, \`buyer_phone\` varchar(30) NULL, \`buyer_email\` varchar(200) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_market_order_buyer\` (\`buyer_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`market_subscription\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`buyer_id\` varchar(64) NOT NULL, \`product_id\` bigint UNSIGNED NOT NULL, \`version_id\` bigint UNSIGNED NOT NULL, \`cycle\` enum ('MONTH', 'YEAR', 'ONE_TIME') NOT NULL, \`trial\` tinyint NOT NULL DEFAULT 0, \`quantities\` json NOT NULL, \`choices\` json NOT NULL, \`starts_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NULL, \`status\` enum ('ACTIVE', 'CLOSED', 'RELEASED') NOT NULL DEFAULT 'ACTIVE', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_market_subscription_expiry\` (\`status\`, \`expires_at\`), INDEX \`idx_market_subscription_buyer\` (\`buyer_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`market_upgrade_rule\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`product_id\` bigint UNSIGNED NOT NULL, \`from_version_id\` bigint UNSIGNED NOT NULL, \`to_version_id\` bigint UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_market_upgrade_rule\` (\`from_version_id\`, \`to_version_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`market_product\` ADD CONSTRAINT \`fk_market_product_provider\` FOREIGN KEY (\`provider_id\`) REFERENCES \`developer\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`market_version\` ADD CONSTRAINT \`fk_market_version_product\` FOREIGN KEY (\`product_id\`) REFERENCES \`market_product\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`market_billing_item\` ADD CONSTRAINT \`fk_market_billing_item_version\` FOREIGN KEY (\`version_id\`) REFERENCES \`market_version\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`market_billing_price\` ADD CONSTRAINT \`fk_market_billing_price_item\` FOREIGN KEY (\`item_id\`) REFERENCES \`market_billing_item\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`market_upgrade_rule\` ADD CONSTRAINT \`fk_market_upgrade_from\` FOREIGN KEY (\`from_version_id\`) REFERENCES \`market_version\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`market_upgrade_rule\` ADD CONSTRAINT \`fk_market_upgrade_to\` FOREIGN KEY (\`to_version_id\`) REFERENCES \`market_version\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`market_upgrade_rule\` DROP FOREIGN KEY \`fk_market_upgrade_to\``);
        await queryRunner.query(`ALTER TABLE \`market_upgrade_rule\` DROP FOREIGN KEY \`fk_market_upgrade_from\``);
        await queryRunner.query(`ALTER TABLE \`market_billing_price\` DROP FOREIGN KEY \`fk_market_billing_price_item\``);
        await queryRunner.query(`ALTER TABLE \`market_billing_item\` DROP FOREIGN KEY \`fk_market_billing_item_version\``);
        await queryRunner.query(`ALTER TABLE \`market_version\` DROP FOREIGN KEY \`fk_market_version_product\``);
        await queryRunner.query(`ALTER TABLE \`market_product\` DROP FOREIGN KEY \`fk_market_product_provider\``);
        await queryRunner.query(`DROP INDEX \`uq_market_upgrade_rule\` ON \`market_upgrade_rule\``);
        await queryRunner.query(`DROP TABLE \`market_upgrade_rule\``);
        await queryRunner.query(`DROP INDEX \`idx_market_subscription_buyer\` ON \`market_subscription\``);
        await queryRunner.query(`DROP INDEX \`idx_market_subscription_expiry\` ON \`market_subscription\``);
        await queryRunner.query(`DROP TABLE \`market_subscription\``);
        await queryRunner.query(`DROP INDEX \`idx_market_order_buyer\` ON \`market_order\``);
        await queryRunner.query(`DROP TABLE \`market_order\``);
        await queryRunner.query(`DROP INDEX \`idx_market_notification_due\` ON \`market_notification\``);
        await queryRunner.query(`DROP INDEX \`idx_market_notification_provider\` ON \`market_notification\``);
        await queryRunner.query(`DROP INDEX \`uq_market_notification_key\` ON \`market_notification\``);
        await queryRunner.query(`DROP TABLE \`market_notification\``);
        await queryRunner.query(`DROP INDEX \`idx_market_billing_price_item\` ON \`market_billing_price\``);
        await queryRunner.query(`DROP TABLE \`market_billing_price\``);
        await queryRunner.query(`DROP INDEX \`uq_market_billing_item_code\` ON \`market_billing_item\``);
        await queryRunner.query(`DROP TABLE \`market_billing_item\``);
        await queryRunner.query(`DROP INDEX \`idx_market_version_product\` ON \`market_version\``);
        await queryRunner.query(`DROP INDEX \`uq_market_version_code\` ON \`market_version\``);
        await queryRunner.query(`DROP TABLE \`market_version\``);
        await queryRunner.query(`DROP INDEX \`idx_market_product_provider\` ON \`market_product\``);
        await queryRunner.query(`DROP TABLE \`market_product\``);
    }

}
