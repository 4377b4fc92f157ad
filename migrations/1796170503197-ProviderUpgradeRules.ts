import { MigrationInterface, QueryRunner } from "typeorm";

export class ProviderUpgradeRules1796170503197 implements MigrationInterface {
    name = 'ProviderUpgradeRules1796170503197'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`market_upgrade_rule\` ADD \`set_by_role\` varchar(10) NOT NULL DEFAULT 'OPERATOR'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`market_upgrade_rule\` DROP COLUMN \`set_by_role\``);
    }

}
