import { MigrationInterface, QueryRunner } from "typeorm";

export class ReviewAssignment1796169188172 implements MigrationInterface {
    name = 'ReviewAssignment1796169188172'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`review_assignment\` (\`item_kind\` enum ('REVIEW_ROUND', 'PACKAGE_APPLICATION', 'MEMBER_CAPABILITY_APPLICATION') NOT NULL, \`item_id\` bigint UNSIGNED NOT NULL, \`assignee_id\` varchar(64) NOT NULL, \`assigned_by\` varchar(64) NOT NULL, \`assigned_at\` datetime(3) NOT NULL, INDEX \`idx_review_assignment_assignee\` (\`assignee_id\`, \`item_kind\`), PRIMARY KEY (\`item_kind\`, \`item_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`review_lead\` (\`reviewer_id\` varchar(64) NOT NULL, \`granted_by\` varchar(64) NOT NULL, \`granted_at\` datetime(3) NOT NULL, PRIMARY KEY (\`reviewer_id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`review_lead\``);
        await queryRunner.query(`DROP INDEX \`idx_review_assignment_assignee\` ON \`review_assignment\``);
        await queryRunner.query(`DROP TABLE \`review_assignment\``);
    }

}
