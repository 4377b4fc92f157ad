import { MigrationInterface, QueryRunner } from "typeorm";

/** Every version of price lists and coupon policies: who, when, what, and any re-rate (issue 17). */
export class PriceListHistory1796176612190 implements MigrationInterface {
    name = 'PriceListHistory1796176612190'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`price_version\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`subject\` enum ('PRICE_LIST', 'COUPON_POLICY') NOT NULL, \`subject_id\` varchar(40) NOT NULL, \`version\` int UNSIGNED NOT NULL, \`platform\` enum ('TAOBAO', 'DOUYIN') NOT NULL, \`body\` json NOT NULL, \`actor\` varchar(100) NOT NULL, \`changed_at\` datetime(3) NOT NULL, \`first_affected_day\` date NULL, \`rerate\` tinyint NOT NULL DEFAULT 0, \`rerate_summary\` json NULL, INDEX \`idx_price_version_changed\` (\`changed_at\`, \`id\`), UNIQUE INDEX \`uq_price_version_subject\` (\`subject\`, \`subject_id\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`price_version\``);
    }

}
