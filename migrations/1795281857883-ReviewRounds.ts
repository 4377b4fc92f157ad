import { MigrationInterface, QueryRunner } from "typeorm";

export class ReviewRounds1795281857883 implements MigrationInterface {
    name = 'ReviewRounds1795281857883'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`review_event\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`round_id\` bigint UNSIGNED NOT NULL, \`action\` enum ('SUBMITTED', 'APPROVED', 'REJECTED', 'FEEDBACK_POSTED') NOT NULL, \`actor_id\` varchar(64) NOT NULL, \`actor_role\` varchar(20) NOT NULL, \`at\` datetime(3) NOT NULL, \`detail\` json NOT NULL, INDEX \`idx_review_event_round\` (\`round_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`review_message\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`round_id\` bigint UNSIGNED NOT NULL, \`author_id\` varchar(64) NOT NULL, \`author_role\` enum ('DEVELOPER', 'REVIEWER') NOT NULL, \`body\` text NOT NULL, \`posted_at\` datetime(3) NOT NULL, INDEX \`idx_review_message_round\` (\`round_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`review_round\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`subject_type\` enum ('APP') NOT NULL, \`subject_id\` varchar(40) NOT NULL, \`owner_id\` varchar(64) NOT NULL, \`tag_code\` varchar(40) NULL, \`round_no\` int NOT NULL, \`status\` enum ('PENDING', 'APPROVED', 'REJECTED') NOT NULL DEFAULT 'PENDING', \`submitted_by\` varchar(64) NOT NULL, \`submitted_at\` datetime(3) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`due_provisional\` tinyint NOT NULL DEFAULT 0, \`decided_by\` varchar(64) NULL, \`decided_at\` datetime(3) NULL, \`reasons\` json NOT NULL, \`explanation\` text NULL, INDEX \`idx_review_round_tag\` (\`tag_code\`), INDEX \`idx_review_round_queue\` (\`status\`, \`due_at\`, \`id\`), UNIQUE INDEX \`uq_review_round_subject_no\` (\`subject_type\`, \`subject_id\`, \`round_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`review_message\` ADD CONSTRAINT \`fk_review_message_round\` FOREIGN KEY (\`round_id\`) REFERENCES \`review_round\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`review_message\` DROP FOREIGN KEY \`fk_review_message_round\``);
        await queryRunner.query(`DROP INDEX \`uq_review_round_subject_no\` ON \`review_round\``);
        await queryRunner.query(`DROP INDEX \`idx_review_round_queue\` ON \`review_round\``);
        await queryRunner.query(`DROP INDEX \`idx_review_round_tag\` ON \`review_round\``);
        await queryRunner.query(`DROP TABLE \`review_round\``);
        await queryRunner.query(`DROP INDEX \`idx_review_message_round\` ON \`review_message\``);
        await queryRunner.query(`DROP TABLE \`review_message\``);
        await queryRunner.query(`DROP INDEX \`idx_review_event_round\` ON \`review_event\``);
        await queryRunner.query(`DROP TABLE \`review_event\``);
    }

}
