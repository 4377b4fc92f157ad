import { MigrationInterface, QueryRunner } from "typeorm";

/** developer.closed_at (account closure, DOMAIN §6) and the FORFEIT ledger kind (a balance given up on closing). */
export class AccountClosure1795291882460 implements MigrationInterface {
    name = 'AccountClosure1795291882460'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`developer\` ADD \`closed_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`ledger_entry\` CHANGE \`kind\` \`kind\` enum ('RECHARGE', 'CHARGE', 'COUPON', 'ADJUSTMENT', 'DEPOSIT_DEDUCTION', 'FORFEIT') NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`ledger_entry\` CHANGE \`kind\` \`kind\` enum ('RECHARGE', 'CHARGE', 'COUPON', 'ADJUSTMENT', 'DEPOSIT_DEDUCTION') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`developer\` DROP COLUMN \`closed_at\``);
    }

}
