/**
 * Migration ApplicationRounds (issue 13), against a fresh database: applications filed before it
 * get their review round with their due time and decision copied, and the applications' own due and
 * decision columns go; `down` puts them back from the rounds.
 */
import { ApplicationRounds1796190000000 } from '../../migrations/1796190000000-ApplicationRounds';
import { data, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t?.stop());

const columns = async (table: string) => ((await t.ds.query(`SHOW COLUMNS FROM ${table}`)) as { Field: string }[]).map((c) => c.Field);

it('backfills a round per application (PENDING package due Wed 2026-11-25, REJECTED member capability with its note) and drops the columns; down restores them', async () => {
  const dev = await t.developer('Before The Rounds');
  const { createApp } = data<{ createApp: { id: string } }>(
    await t.post({ query: 'mutation($i: CreateAppInput!) { createApp(input: $i) { ... on App { id } } }', variables: { i: { name: 'Old App', tagCode: 'TAOBAOKE', declaredFunctions: [] } } }, dev.token),
  );
  const migration = new ApplicationRounds1796190000000();
  const qr = t.ds.createQueryRunner();
  let pkgId = '';
  try {
    await migration.down(qr);
    expect(await columns('package_application')).toEqual(expect.arrayContaining(['due_at', 'decided_at', 'decided_by', 'rejection_reason']));
    const pkg = await qr.query(
      "INSERT INTO package_application (app_id, developer_id, kind, package_code, requested_quota, status, submitted_at, due_at, due_provisional, eligibility) VALUES (?, ?, 'VALUE_ADDED', 'WANGWANG_CHAT_HISTORY', NULL, 'PENDING', '2026-11-20 04:00:00.000', '2026-11-25 16:00:00.000', 0, '[]')",
      [createApp.id, dev.id],
    );
    const mc = await qr.query(
      `INSERT INTO member_capability_application (developer_id, category_code, product_kind, build, merchant_tier, material, status, eligibility, submitted_at, due_at, due_provisional, decided_at, decided_by, rejection_codes, rejection_note, strike)
       VALUES (?, 'APPAREL', 'MINI_PROGRAM', 'TEMPLATE', 'POTENTIAL', '{}', 'REJECTED', '[]', '2026-11-16 02:00:00.000', '2026-11-19 16:00:00.000', 0, '2026-11-18 08:00:00.000', 'reviewer-9', '["OTHER"]', 'Demo link broken', 0)`,
      [dev.id],
    );
    pkgId = String(pkg.insertId);
    await migration.up(qr);

    const rounds = await qr.query(
      "SELECT subject_type, subject_id, owner_id, tag_code, round_no, status, submitted_by, submitted_at, due_at, decided_by, decided_at, reasons, explanation FROM review_round WHERE subject_id IN (?, ?) AND subject_type IN ('PACKAGE_APPLICATION', 'MEMBER_CAPABILITY_APPLICATION') ORDER BY subject_type -- the enum's order: PACKAGE_APPLICATION first",
      [String(pkg.insertId), String(mc.insertId)],
    );
    expect(rounds.map((r: Record<string, unknown>) => ({ ...r, reasons: typeof r.reasons === 'string' ? JSON.parse(r.reasons) : r.reasons }))).toEqual([
      { subject_type: 'PACKAGE_APPLICATION', subject_id: String(pkg.insertId), owner_id: dev.id, tag_code: 'TAOBAOKE', round_no: 1, status: 'PENDING', submitted_by: dev.id, submitted_at: new Date('2026-11-20T04:00:00Z'), due_at: new Date('2026-11-25T16:00:00Z'), decided_by: null, decided_at: null, reasons: [], explanation: null },
      { subject_type: 'MEMBER_CAPABILITY_APPLICATION', subject_id: String(mc.insertId), owner_id: dev.id, tag_code: null, round_no: 1, status: 'REJECTED', submitted_by: dev.id, submitted_at: new Date('2026-11-16T02:00:00Z'), due_at: new Date('2026-11-19T16:00:00Z'), decided_by: 'reviewer-9', decided_at: new Date('2026-11-18T08:00:00Z'), reasons: [], explanation: 'Demo link broken' },
    ]);
    for (const table of ['package_application', 'member_capability_application']) {
      expect([table, (await columns(table)).filter((c) => /^(due_|decided_|rejection_reason|rejection_note)/.test(c))]).toEqual([table, []]);
    }
    // The member-capability codes and strike stay on the application: the strike rule reads them.
    expect(await columns('member_capability_application')).toEqual(expect.arrayContaining(['rejection_codes', 'strike']));
  } finally {
    await qr.release();
  }
  // The application reads through the API with its round's due time.
  const read = await t.post({ query: 'query($id: ID!) { packageApplication(id: $id) { status dueAt round { roundNo status } } }', variables: { id: pkgId } }, dev.token);
  expect(read.data).toEqual({ packageApplication: { status: 'PENDING', dueAt: '2026-11-25T16:00:00.000Z', round: { roundNo: 1, status: 'PENDING' } } });
});
