import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Package and member-capability applications are reviewed in rounds (issue 13): each application
 * gets its round (`subject_type` PACKAGE_APPLICATION / MEMBER_CAPABILITY_APPLICATION, round 1),
 * which holds its due time, decision and feedback thread. Existing applications' due and decision
 * columns are copied into their rounds, then dropped from the applications. The member-capability
 * rejection codes and strike flag stay on the application: they are the strike rule's input (the
 * round's `reasons` hold app rejection reasons).
 */
export class ApplicationRounds1796190000000 implements MigrationInterface {
    name = 'ApplicationRounds1796190000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`review_round\` CHANGE \`subject_type\` \`subject_type\` enum ('APP', 'MARKET_PRODUCT', 'PACKAGE_APPLICATION', 'MEMBER_CAPABILITY_APPLICATION') NOT NULL`);
        await queryRunner.query(`INSERT INTO \`review_round\` (\`subject_type\`, \`subject_id\`, \`owner_id\`, \`tag_code\`, \`round_no\`, \`status\`, \`submitted_by\`, \`submitted_at\`, \`due_at\`, \`due_provisional\`, \`decided_by\`, \`decided_at\`, \`reasons\`, \`explanation\`)
            SELECT 'PACKAGE_APPLICATION', CAST(a.\`id\` AS CHAR), a.\`developer_id\`, app.\`tag_code\`, 1, a.\`status\`, a.\`developer_id\`, a.\`submitted_at\`, a.\`due_at\`, a.\`due_provisional\`, a.\`decided_by\`, a.\`decided_at\`, JSON_ARRAY(), a.\`rejection_reason\`
              FROM \`package_application\` a JOIN \`app\` ON app.\`id\` = a.\`app_id\` ORDER BY a.\`id\``);
        await queryRunner.query(`INSERT INTO \`review_round\` (\`subject_type\`, \`subject_id\`, \`owner_id\`, \`tag_code\`, \`round_no\`, \`status\`, \`submitted_by\`, \`submitted_at\`, \`due_at\`, \`due_provisional\`, \`decided_by\`, \`decided_at\`, \`reasons\`, \`explanation\`)
            SELECT 'MEMBER_CAPABILITY_APPLICATION', CAST(m.\`id\` AS CHAR), m.\`developer_id\`, NULL, 1, m.\`status\`, m.\`developer_id\`, m.\`submitted_at\`, m.\`due_at\`, m.\`due_provisional\`, m.\`decided_by\`, m.\`decided_at\`, JSON_ARRAY(), m.\`rejection_note\`
              FROM \`member_capability_application\` m ORDER BY m.\`id\``);
        await queryRunner.query(`DROP INDEX \`idx_package_application_queue\` ON \`package_application\``);
        await queryRunner.query(`ALTER TABLE \`package_application\` DROP COLUMN \`due_at\`, DROP COLUMN \`due_provisional\`, DROP COLUMN \`decided_at\`, DROP COLUMN \`decided_by\`, DROP COLUMN \`rejection_reason\``);
        await queryRunner.query(`DROP INDEX \`idx_mc_application_queue\` ON \`member_capability_application\``);
        await queryRunner.query(`ALTER TABLE \`member_capability_application\` DROP COLUMN \`due_at\`, DROP COLUMN \`due_provisional\`, DROP COLUMN \`decided_at\`, DROP COLUMN \`decided_by\`, DROP COLUMN \`rejection_note\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`member_capability_application\` ADD \`due_at\` datetime(3) NULL, ADD \`due_provisional\` tinyint NOT NULL DEFAULT 0, ADD \`decided_at\` datetime(3) NULL, ADD \`decided_by\` varchar(64) NULL, ADD \`rejection_note\` varchar(1000) NULL`);
        await queryRunner.query(`UPDATE \`member_capability_application\` m JOIN \`review_round\` r ON r.\`subject_type\` = 'MEMBER_CAPABILITY_APPLICATION' AND r.\`subject_id\` = CAST(m.\`id\` AS CHAR)
            SET m.\`due_at\` = r.\`due_at\`, m.\`due_provisional\` = r.\`due_provisional\`, m.\`decided_at\` = r.\`decided_at\`, m.\`decided_by\` = r.\`decided_by\`, m.\`rejection_note\` = LEFT(r.\`explanation\`, 1000)`);
        await queryRunner.query(`UPDATE \`member_capability_application\` SET \`due_at\` = \`submitted_at\` WHERE \`due_at\` IS NULL`);
        await queryRunner.query(`ALTER TABLE \`member_capability_application\` MODIFY \`due_at\` datetime(3) NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_mc_application_queue\` ON \`member_capability_application\` (\`status\`, \`due_at\`)`);
        await queryRunner.query(`ALTER TABLE \`package_application\` ADD \`due_at\` datetime(3) NULL, ADD \`due_provisional\` tinyint NOT NULL DEFAULT 0, ADD \`decided_at\` datetime(3) NULL, ADD \`decided_by\` varchar(64) NULL, ADD \`rejection_reason\` varchar(1000) NULL`);
        await queryRunner.query(`UPDATE \`package_application\` a JOIN \`review_round\` r ON r.\`subject_type\` = 'PACKAGE_APPLICATION' AND r.\`subject_id\` = CAST(a.\`id\` AS CHAR)
            SET a.\`due_at\` = r.\`due_at\`, a.\`due_provisional\` = r.\`due_provisional\`, a.\`decided_at\` = r.\`decided_at\`, a.\`decided_by\` = r.\`decided_by\`, a.\`rejection_reason\` = LEFT(r.\`explanation\`, 1000)`);
        await queryRunner.query(`UPDATE \`package_application\` SET \`due_at\` = \`submitted_at\` WHERE \`due_at\` IS NULL`);
        await queryRunner.query(`ALTER TABLE \`package_application\` MODIFY \`due_at\` datetime(3) NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_package_application_queue\` ON \`package_application\` (\`status\`, \`due_at\`)`);
        // Their threads go with the rounds (ON DELETE CASCADE); their review events are deleted first.
        await queryRunner.query(`DELETE e FROM \`review_event\` e JOIN \`review_round\` r ON r.\`id\` = e.\`round_id\` WHERE r.\`subject_type\` IN ('PACKAGE_APPLICATION', 'MEMBER_CAPABILITY_APPLICATION')`);
        await queryRunner.query(`DELETE FROM \`review_round\` WHERE \`subject_type\` IN ('PACKAGE_APPLICATION', 'MEMBER_CAPABILITY_APPLICATION')`);
        await queryRunner.query(`ALTER TABLE \`review_round\` CHANGE \`subject_type\` \`subject_type\` enum ('APP', 'MARKET_PRODUCT') NOT NULL`);
    }

}
