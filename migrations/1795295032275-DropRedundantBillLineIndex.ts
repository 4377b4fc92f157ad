import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * bill_line loses idx_bill_line_bill (bill_id): the primary key (bill_id, position) already serves
 * lookups by bill, and every line of a billing run paid for the second index.
 */
export class DropRedundantBillLineIndex1795295032275 implements MigrationInterface {
    name = 'DropRedundantBillLineIndex1795295032275'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_bill_line_bill\` ON \`bill_line\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`idx_bill_line_bill\` ON \`bill_line\` (\`bill_id\`)`);
    }

}
