import { MigrationInterface, QueryRunner } from "typeorm";

export class PartnerGrantAndAudit1795281867380 implements MigrationInterface {
    name = 'PartnerGrantAndAudit1795281867380'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL, \`actor_role\` varchar(20) NOT NULL, \`actor_id\` varchar(64) NOT NULL, \`action\` varchar(64) NOT NULL, \`entity_type\` varchar(40) NOT NULL, \`entity_id\` varchar(64) NOT NULL, \`before\` json NULL, \`after\` json NULL, INDEX \`idx_audit_entry_entity\` (\`entity_type\`, \`entity_id\`, \`id\`), INDEX \`idx_audit_entry_actor\` (\`actor_id\`, \`id\`), INDEX \`idx_audit_entry_action\` (\`action\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`partner_grant\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`developer_id\` varchar(64) NOT NULL, \`partner_id\` varchar(64) NOT NULL, \`granted_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, INDEX \`idx_partner_grant_partner\` (\`partner_id\`, \`revoked_at\`), UNIQUE INDEX \`uq_partner_grant_pair\` (\`developer_id\`, \`partner_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`partner_grant\` ADD CONSTRAINT \`fk_partner_grant_developer\` FOREIGN KEY (\`developer_id\`) REFERENCES \`developer\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`partner_grant\` DROP FOREIGN KEY \`fk_partner_grant_developer\``);
        await queryRunner.query(`DROP INDEX \`uq_partner_grant_pair\` ON \`partner_grant\``);
        await queryRunner.query(`DROP INDEX \`idx_partner_grant_partner\` ON \`partner_grant\``);
        await queryRunner.query(`DROP TABLE \`partner_grant\``);
        await queryRunner.query(`DROP INDEX \`idx_audit_entry_action\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`idx_audit_entry_actor\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`idx_audit_entry_entity\` ON \`audit_entry\``);
        await queryRunner.query(`DROP TABLE \`audit_entry\``);
    }

}
