import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResidencyHistory } from "../../contracts/enterprise-residency.ts";
import type { Enterprise, ImportOutcome } from "../../contracts/enterprises.ts";
import { todayInChina } from "../src/platform/calendar.ts";
import { historyOf } from "../src/platform/history.ts";
import { createCounties, createEnclave, createEnterprise, type ErrorBody } from "./support/sharing-fixtures.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type HistoryEntry = { version: number; action: string; before: unknown; after: unknown };

// The residency history follows every move made through the register (create, PATCH, import), refuses a move
// it cannot follow naming the field, and is corrected as a whole with If-Match on the enterprise's version.
describe.each(databaseTargets())("the residency history on %s", (target) => {
  let app: TestApp;
  let north: string;
  let south: string;
  const today = todayInChina();

  const residencies = async (id: string) => {
    const read = await app.api<ResidencyHistory>("GET", `/api/v1/enterprises/${id}/residencies`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    return read.body;
  };
  const enterprise = async (id: string) => (await app.api<Enterprise>("GET", `/api/v1/enterprises/${id}`)).body;
  const correct = (id: string, periods: unknown[], version?: number) =>
    app.api<ResidencyHistory & ErrorBody>("PUT", `/api/v1/enterprises/${id}/residencies`, { periods }, version === undefined ? {} : { "if-match": String(version) });

  beforeAll(async () => {
    app = await startTestApp(target);
    await createCounties(app);
    north = await createEnclave(app);
    south = await createEnclave(app, "2020-06-01");
  });
  afterAll(() => app.close());

  it("opens a period when an enterprise is registered in an enclave, and none when it is not", async () => {
    const resident = await createEnterprise(app, { enclaveId: north, residentSince: "2021-03-01" });
    expect(await residencies(resident)).toEqual({ enterpriseId: resident, version: 1, periods: [{ enclaveId: north, from: "2021-03-01", to: null }] });
    const outside = await createEnterprise(app);
    expect((await residencies(outside)).periods).toEqual([]);
  });

  it("moves in, between enclaves and out through PATCH, closing each period on the move", async () => {
    const id = await createEnterprise(app);
    const movedIn = await app.api<Enterprise>("PATCH", `/api/v1/enterprises/${id}`, { enclaveId: north, residentSince: "2022-04-01" });
    expect(movedIn.status, JSON.stringify(movedIn.body)).toBe(200);
    expect((await residencies(id)).periods).toEqual([{ enclaveId: north, from: "2022-04-01", to: null }]);

    const moved = await app.api<Enterprise>("PATCH", `/api/v1/enterprises/${id}`, { enclaveId: south, residentSince: "2024-07-01" });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await residencies(id)).periods).toEqual([
      { enclaveId: north, from: "2022-04-01", to: "2024-07-01" },
      { enclaveId: south, from: "2024-07-01", to: null },
    ]);

    const out = await app.api<Enterprise>("PATCH", `/api/v1/enterprises/${id}`, { enclaveId: null, residentSince: null });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    const history = await residencies(id);
    expect(history).toEqual({
      enterpriseId: id,
      version: 4,
      periods: [
        { enclaveId: north, from: "2022-04-01", to: "2024-07-01" },
        { enclaveId: south, from: "2024-07-01", to: today },
      ],
    });
    // Each change of the periods is in the history (and through it the audit log) under its own entity.
    const changes = await historyOf(app.database.db, "enterprise_residency", id);
    expect(changes.map((c) => [c.version, c.action])).toEqual([[2, "create"], [3, "update"], [4, "update"]]);
    expect(changes[2]?.before).toEqual(changes[1]?.after);
    // A PATCH that changes nothing else keeps the history as it is.
    expect((await app.api("PATCH", `/api/v1/enterprises/${id}`, { employees: 12 })).status).toBe(200);
    expect((await residencies(id)).periods).toHaveLength(2);
  });

  it("refuses a move dated before the current residency began, or into an earlier period, naming residentSince", async () => {
    const id = await createEnterprise(app, { enclaveId: north, residentSince: "2023-01-01" });
    const early = await app.api<ErrorBody>("PATCH", `/api/v1/enterprises/${id}`, { enclaveId: south, residentSince: "2022-06-01" });
    expect(early.status).toBe(400);
    expect(early.body.error.details).toEqual([expect.objectContaining({ field: "residentSince", value: "2022-06-01" })]);
    expect((await enterprise(id)).enclaveId).toBe(north); // the whole write rolled back

    const history = [{ enclaveId: south, from: "2019-01-01", to: "2021-01-01" }, { enclaveId: north, from: "2023-01-01", to: null }];
    expect((await correct(id, history, 1)).status).toBe(200);
    const clash = await app.api<ErrorBody>("PATCH", `/api/v1/enterprises/${id}`, { residentSince: "2020-01-01" });
    expect(clash.status).toBe(400);
    expect(clash.body.error.details[0]).toMatchObject({ field: "residentSince", message: expect.stringContaining("overlaps an earlier residency") });
  });

  it("refuses an overlapping or inverted correction with a field error for each problem", async () => {
    const id = await createEnterprise(app, { enclaveId: north, residentSince: "2020-01-01" });
    const refused = await correct(
      id,
      [
        { enclaveId: north, from: "2020-01-01", to: "2022-01-01" },
        { enclaveId: south, from: "2021-06-01", to: "2021-01-01" },
        { enclaveId: "00000000-0000-4000-8000-000000000000", from: "2023-01-01", to: null },
      ],
      1,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d) => d.field)).toEqual(["periods.1.to", "periods.1.from", "periods.2.enclaveId"]);
    expect(refused.body.error.details[1]?.message).toContain("overlaps period 0");
    expect((await residencies(id)).periods).toEqual([{ enclaveId: north, from: "2020-01-01", to: null }]);
  });

  it("corrects the history as a whole with If-Match, and the open period becomes the enterprise's residency", async () => {
    const id = await createEnterprise(app, { enclaveId: north, residentSince: "2020-01-01" });
    const history = [
      { enclaveId: north, from: "2020-01-01", to: "2024-05-01" },
      { enclaveId: south, from: "2024-05-01", to: null },
    ];
    const unguarded = await correct(id, history);
    expect(unguarded.status).toBe(400);
    expect(unguarded.body.error.details[0]?.field).toBe("If-Match");
    const stale = await correct(id, history, 7);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("enterprise.version_conflict");

    const corrected = await correct(id, [...history].reverse(), 1);
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toEqual({ enterpriseId: id, version: 2, periods: history });
    expect(await enterprise(id)).toMatchObject({ enclaveId: south, residentSince: "2024-05-01", version: 2 });
    const again = await correct(id, history, 2);
    expect(again.body.version).toBe(2); // nothing to correct: no new version

    const left = await correct(id, [history[0]], 2);
    expect(left.status).toBe(200);
    expect(await enterprise(id)).toMatchObject({ enclaveId: null, residentSince: null, version: 3 });

    const trail = await app.api<HistoryEntry[]>("GET", `/api/v1/enterprises/${id}/history`);
    expect(trail.body.map((h) => h.version)).toEqual([1, 2, 3]);
    const corrections = await historyOf(app.database.db, "enterprise_residency", id);
    expect(corrections.map((c) => [c.version, c.before, c.after])).toEqual([
      [1, null, [{ enclaveId: north, from: "2020-01-01", to: null }]],
      [2, [{ enclaveId: north, from: "2020-01-01", to: null }], history],
      [3, history, [history[0]]],
    ]);
  });

  it("has the database refuse overlapping periods written around the service", async () => {
    const id = await createEnterprise(app, { enclaveId: north, residentSince: "2022-01-01" });
    const insert = (from: string, to: string | null) =>
      sql`insert into enterprises_residency (enterprise_id, enclave_id, from_date, to_date) values (${id}, ${south}, ${from}, ${to})`.execute(app.database.db);
    await expect(insert("2023-05-01", "2023-06-01")).rejects.toMatchObject({ code: "23514", constraint: "enterprises_residency_no_overlap" });
    await expect(insert("2021-05-01", "2021-04-01")).rejects.toMatchObject({ code: "23514", constraint: "enterprises_residency_from_before_to" });
    await insert("2021-05-01", "2022-01-01"); // ends the day the next begins: no overlap
    expect((await residencies(id)).periods).toEqual([
      { enclaveId: south, from: "2021-05-01", to: "2022-01-01" },
      { enclaveId: north, from: "2022-01-01", to: null },
    ]);
  });

  it("follows moves made by the import", async () => {
    const id = await createEnterprise(app, { enclaveId: north, residentSince: "2021-01-01" });
    const { uscc } = await enterprise(id);
    const csv = `统一社会信用代码,企业名称,所属地区,行业代码,所在飞地,入驻日期\n${uscc},迁入南区,330723,3465,${south},2024-10-01\n`;
    const upload = async (text: string) => {
      const boundary = "----residency";
      const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="moves.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`);
      const response = await app.http.inject({ method: "POST", url: "/api/v1/enterprises/import", payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
      return { status: response.statusCode, body: response.json<ImportOutcome & ErrorBody>() };
    };
    const imported = await upload(csv);
    expect(imported.body).toMatchObject({ updated: 1 });
    expect((await residencies(id)).periods).toEqual([
      { enclaveId: north, from: "2021-01-01", to: "2024-10-01" },
      { enclaveId: south, from: "2024-10-01", to: null },
    ]);
    const backwards = await upload(`统一社会信用代码,企业名称,所属地区,行业代码,所在飞地,入驻日期\n${uscc},迁回北区,330723,3465,${north},2024-01-01\n`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0]).toMatchObject({ row: 2, column: "入驻日期" });
  });
});
