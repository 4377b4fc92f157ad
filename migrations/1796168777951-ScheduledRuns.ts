import { MigrationInterface, QueryRunner } from "typeorm";

export class ScheduledRuns1796168777951 implements MigrationInterface {
    name = 'ScheduledRuns1796168777951'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`scheduled_job_run\` (\`job\` varchar(40) NOT NULL, \`period\` varchar(10) NOT NULL, \`state\` enum ('PENDING', 'RUNNING', 'DONE', 'FAILED') NOT NULL DEFAULT 'PENDING', \`due_at\` datetime(3) NOT NULL, \`attempts\` int UNSIGNED NOT NULL DEFAULT '0', \`lease_owner\` varchar(100) NULL, \`lease_expires_at\` datetime(3) NULL, \`next_attempt_at\` datetime(3) NULL, \`run_id\` varchar(36) NULL, \`last_error\` varchar(500) NULL, \`started_at\` datetime(3) NULL, \`finished_at\` datetime(3) NULL, \`summary\` json NULL, INDEX \`idx_scheduled_job_run_due\` (\`state\`, \`due_at\`), PRIMARY KEY (\`job\`, \`period\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`billing_run\` ADD \`trigger\` enum ('SCHEDULE', 'OPERATOR', 'CLI') NOT NULL DEFAULT 'OPERATOR'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`billing_run\` DROP COLUMN \`trigger\``);
        await queryRunner.query(`DROP INDEX \`idx_scheduled_job_run_due\` ON \`scheduled_job_run\``);
        await queryRunner.query(`DROP TABLE \`scheduled_job_run\``);
    }

}
