// The migration to figure ids that begin with their subject's (202611251300): figures recorded before keep every
// version and value under their new id, are found by it, and take further versions under it; rows an unfinished
// import had written in batches are let go for it to write again.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { afterEach, describe, expect, inject, it } from "vitest";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import { figureIdOf } from "../src/modules/indicators/index.ts";
import { openDatabase, type Database } from "../src/platform/database.ts";
import { migrateToLatest, migrateUpTo } from "../src/platform/migrations.ts";
import { adminQuery, withDatabase } from "./support/global-setup.ts";
import { databaseTargets, type DatabaseTarget } from "./support/test-app.ts";

async function emptyDatabase(target: DatabaseTarget): Promise<{ database: Database; drop(): Promise<void> }> {
  if (target === "pglite") {
    const pglite = await PGlite.create();
    const database = await openDatabase({ pglite });
    return { database, drop: () => pglite.close() };
  }
  const server = inject("postgresTemplate");
  if (!server) throw new Error("no PostgreSQL server for this run");
  const name = `shanhai_m_${randomBytes(5).toString("hex")}`;
  await adminQuery(server.adminUrl, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(server.adminUrl, name) });
  return { database, drop: () => adminQuery(server.adminUrl, `drop database if exists ${name} with (force)`) };
}

describe.each(databaseTargets())("the located figure ids migration on %s", (target) => {
  let opened: Awaited<ReturnType<typeof emptyDatabase>> | undefined;
  afterEach(async () => {
    await opened?.database.close();
    await opened?.drop();
  });

  it("gives earlier figures their new ids with every version kept, and lets an unfinished import write again", async () => {
    opened = await emptyDatabase(target);
    const db = opened.database.db;
    await migrateUpTo(db, "202611251200_enterprises_uscc_check");
    await sql`insert into regions_region (code, name_zh, name_en, level) values ('330723', '武义县', 'Wuyi', 'county')`.execute(db);
    const firms: string[] = [];
    for (const n of [1, 2]) {
      const uscc = makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(880_000 + n) });
      const made = await sql<{ id: string }>`insert into enterprises_enterprise (uscc, name_zh, home_region_code, industry_code) values (${uscc}, ${`企业${n}`}, '330723', '3471') returning id`.execute(db);
      firms.push(made.rows[0]?.id as string);
    }
    // Three versions of one figure and one of another, under ids of the old form (anything but the new one).
    const version = (id: string, firm: string, month: string, v: number, fen: number) =>
      sql`insert into indicators_figure_version (figure_id, version, subject_kind, enterprise_id, month, measure, unit, amount_fen, recorded_by_id, recorded_by_name, source)
        values (${id}::uuid, ${v}, 'enterprise', ${firm}::uuid, ${month}::date, 'local_retained_vat', 'fen', ${fen}, 'test', 'test', 'api')`.execute(db);
    const old = ["886313e1-3b8a-5372-9b90-0c9aee199e5d", "6fa459ea-ee8a-5ca4-894e-db77e160355e"];
    await version(old[0] as string, firms[0] as string, "2024-03-01", 1, 100);
    await version(old[0] as string, firms[0] as string, "2024-03-01", 2, -5);
    await version(old[0] as string, firms[0] as string, "2024-03-01", 3, 70);
    await version(old[1] as string, firms[1] as string, "2024-04-01", 1, 9);
    const unfinished = await sql<{ id: string }>`insert into indicators_import (file_name, sha256, size_bytes, file_bytes, mode, run, status, done, actor_id, actor)
      values ('f.xlsx', ${"a".repeat(64)}, 1, '\\x00', 'valid_rows', 'background', 'writing', 2, 'test', '{}') returning id`.execute(db);
    const importId = unfinished.rows[0]?.id as string;
    await sql`insert into indicators_import_batch (import_id, first_row, row_nos, figure_ids, subject_kinds, enterprise_ids, enclave_ids, months, measures, units, amounts_fen, quantities, reasons)
      values (${importId}, 0, '{3,4}', ${`{${old.join(",")}}`}::uuid[], '{enterprise,enterprise}', ${`{${firms.join(",")}}`}::uuid[], '{NULL,NULL}', '{2024-05-01,2024-05-01}',
        '{investment,investment}', '{fen,fen}', '{1,2}', '{NULL,NULL}', '{NULL,NULL}')`.execute(db);

    await migrateToLatest(db);

    const rows = await sql<{ figureId: string; version: number; amountFen: string; enterpriseId: string }>`
      select figure_id, version, amount_fen, enterprise_id from indicators_figure_version order by enterprise_id = ${firms[0]} desc, version`.execute(db);
    const first = figureIdOf({ subjectKind: "enterprise", subjectId: firms[0] as string, month: "2024-03", measure: "local_retained_vat" });
    const second = figureIdOf({ subjectKind: "enterprise", subjectId: firms[1] as string, month: "2024-04", measure: "local_retained_vat" });
    expect(rows.rows.map((r) => [r.figureId, r.version, r.amountFen])).toEqual([
      [first, 1, "100"],
      [first, 2, "-5"],
      [first, 3, "70"],
      [second, 1, "9"],
    ]);
    // Still append-only, and the next version of a figure is taken under its new id.
    await expect(sql`delete from indicators_figure_version`.execute(db)).rejects.toMatchObject({ code: "55000" });
    await version(first, firms[0] as string, "2024-03-01", 4, 71);
    await expect(version(first, firms[0] as string, "2024-03-01", 4, 72)).rejects.toMatchObject({ code: "23505" });
    // The unfinished import has nothing written: it writes its file again when it resumes.
    expect((await sql`select 1 from indicators_import_batch`.execute(db)).rows).toHaveLength(0);
    expect((await sql<{ done: number }>`select done from indicators_import where id = ${importId}`.execute(db)).rows[0]?.done).toBe(0);
  });
});
