import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarDay1795281659971 implements MigrationInterface {
    name = 'CalendarDay1795281659971'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`calendar_day\` (\`date\` char(10) NOT NULL, \`kind\` enum ('OFF', 'WORKDAY') NOT NULL, \`note\` varchar(100) NOT NULL DEFAULT '', \`updated_by\` varchar(64) NOT NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`date\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`calendar_day\``);
    }

}
