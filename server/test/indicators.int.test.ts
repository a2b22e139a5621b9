// Figures through the API and the door settlement uses: record, versions (a correction is a new version, the
// same value changes nothing), history, as-of reads, lists and exports, the append-only table, and who may see
// and record what.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FigureVersion, RecordedFigure } from "../../contracts/indicators.ts";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import { figureIdOf, figuresForSettlement } from "../src/modules/indicators/index.ts";
import type { Actor } from "../src/platform/actor.ts";
import { buildFigureWorld, countOf, wuyi, yiwu, yongkang, type FigureWorld } from "./support/figures-fixtures.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type Page<T> = { items: T[]; total: number };
type ErrorBody = { error: { code: string; message: string; details: { field?: string; message: string }[] } };

describe.each(databaseTargets())("figures on %s", (target) => {
  let app: TestApp;
  let world: FigureWorld;
  let firm: FigureWorld["enterprises"][number];

  const record = (body: object) => app.api<RecordedFigure & ErrorBody>("POST", "/api/v1/figures", body);

  beforeAll(async () => {
    app = await startTestApp(target);
    world = await buildFigureWorld(app);
    firm = world.enterprises[0] as FigureWorld["enterprises"][number];
  });
  afterAll(async () => {
    await app?.close();
  });

  it("records a figure, keeps a corrected value as a new version and changes nothing for the same value", async () => {
    const first = await record({ enterpriseId: firm.id, month: "2024-03", measure: "local_retained_vat", amountFen: "123456789", reason: "tax bureau March report" });
    expect(first.status).toBe(201);
    expect(first.body.changed).toBe(true);
    expect(first.body.figure).toMatchObject({ version: 1, subjectKind: "enterprise", subjectId: firm.id, month: "2024-03", unit: "fen", amountFen: "123456789", quantity: null, source: "api", reason: "tax bureau March report" });
    expect(first.body.figure.figureId).toBe(figureIdOf({ subjectKind: "enterprise", subjectId: firm.id, month: "2024-03", measure: "local_retained_vat" }));

    const same = await record({ enterpriseId: firm.id, month: "2024-03", measure: "local_retained_vat", amountFen: "123456789" });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ changed: false, figure: { version: 1 } });

    const corrected = await record({ enterpriseId: firm.id, month: "2024-03", measure: "local_retained_vat", amountFen: "-5", reason: "refund" });
    expect(corrected.status).toBe(201);
    expect(corrected.body.figure).toMatchObject({ version: 2, amountFen: "-5", figureId: first.body.figure.figureId });

    const history = await app.api<FigureVersion[]>("GET", `/api/v1/figures/${first.body.figure.figureId}/history`);
    expect(history.body.map((v) => [v.version, v.amountFen, v.reason])).toEqual([
      [1, "123456789", "tax bureau March report"],
      [2, "-5", "refund"],
    ]);
    const current = await app.api<FigureVersion>("GET", `/api/v1/figures/${first.body.figure.figureId}`);
    expect(current.body.version).toBe(2);
    const before = await app.api<FigureVersion>("GET", `/api/v1/figures/${first.body.figure.figureId}?asOf=${encodeURIComponent(new Date(Date.parse(first.body.figure.recordedAt) + 1).toISOString())}`);
    expect(before.body).toMatchObject({ version: 1, amountFen: "123456789" });
  });

  it("makes a figure's id as the database does, and keeps every id beginning with its subject's", async () => {
    const db = app.database.db;
    const keys = [
      { subjectKind: "enterprise" as const, subjectId: firm.id, month: "2024-03", measure: "local_retained_vat" },
      { subjectKind: "enclave" as const, subjectId: world.enclaveId, month: "1999-12", measure: "能耗（自定义）" },
      { subjectKind: "enterprise" as const, subjectId: "0f8fad5b-d9cb-469f-a165-70867728950e", month: "2030-01", measure: "land_quota" },
    ];
    for (const key of keys) {
      const made = await sql<{ id: string }>`select indicators_figure_id(${key.subjectKind}, ${key.subjectId}::uuid, ${`${key.month}-01`}::date, ${key.measure}) as id`.execute(db);
      expect(made.rows[0]?.id).toBe(figureIdOf(key));
    }
    // An id that does not begin with its subject's first six bytes could not be found by it: refused.
    await expect(
      sql`insert into indicators_figure_version (figure_id, version, subject_kind, enterprise_id, month, measure, unit, amount_fen, recorded_by_id, recorded_by_name, source)
        values (${figureIdOf({ subjectKind: "enterprise", subjectId: world.enterprises[1]?.id as string, month: "2023-09", measure: "investment" })}::uuid, 1, 'enterprise', ${firm.id}::uuid, '2023-09-01', 'investment', 'fen', 1, 'test', 'test', 'api')`.execute(db),
    ).rejects.toMatchObject({ code: "23514" });
    // An id of no figure (the old form, say) is not found.
    expect((await app.api("GET", "/api/v1/figures/886313e1-3b8a-5372-9b90-0c9aee199e5d")).status).toBe(404);
  });

  it("keeps quantities exact in their unit and custom measures in one unit", async () => {
    const energy = await record({ enclaveId: world.enclaveId, month: "2024-01", measure: "energy_quota", quantity: "1200.500000" });
    expect(energy.status).toBe(201);
    expect(energy.body.figure).toMatchObject({ subjectKind: "enclave", unit: "tce", quantity: "1200.5", amountFen: null });
    expect((await record({ enclaveId: world.enclaveId, month: "2024-01", measure: "energy_quota", quantity: "1200.50" })).body.changed).toBe(false);

    const noUnit = await record({ enterpriseId: firm.id, month: "2024-01", measure: "tourism_visits", quantity: "12" });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.details.map((d) => d.field)).toEqual(["unit"]);
    expect((await record({ enterpriseId: firm.id, month: "2024-01", measure: "tourism_visits", unit: "visits", quantity: "12" })).status).toBe(201);
    const otherUnit = await record({ enterpriseId: firm.id, month: "2024-02", measure: "tourism_visits", unit: "people", quantity: "3" });
    expect(otherUnit.status).toBe(400);
    expect(otherUnit.body.error.details[0]?.message).toContain("recorded in visits");
  });

  it("refuses a figure with every problem named, and an unknown subject as not found", async () => {
    const bad = await record({ month: "2024-13", measure: "Local VAT", amountFen: "1.5" });
    expect(bad.status).toBe(400);
    const money = await record({ enterpriseId: firm.id, month: "2024-05", measure: "local_retained_cit", quantity: "3", unit: "t" });
    expect(money.status).toBe(400);
    expect(money.body.error.details.map((d) => d.field).sort()).toEqual(["amountFen", "quantity", "unit"]);
    const nobody = await record({ enterpriseId: "00000000-0000-4000-8000-000000000000", month: "2024-05", measure: "local_retained_cit", amountFen: "1" });
    expect(nobody.status).toBe(404);
  });

  it("lets the database refuse to change or delete a figure version", async () => {
    await record({ enterpriseId: firm.id, month: "2023-12", measure: "investment", amountFen: "100" });
    await expect(sql`update indicators_figure_version set amount_fen = 1`.execute(app.database.db)).rejects.toThrow(/never changed or deleted/);
    await expect(sql`delete from indicators_figure_version`.execute(app.database.db)).rejects.toThrow(/never changed or deleted/);
    expect(await countOf(app.database.db, "indicators_figure_version", "amount_fen = 100")).toBe(1);
  });

  it("lets the database refuse a figure of an enterprise or enclave not in the register, and removing one that has figures", async () => {
    const db = app.database.db;
    const nobody = "00000000-0000-4000-8000-000000000001";
    const insert = (column: "enterprise_id" | "enclave_id", kind: string, id: string) =>
      sql`insert into indicators_figure_version (figure_id, version, subject_kind, ${sql.ref(column)}, month, measure, unit, amount_fen, recorded_by_id, recorded_by_name, source)
        values (indicators_figure_id(${kind}, ${id}::uuid, '2023-11-01', 'investment'), 1, ${kind}, ${id}::uuid, '2023-11-01', 'investment', 'fen', 1, 'test', 'test', 'api')`.execute(db);
    await expect(insert("enterprise_id", "enterprise", nobody)).rejects.toMatchObject({ code: "23503" });
    await expect(insert("enclave_id", "enclave", nobody)).rejects.toMatchObject({ code: "23503" });
    // A statement of many rows, one of them naming nobody: refused whole.
    await expect(
      sql`insert into indicators_figure_version (figure_id, version, subject_kind, enterprise_id, month, measure, unit, amount_fen, recorded_by_id, recorded_by_name, source)
        select indicators_figure_id('enterprise', id, '2023-10-01', 'investment'), 1, 'enterprise', id, '2023-10-01', 'investment', 'fen', 1, 'test', 'test', 'api' from unnest(array[${firm.id}::uuid, ${nobody}::uuid]) as id`.execute(db),
    ).rejects.toMatchObject({ code: "23503" });
    expect(await countOf(db, "indicators_figure_version", "month = '2023-10-01'")).toBe(0);
    await record({ enterpriseId: firm.id, month: "2023-11", measure: "investment", amountFen: "7" });
    // (Other tables' keys refuse too; the figures' check is the one that speaks here, inside a transaction
    // where the enterprise is named by figures only.)
    const removal = db.transaction().execute(async (trx) => {
      const id = (await sql<{ id: string }>`insert into enterprises_enterprise (uscc, name_zh, home_region_code, industry_code) select ${makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(990_001) })}, '临时企业', home_region_code, industry_code from enterprises_enterprise where id = ${firm.id} returning id`.execute(trx)).rows[0]?.id as string;
      await sql`insert into indicators_figure_version (figure_id, version, subject_kind, enterprise_id, month, measure, unit, amount_fen, recorded_by_id, recorded_by_name, source)
        values (indicators_figure_id('enterprise', ${id}::uuid, '2023-11-01', 'investment'), 1, 'enterprise', ${id}::uuid, '2023-11-01', 'investment', 'fen', 1, 'test', 'test', 'api')`.execute(trx);
      await sql`delete from enterprises_enterprise where id = ${id}`.execute(trx);
    });
    await expect(removal).rejects.toThrow(/figures are recorded for/);
    const renumbering = db.transaction().execute(async (trx) => {
      const id = (await sql<{ id: string }>`insert into enterprises_enterprise (uscc, name_zh, home_region_code, industry_code) select ${makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(990_002) })}, '临时企业', home_region_code, industry_code from enterprises_enterprise where id = ${firm.id} returning id`.execute(trx)).rows[0]?.id as string;
      await sql`insert into indicators_figure_version (figure_id, version, subject_kind, enterprise_id, month, measure, unit, amount_fen, recorded_by_id, recorded_by_name, source)
        values (indicators_figure_id('enterprise', ${id}::uuid, '2023-11-01', 'investment'), 1, 'enterprise', ${id}::uuid, '2023-11-01', 'investment', 'fen', 1, 'test', 'test', 'api')`.execute(trx);
      await sql`update enterprises_enterprise set id = ${nobody} where id = ${id}`.execute(trx);
    });
    await expect(renumbering).rejects.toThrow(/figures are recorded for/);
    // Other changes to a named enterprise go through.
    await sql`update enterprises_enterprise set note = note where id = ${firm.id}`.execute(db);
  });

  it("gives settlement the newest version of each figure as of a moment", async () => {
    const other = world.enterprises[1] as FigureWorld["enterprises"][number];
    const v1 = await record({ enterpriseId: other.id, month: "2025-06", measure: "local_retained_vat", amountFen: "1000" });
    await record({ enterpriseId: other.id, month: "2025-07", measure: "local_retained_vat", amountFen: "2000" });
    await record({ enclaveId: world.enclaveId, month: "2025-06", measure: "land_quota", quantity: "3.25" });
    const between = new Date(Date.parse(v1.body.figure.recordedAt) + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await record({ enterpriseId: other.id, month: "2025-06", measure: "local_retained_vat", amountFen: "1500", reason: "correction" });

    const now = await figuresForSettlement(app.database.db, { enterpriseIds: [other.id], enclaveIds: [world.enclaveId], fromMonth: "2025-06", toMonth: "2025-07" });
    expect(now).toEqual([
      { figureId: figureIdOf({ subjectKind: "enclave", subjectId: world.enclaveId, month: "2025-06", measure: "land_quota" }), version: 1, subjectKind: "enclave", subjectId: world.enclaveId, month: "2025-06", measure: "land_quota", unit: "mu", amountFen: null, quantity: "3.25" },
      { figureId: v1.body.figure.figureId, version: 2, subjectKind: "enterprise", subjectId: other.id, month: "2025-06", measure: "local_retained_vat", unit: "fen", amountFen: 1500n, quantity: null },
      expect.objectContaining({ month: "2025-07", version: 1, amountFen: 2000n }),
    ]);
    const earlier = await figuresForSettlement(app.database.db, { enterpriseIds: [other.id], measures: ["local_retained_vat"], fromMonth: "2025-06", toMonth: "2025-06", asOf: between });
    expect(earlier).toEqual([expect.objectContaining({ version: 1, amountFen: 1000n })]);
    expect(await figuresForSettlement(app.database.db, { enterpriseIds: [other.id], fromMonth: "2025-06", toMonth: "2025-07", asOf: new Date(0) })).toEqual([]);
    expect((await figuresForSettlement(app.database.db, { fromMonth: "2025-06", toMonth: "2025-07" })).length).toBe(3);
  });

  it("lists the current versions or all of them, filters by subject, measure and months, and exports", async () => {
    const latest = await app.api<Page<FigureVersion>>("GET", `/api/v1/figures?enterpriseId=${firm.id}&measure=local_retained_vat`);
    expect(latest.body.items.map((f) => [f.month, f.version])).toEqual([["2024-03", 2]]);
    const all = await app.api<Page<FigureVersion>>("GET", `/api/v1/figures?enterpriseId=${firm.id}&measure=local_retained_vat&versions=all`);
    expect(all.body.items.map((f) => f.version)).toEqual([1, 2]);
    const months = await app.api<Page<FigureVersion>>("GET", "/api/v1/figures?from=2025-06&to=2025-06&sort=-measure");
    expect(months.body.items.map((f) => f.measure)).toEqual(["local_retained_vat", "land_quota"]);
    const csv = await app.api<string>("GET", `/api/v1/figures?enterpriseId=${firm.id}&format=csv&lang=en`);
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toContain("Figure id,Version,Enterprise,Enterprise name,Enclave,Month,Measure,Unit,Amount (yuan),Quantity");
    expect(lines.find((l) => l.includes("local_retained_vat"))).toContain(`${firm.uscc},${firm.nameZh},,2024-03,local_retained_vat,fen,-0.05,`);
    const xlsx = await app.http.inject({ method: "GET", url: "/api/v1/figures?format=xlsx" });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });

  it("shows figures where their subject lies and lets officials record only in their county", async () => {
    const official = (regionCode: string, paired: string[]): Actor => ({ id: `official-${regionCode}`, name: "official", kind: "user", role: "county_official", scope: { regionCode, pairedRegionCodes: paired } });
    const wuyiOfficial = official(wuyi, [yongkang]);
    const yiwuOfficial = official(yiwu, []);
    const yiwuFirm = world.enterprises[2] as FigureWorld["enterprises"][number];
    const figures = app.modules.indicators.figures;
    const yiwuFigure = await figures.record(yiwuOfficial, { enterpriseId: yiwuFirm.id, month: "2024-03", measure: "industrial_output", amountFen: "10" });
    await expect(figures.record(wuyiOfficial, { enterpriseId: yiwuFirm.id, month: "2024-03", measure: "industrial_output", amountFen: "11" })).rejects.toMatchObject({ code: "enterprise.not_found" });
    await expect(figures.record(yiwuOfficial, { enterpriseId: firm.id, month: "2024-03", measure: "industrial_output", amountFen: "11" })).rejects.toMatchObject({ code: "enterprise.not_found" });
    const seenByWuyi = await figures.list(wuyiOfficial, { page: 1, pageSize: 500, versions: "latest" });
    expect(seenByWuyi.items.some((f) => f.subjectId === firm.id)).toBe(true);
    expect(seenByWuyi.items.some((f) => f.subjectId === world.enclaveId)).toBe(true);
    expect(seenByWuyi.items.some((f) => f.subjectId === yiwuFirm.id)).toBe(false);
    await expect(figures.get(wuyiOfficial, yiwuFigure.figure.figureId)).rejects.toMatchObject({ code: "figure.not_found" });
    const firmUser: Actor = { id: "firm", name: "firm", kind: "user", role: "enterprise_user", scope: { enterpriseId: firm.id } };
    expect((await figures.list(firmUser, { page: 1, pageSize: 500, versions: "latest" })).items.every((f) => f.subjectId === firm.id)).toBe(true);
    await expect(figures.record(firmUser, { enterpriseId: firm.id, month: "2024-03", measure: "industrial_output", amountFen: "1" })).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});
