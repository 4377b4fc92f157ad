import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Billing runs in shards (issue 16): billing_run (the run, its clock, shard counts) and billing_shard
 * (an owner range with its state, lease owner and expiry, attempts and counters), and the app index
 * (billing_platform, owner_id, id) that shard planning and each shard's keyset paging walk.
 */
export class BillingShards1796167456562 implements MigrationInterface {
    name = 'BillingShards1796167456562'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`billing_run\` (\`id\` varchar(36) NOT NULL, \`platform\` enum ('TAOBAO', 'DOUYIN') NOT NULL, \`period\` varchar(10) NOT NULL, \`price_list_id\` varchar(40) NOT NULL, \`as_of\` datetime(3) NOT NULL, \`state\` enum ('RUNNING', 'DONE') NOT NULL DEFAULT 'RUNNING', \`shard_count\` int UNSIGNED NOT NULL, \`shards_done\` int UNSIGNED NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`finished_at\` datetime(3) NULL, INDEX \`idx_billing_run_platform_period\` (\`platform\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`billing_shard\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`run_id\` varchar(36) NOT NULL, \`shard_no\` int UNSIGNED NOT NULL, \`owner_after\` varchar(64) NULL, \`owner_upto\` varchar(64) NULL, \`state\` enum ('PENDING', 'CLAIMED', 'DONE') NOT NULL DEFAULT 'PENDING', \`lease_owner\` varchar(100) NULL, \`lease_expires_at\` datetime(3) NULL, \`attempts\` int UNSIGNED NOT NULL DEFAULT '0', \`apps_billed\` int UNSIGNED NOT NULL DEFAULT '0', \`bills_created\` int UNSIGNED NOT NULL DEFAULT '0', \`lines_written\` int UNSIGNED NOT NULL DEFAULT '0', \`total\` decimal(20,2) NOT NULL DEFAULT '0.00', \`last_error\` varchar(500) NULL, \`finished_at\` datetime(3) NULL, UNIQUE INDEX \`uq_billing_shard_run_no\` (\`run_id\`, \`shard_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE INDEX \`idx_app_platform_owner\` ON \`app\` (\`billing_platform\`, \`owner_id\`, \`id\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_app_platform_owner\` ON \`app\``);
        await queryRunner.query(`DROP INDEX \`uq_billing_shard_run_no\` ON \`billing_shard\``);
        await queryRunner.query(`DROP TABLE \`billing_shard\``);
        await queryRunner.query(`DROP INDEX \`idx_billing_run_platform_period\` ON \`billing_run\``);
        await queryRunner.query(`DROP TABLE \`billing_run\``);
    }

}
