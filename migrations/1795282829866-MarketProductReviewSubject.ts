import { MigrationInterface, QueryRunner } from "typeorm";

/** review_round.subject_type gains MARKET_PRODUCT: product listings go through the review rounds. */
export class MarketProductReviewSubject1795282829866 implements MigrationInterface {
    name = 'MarketProductReviewSubject1795282829866'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_review_round_subject_no\` ON \`review_round\``);
        await queryRunner.query(`ALTER TABLE \`review_round\` CHANGE \`subject_type\` \`subject_type\` enum ('APP', 'MARKET_PRODUCT') NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX \`uq_review_round_subject_no\` ON \`review_round\` (\`subject_type\`, \`subject_id\`, \`round_no\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_review_round_subject_no\` ON \`review_round\``);
        await queryRunner.query(`ALTER TABLE \`review_round\` CHANGE \`subject_type\` \`subject_type\` enum ('APP') NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX \`uq_review_round_subject_no\` ON \`review_round\` (\`subject_type\`, \`subject_id\`, \`round_no\`)`);
    }

}
