import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pairing, Region } from "../../contracts/regions.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorBody = { error: { code: string; message: string; details: { field?: string; message: string }[] } };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

describe.each(databaseTargets())("regions and pairings on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
    await app.api("POST", "/api/v1/regions", { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" });
    await app.api("POST", "/api/v1/regions", { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" });
  });
  afterAll(() => app.close());

  it("creates a county with yearly facts and reads it back", async () => {
    const created = await app.api<Region>("POST", "/api/v1/regions", {
      code: "330784",
      nameZh: "永康市",
      nameEn: "Yongkang",
      level: "county",
      kind: "developed",
      parentCode: "330700",
      facts: [{ year: 2020, measure: "gdp", value: "63978000000", unit: "yuan", source: "DOMAIN §4" }],
    });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    const read = await app.api<Region>("GET", "/api/v1/regions/330784");
    expect(read.body.facts).toEqual([{ year: 2020, measure: "gdp", value: "63978000000", unit: "yuan", source: "DOMAIN §4", illustrative: false }]);
  });

  it("answers a duplicate code with 409", async () => {
    const again = await app.api<ErrorBody>("POST", "/api/v1/regions", { code: "330784", nameZh: "永康市", nameEn: "Yongkang", level: "county", parentCode: "330700" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("region.duplicate");
    expect(again.body.error.details[0]?.field).toBe("code");
  });

  it("names the field of an unknown parent, a malformed code and a repeated fact", async () => {
    const unknownParent = await app.api<ErrorBody>("POST", "/api/v1/regions", { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", parentCode: "339999" });
    expect(unknownParent.status).toBe(400);
    expect(unknownParent.body.error.details).toContainEqual(expect.objectContaining({ field: "parentCode", message: "no region with this code" }));
    const badCode = await app.api<ErrorBody>("POST", "/api/v1/regions", { code: "33072", nameZh: "x", nameEn: "x", level: "county" });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details[0]?.field).toBe("code");
    const fact = { year: 2020, measure: "population", value: "462462", unit: "person" };
    const twice = await app.api<ErrorBody>("POST", "/api/v1/regions", { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", parentCode: "330700", facts: [fact, fact] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0]?.field).toBe("facts.1");
    expect((await app.api("GET", "/api/v1/regions/330723")).status).toBe(404); // nothing half-written
  });

  it("refuses malformed JSON with 400 and an oversized body with 413", async () => {
    const malformed = await app.api<ErrorBody>("POST", "/api/v1/regions", '{"code": "330723",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("request.malformed_json");
    const huge = await app.api<ErrorBody>("POST", "/api/v1/regions", { code: "330723", nameZh: "x".repeat(2_000_000), nameEn: "x", level: "county" });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("request.too_large");
  });

  it("keeps every change with who and when, and reads a record as of a past moment", async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const updated = await app.api<Region>("PATCH", "/api/v1/regions/330784", { nameEn: "Yongkang City" }, { "if-match": "1" });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect(updated.body.kind).toBe("developed"); // fields left out stay as they were
    expect(updated.body.facts).toHaveLength(1);
    const history = await app.api<{ version: number; action: string; actor: { id: string }; before: Region | null; after: Region }[]>("GET", "/api/v1/regions/330784/history");
    expect(history.body.map((h) => h.action)).toEqual(["create", "update"]);
    expect(history.body[1]?.before?.nameEn).toBe("Yongkang");
    expect(history.body[1]?.after.nameEn).toBe("Yongkang City");
    expect(history.body[1]?.actor.id).toBe("local-operator");
    const past = await app.api<Region>("GET", `/api/v1/regions/330784?asOf=${encodeURIComponent(before)}`);
    expect(past.body.nameEn).toBe("Yongkang");
    const tooEarly = await app.api<ErrorBody>("GET", "/api/v1/regions/330784?asOf=2000-01-01");
    expect(tooEarly.status).toBe(404);
  });

  it("refuses a change over someone else's with 409", async () => {
    const stale = await app.api<ErrorBody>("PATCH", "/api/v1/regions/330784", { nameEn: "Stale" }, { "if-match": "1" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("region.version_conflict");
  });

  it("archives and restores, hiding archived records from lists by default", async () => {
    await app.api("POST", "/api/v1/regions/330784/archive");
    const list = await app.api<Page<Region>>("GET", "/api/v1/regions?level=county");
    expect(list.body.items.map((r) => r.code)).not.toContain("330784");
    const withArchived = await app.api<Page<Region>>("GET", "/api/v1/regions?level=county&includeArchived=true");
    expect(withArchived.body.items.map((r) => r.code)).toContain("330784");
    const restored = await app.api<Region>("POST", "/api/v1/regions/330784/restore");
    expect(restored.body.archivedAt).toBeNull();
  });

  it("filters, sorts and paginates", async () => {
    const page1 = await app.api<Page<Region>>("GET", "/api/v1/regions?sort=-code&pageSize=2");
    expect(page1.body.total).toBe(3);
    expect(page1.body.items.map((r) => r.code)).toEqual(["330784", "330700"]);
    const page2 = await app.api<Page<Region>>("GET", "/api/v1/regions?sort=-code&pageSize=2&page=2");
    expect(page2.body.items.map((r) => r.code)).toEqual(["330000"]);
    const search = await app.api<Page<Region>>("GET", `/api/v1/regions?q=${encodeURIComponent("金华")}`);
    expect(search.body.items.map((r) => r.code)).toEqual(["330700"]);
    const badSort = await app.api<ErrorBody>("GET", "/api/v1/regions?sort=population");
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0]?.field).toBe("sort");
  });

  it("exports a list as CSV and as XLSX", async () => {
    const csv = await app.api<string>("GET", "/api/v1/regions?format=csv&lang=en&sort=code");
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Code,Name (zh),Name,Level,Kind,Parent,Illustrative");
    expect(lines[1]).toBe("330000,浙江省,Zhejiang,province,,,false");
    const xlsx = await app.http.inject({ method: "GET", url: "/api/v1/regions?format=xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("区划代码");
    expect(sheet?.rowCount).toBe(4);
  });

  it("pairs two regions and refuses a pairing with an unknown or repeated region", async () => {
    await app.api("POST", "/api/v1/regions", { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" });
    const pairing = await app.api<Pairing>("POST", "/api/v1/pairings", {
      nameZh: "永康—武义山海协作",
      nameEn: "Yongkang–Wuyi mountain–sea pairing",
      programme: "Zhejiang mountain–sea cooperation",
      sinceYear: 2006,
      regionCodes: ["330784", "330723"],
    });
    expect(pairing.status).toBe(201);
    expect(pairing.body.members.map((m) => m.kind)).toEqual(["developed", "mountain"]);
    const byRegion = await app.api<Page<Pairing>>("GET", "/api/v1/pairings?regionCode=330723");
    expect(byRegion.body.total).toBe(1);
    const bad = await app.api<ErrorBody>("POST", "/api/v1/pairings", { nameZh: "x", nameEn: "x", programme: "x", sinceYear: 2006, regionCodes: ["330784", "330784", "999999"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.field)).toEqual(["regionCodes.1", "regionCodes.2"]);
    const single = await app.api<ErrorBody>("POST", "/api/v1/pairings", { nameZh: "x", nameEn: "x", programme: "x", sinceYear: 2006, regionCodes: ["330784"] });
    expect(single.status).toBe(400);
    expect(single.body.error.details[0]?.field).toBe("regionCodes");
  });
});
