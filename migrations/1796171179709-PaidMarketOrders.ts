import { MigrationInterface, QueryRunner } from "typeorm";

export class PaidMarketOrders1796171179709 implements MigrationInterface {
    name = 'PaidMarketOrders1796171179709'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`market_order\` ADD \`idempotency_key\` varchar(100) NULL`);
        await queryRunner.query(`ALTER TABLE \`ledger_entry\` CHANGE \`kind\` \`kind\` enum ('RECHARGE', 'CHARGE', 'COUPON', 'ADJUSTMENT', 'DEPOSIT_DEDUCTION', 'FORFEIT', 'MARKET_ORDER') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_market_order_product\` ON \`market_order\` (\`product_id\`, \`created_at\`)`);
        await queryRunner.query(`CREATE UNIQUE INDEX \`uq_market_order_buyer_key\` ON \`market_order\` (\`buyer_id\`, \`idempotency_key\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_market_order_buyer_key\` ON \`market_order\``);
        await queryRunner.query(`DROP INDEX \`idx_market_order_product\` ON \`market_order\``);
        // Market order entries stay money out: without their kind they read as charges (the sum, the balance, is unchanged).
        await queryRunner.query(`UPDATE \`ledger_entry\` SET \`kind\` = 'CHARGE' WHERE \`kind\` = 'MARKET_ORDER'`);
        await queryRunner.query(`ALTER TABLE \`ledger_entry\` CHANGE \`kind\` \`kind\` enum ('RECHARGE', 'CHARGE', 'COUPON', 'ADJUSTMENT', 'DEPOSIT_DEDUCTION', 'FORFEIT') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`market_order\` DROP COLUMN \`idempotency_key\``);
    }

}
