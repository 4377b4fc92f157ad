import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Repairs JSON enum arrays written while validation used `value in Enum` (which let
 * "constructor", "toString", "__proto__" … through): app.declared_functions and
 * review_round.reasons keep only known values; the rows made unreadable through GraphQL read
 * again. The values known at this migration are frozen here (a later enum change must not alter
 * what this step did). Every changed row's original JSON is kept in
 * repair_unknown_enum_value so `down` puts it back.
 */
const KNOWN: Record<string, { table: string; column: string; values: readonly string[] }> = {
    declaredFunctions: {
        table: 'app',
        column: 'declared_functions',
        values: ['PERFORMANCE_APPRAISAL', 'ORDER_MANAGEMENT', 'PRODUCT_MANAGEMENT', 'CUSTOMER_SERVICE', 'MARKETING', 'LOGISTICS', 'DATA_ANALYSIS'],
    },
    reasons: {
        table: 'review_round',
        column: 'reasons',
        values: [
            'DISPLAYS_USER_PRIVATE_DATA', 'OWN_REGISTRATION_OR_LOGIN', 'HARASSES_USERS_OR_CHANGES_BROWSING_PATH', 'IMAGE_STORAGE_OR_REPLACES_ITEM_IMAGES',
            'TRAFFIC_EXCHANGE_BETWEEN_STORES', 'PHONE_BILL_OR_POINT_CARD_RECHARGE', 'MESSAGING_OR_INSTANT_COMMUNICATION', 'PROHIBITED_CONTENT',
            'INCOMPLETE_MATERIAL', 'OTHER',
        ],
    },
};

const CHUNK = 1000;

export class RepairUnknownEnumValues1796167468456 implements MigrationInterface {
    name = 'RepairUnknownEnumValues1796167468456'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            "CREATE TABLE `repair_unknown_enum_value` (`table_name` varchar(64) NOT NULL, `row_id` bigint UNSIGNED NOT NULL, `column_name` varchar(64) NOT NULL, `original` longtext NOT NULL, PRIMARY KEY (`table_name`, `row_id`, `column_name`)) ENGINE=InnoDB",
        );
        for (const { table, column, values } of Object.values(KNOWN)) {
            const known = new Set(values);
            let after = '0';
            for (;;) {
                const rows: { id: string; v: string | null }[] = await queryRunner.query(
                    `SELECT \`id\`, CAST(\`${column}\` AS CHAR) AS v FROM \`${table}\` WHERE \`id\` > ? ORDER BY \`id\` LIMIT ${CHUNK}`,
                    [after],
                );
                if (rows.length === 0) break;
                for (const row of rows) {
                    if (row.v === null) continue;
                    let parsed: unknown;
                    try {
                        parsed = JSON.parse(row.v);
                    } catch {
                        parsed = null;
                    }
                    const list = Array.isArray(parsed) ? parsed : [];
                    const kept = [...new Set(list.filter((x): x is string => typeof x === 'string' && known.has(x)))];
                    if (Array.isArray(parsed) && kept.length === list.length) continue;
                    await queryRunner.query('INSERT INTO `repair_unknown_enum_value` (`table_name`, `row_id`, `column_name`, `original`) VALUES (?, ?, ?, ?)', [table, row.id, column, row.v]);
                    await queryRunner.query(`UPDATE \`${table}\` SET \`${column}\` = ? WHERE \`id\` = ?`, [JSON.stringify(kept), row.id]);
                }
                after = String(rows[rows.length - 1].id);
            }
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const { table, column } of Object.values(KNOWN)) {
            await queryRunner.query(
                `UPDATE \`${table}\` t JOIN \`repair_unknown_enum_value\` r ON r.\`table_name\` = ? AND r.\`column_name\` = ? AND r.\`row_id\` = t.\`id\` SET t.\`${column}\` = r.\`original\``,
                [table, column],
            );
        }
        await queryRunner.query("DROP TABLE `repair_unknown_enum_value`");
    }

}
