import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Enclave } from "../../contracts/enclaves.ts";
import type { Enterprise, ImportOutcome } from "../../contracts/enterprises.ts";
import type { Project } from "../../contracts/projects.ts";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import { systemActor } from "../src/platform/actor.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorDetail = { field?: string; row?: number; column?: string; value?: unknown; message: string };
type ErrorBody = { error: { code: string; message: string; details: ErrorDetail[] } };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type HistoryEntry = { version: number; action: string; before: Project | null; after: Project };

const yongkang = "330784";
const wuyi = "330723";

function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = `----shanhai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("项目清单");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const headers = ["项目名称", "英文名称", "项目类型", "阶段", "进入阶段日期", "计划投资（万元）", "实际投资（万元）", "所在地区", "所在飞地", "业主企业", "业主名称", "牵引性项目", "开工日期", "计划完工日期", "备注"];

describe.each(databaseTargets())("project import on %s", (target) => {
  let app: TestApp;
  let enclave: Enclave;
  let owner: Enterprise;
  const ownerUscc = makeUscc({ regionCode: wuyi, organisationCode: illustrativeOrganisationCode(4242) });

  const upload = async <T>(fileName: string, bytes: Uint8Array, query = "") => {
    const response = await app.http.inject({ method: "POST", url: `/api/v1/projects/import${query}`, ...multipart(fileName, bytes) });
    return { status: response.statusCode, body: response.json() as T };
  };
  const count = async () => (await app.api<Page<Project>>("GET", "/api/v1/projects?includeArchived=true&pageSize=1")).body.total;
  const named = async (nameZh: string) => (await app.api<Page<Project>>("GET", `/api/v1/projects?q=${encodeURIComponent(nameZh)}&includeArchived=true`)).body.items.filter((p) => p.nameZh === nameZh);
  const history = async (id: string) => (await app.api<HistoryEntry[]>("GET", `/api/v1/projects/${id}/history`)).body;

  // The first file: a title row above Chinese headers, regions by name, amounts in 万元, an owner by USCC.
  const firstRows = () => [
    ["永康—武义山海协作 重点项目清单（2024年）"],
    headers,
    ["永武高速公路", "Yongkang–Wuyi expressway", "基础设施", "签约", "2022-04-02", "1,260,000", null, "永康市、武义县", null, null, "金华市交通投资集团有限公司", "是", "2022/6/1", "2025年12月31日", "牵引性项目"],
    ["武义五金产业园", "Wuyi hardware park", "投资", "在建", new Date(Date.UTC(2023, 2, 1)), 1234.5678, "12.34", "330723", "永武山海协作产业飞地", ownerUscc, null, "否", "2023-03-15", null, null],
  ];

  beforeAll(async () => {
    app = await startTestApp(target);
    await app.api("POST", "/api/v1/regions", { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" });
    await app.api("POST", "/api/v1/regions", { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" });
    await app.api("POST", "/api/v1/regions", { code: yongkang, nameZh: "永康市", nameEn: "Yongkang", level: "county", kind: "developed", parentCode: "330700" });
    await app.api("POST", "/api/v1/regions", { code: wuyi, nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" });
    const createdEnclave = await app.api<Enclave>("POST", "/api/v1/enclaves", {
      nameZh: "永武山海协作产业飞地",
      nameEn: "Yongkang–Wuyi industrial enclave",
      kind: "industrial",
      hostRegionCode: yongkang,
      sendingRegionCodes: [wuyi],
      areaMu: "150",
    });
    expect(createdEnclave.status).toBe(201);
    enclave = createdEnclave.body;
    const createdOwner = await app.api<Enterprise>("POST", "/api/v1/enterprises", { uscc: ownerUscc, nameZh: "武义锐力电动工具有限公司", homeRegionCode: wuyi, industryCode: "3465" });
    expect(createdOwner.status).toBe(201);
    owner = createdOwner.body;
  });
  afterAll(() => app.close());

  it("imports an XLSX with a title row and Chinese headers, converting 万元 to fen exactly", async () => {
    const imported = await upload<ImportOutcome>("项目清单.xlsx", await xlsxOf(firstRows()));
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0, problems: [], warnings: [] });
    const [road] = await named("永武高速公路");
    expect(road).toMatchObject({
      nameEn: "Yongkang–Wuyi expressway",
      kind: "infrastructure",
      stage: "signed",
      stageHistory: [{ stage: "signed", on: "2022-04-02" }],
      plannedInvestmentFen: "1260000000000", // 1,260,000 万元 = 12,600,000,000 元
      actualInvestmentFen: null,
      regionCodes: [yongkang, wuyi],
      enclaveId: null,
      ownerEnterpriseId: null,
      ownerName: "金华市交通投资集团有限公司",
      traction: true,
      startedOn: "2022-06-01",
      plannedCompletionOn: "2025-12-31",
      note: "牵引性项目",
      illustrative: false,
      version: 1,
    });
    const [park] = await named("武义五金产业园");
    expect(park).toMatchObject({
      kind: "investment",
      stage: "under_construction",
      stageHistory: [{ stage: "under_construction", on: "2023-03-01" }],
      plannedInvestmentFen: "1234567800", // 1,234.5678 万元 from a number cell
      actualInvestmentFen: "12340000",
      regionCodes: [wuyi],
      enclaveId: enclave.id,
      ownerEnterpriseId: owner.id,
      ownerName: null,
      traction: false,
    });
    expect((await history((road as Project).id)).map((h) => h.action)).toEqual(["create"]);
  });

  it("imports a CSV with English headers, keys for kind and stage, and amounts in 元 by header", async () => {
    const csv = "Name (zh),Name (en),Kind,Stage,Regions,Planned investment (yuan),Owner enterprise\n武义温泉康养中心,Wuyi spa centre,public_service,lead,Wuyi,\"1,200,000.50\",武义锐力电动工具有限公司\n";
    const imported = await upload<ImportOutcome>("spa.csv", Buffer.from(csv, "utf8"));
    expect(imported.body).toMatchObject({ rows: 1, created: 1, rejected: 0 });
    const [spa] = await named("武义温泉康养中心");
    expect(spa).toMatchObject({ kind: "public_service", stage: "lead", regionCodes: [wuyi], plannedInvestmentFen: "120000050", ownerEnterpriseId: owner.id });
  });

  it("rejects a file with bad rows, listing each row and column, and writes nothing", async () => {
    const before = await count();
    const bytes = await xlsxOf([
      ["项目名称", "英文名称", "项目类型", "阶段", "所在地区", "计划投资（万元）", "开工日期", "计划完工日期", "业主企业"],
      ["好项目", "Good project", "投资", "线索", "武义县", null, null, null, null],
      ["类型错", "Bad kind", "房地产", "线索", "武义县", null, null, null, null],
      ["地区错", "Bad region", "投资", "线索", "义乌市", null, null, null, null],
      ["金额错", "Bad amount", "投资", "线索", "武义县", "1.0000001", null, null, null],
      ["日期错", "Bad dates", "投资", "线索", "武义县", null, "2024-05-01", "2024-04-30", null],
      ["业主错", "Bad owner", "投资", "线索", "武义县", null, null, null, "不存在的公司"],
      ["缺英文名", null, "投资", "线索", "武义县", null, null, null, null],
      ["好项目", "Good project again", "投资", "线索", "武义", null, null, null, null],
    ]);
    const rejected = await upload<ErrorBody>("bad.xlsx", bytes);
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.code).toBe("import.rejected");
    expect(rejected.body.error.details.map((d) => [d.row, d.column])).toEqual([
      [3, "项目类型"],
      [4, "所在地区"],
      [5, "计划投资（万元）"],
      [6, "计划完工日期"],
      [7, "业主企业"],
      [8, "英文名称"],
      [9, "项目名称"],
    ]);
    const [kind, region, amount, dates, ownerProblem, nameEn, twice] = rejected.body.error.details;
    expect(kind).toMatchObject({ value: "房地产", message: expect.stringContaining("must be one of 投资 (investment)") });
    expect(region).toMatchObject({ value: "义乌市", message: "no region with this code or name" });
    expect(amount).toMatchObject({ value: "1.0000001", message: expect.stringContaining("less than one fen") });
    expect(dates).toMatchObject({ value: "2024-04-30", message: "must not be before startedOn (2024-05-01)" });
    expect(ownerProblem).toMatchObject({ value: "不存在的公司", message: "no enterprise with this USCC or name" });
    expect(nameEn?.message).toBe("is required for a new project");
    expect(twice?.message).toContain("the same project as row 2");
    expect(await count()).toBe(before);
    expect(await named("好项目")).toEqual([]);
  });

  it("imports the good rows in valid_rows mode and reports the rest", async () => {
    const csv = "项目名称,英文名称,项目类型,所在地区,实际投资（万元）\n永康门业智造园,Yongkang door park,投资,永康,800\n武义茶旅小镇,Wuyi tea town,投资,武义县,很多\n";
    const imported = await upload<ImportOutcome>("mixed.csv", Buffer.from(csv, "utf8"), "?mode=valid_rows");
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(imported.body.problems).toEqual([{ row: 3, column: "实际投资（万元）", value: "很多", message: "is not an amount in 万元" }]);
    expect((await named("永康门业智造园"))[0]).toMatchObject({ regionCodes: [yongkang], actualInvestmentFen: "800000000", stage: "lead" });
    expect(await named("武义茶旅小镇")).toEqual([]);
  });

  it("changes nothing when the same file is imported again, and updates with history when a value differs", async () => {
    const again = await upload<ImportOutcome>("项目清单.xlsx", await xlsxOf(firstRows()));
    expect(again.body).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0, problems: [], warnings: [] });
    const [road] = await named("永武高速公路");
    expect(road?.version).toBe(1);
    expect((await history((road as Project).id)).map((h) => h.action)).toEqual(["create"]);

    // The identity is the name in the same set of regions: their order does not matter.
    const changed = firstRows();
    (changed[2] as unknown[])[6] = "250,000";
    (changed[2] as unknown[])[7] = "330723; 永康";
    const third = await upload<ImportOutcome>("changed.xlsx", await xlsxOf(changed));
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const entries = await history((road as Project).id);
    expect(entries.map((h) => [h.version, h.action])).toEqual([
      [1, "create"],
      [2, "update"],
    ]);
    expect(entries[1]?.before?.actualInvestmentFen).toBeNull();
    expect(entries[1]?.after).toMatchObject({ actualInvestmentFen: "250000000000", regionCodes: [yongkang, wuyi] });
  });

  it("creates a separate project for the same name in other regions", async () => {
    const csv = "项目名称,英文名称,项目类型,所在地区\n永武高速公路,Yongkang–Wuyi expressway (Yongkang section),基础设施,永康市\n";
    const imported = await upload<ImportOutcome>("section.csv", Buffer.from(csv, "utf8"));
    expect(imported.body).toMatchObject({ created: 1, updated: 0 });
    expect((await named("永武高速公路")).map((p) => p.regionCodes)).toEqual(expect.arrayContaining([[yongkang, wuyi], [yongkang]]));
  });

  it("moves the stage forward with its date and refuses a row that would move a project back", async () => {
    const [park] = await named("武义五金产业园");
    const forward = "项目名称,阶段,进入阶段日期,所在地区\n武义五金产业园,投产,2024-06-01,武义县\n";
    expect((await upload<ImportOutcome>("forward.csv", Buffer.from(forward, "utf8"))).body).toMatchObject({ updated: 1 });
    const moved = (await app.api<Project>("GET", `/api/v1/projects/${(park as Project).id}`)).body;
    expect(moved.stageHistory).toEqual([
      { stage: "under_construction", on: "2023-03-01" },
      { stage: "in_production", on: "2024-06-01" },
    ]);

    const back = "项目名称,阶段,所在地区\n武义五金产业园,签约,武义县\n";
    const refused = await upload<ErrorBody>("back.csv", Buffer.from(back, "utf8"));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { row: 2, column: "阶段", value: "signed", message: "cannot move back from 投产 (in_production) to 签约 (signed); a project moves forward only" },
    ]);
    const reported = await upload<ImportOutcome>("back.csv", Buffer.from(back, "utf8"), "?mode=valid_rows");
    expect(reported.body).toMatchObject({ rows: 1, updated: 0, unchanged: 0, rejected: 1 });
    const after = (await app.api<Project>("GET", `/api/v1/projects/${(park as Project).id}`)).body;
    expect(after).toMatchObject({ stage: "in_production", version: moved.version });

    const sameStageOtherDate = "项目名称,阶段,进入阶段日期,所在地区\n武义五金产业园,投产,2024-07-01,武义县\n";
    const dated = await upload<ErrorBody>("date.csv", Buffer.from(sameStageOtherDate, "utf8"));
    expect(dated.body.error.details[0]).toMatchObject({ column: "进入阶段日期", message: expect.stringContaining("since 2024-06-01") });
  });

  it("reports progress to a caller of the service (the CLI)", async () => {
    const progress: { phase: string; done: number; total: number }[] = [];
    const outcome = await app.modules.projects.imports.importProjects(
      systemActor("test"),
      { fileName: "p.csv", bytes: Buffer.from("项目名称,英文名称,项目类型,所在地区\n进度测试项目,Progress test,投资,武义县\n") },
      { mode: "all_or_nothing" },
      (p) => progress.push(p),
    );
    expect(outcome.created).toBe(1);
    expect(progress).toEqual([
      { phase: "checking", done: 1, total: 1 },
      { phase: "writing", done: 1, total: 1 },
    ]);
  });

  it("refuses a file without the required columns", async () => {
    const missing = await upload<ErrorBody>("m.csv", Buffer.from("英文名称,项目类型\nx,投资\n"));
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d) => d.column)).toEqual(["项目名称", "所在地区"]);
  });

  it("gives an empty template with the headers, and documents the routes", async () => {
    const csv = await app.api<string>("GET", "/api/v1/projects/import/template?format=csv");
    expect(csv.body.replace(/^\uFEFF/, "").trim()).toBe(
      "项目名称,英文名称,项目类型,阶段,进入阶段日期,计划投资（万元）,实际投资（万元）,所在地区,所在飞地,业主企业,业主名称,牵引性项目,开工日期,计划完工日期,备注",
    );
    const xlsx = await app.http.inject({ method: "GET", url: "/api/v1/projects/import/template?format=xlsx&lang=en" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(1).getCell(1).value).toBe("Name (zh)");
    const doc = await app.api<{ paths: Record<string, Record<string, { tags?: string[] }>> }>("GET", "/api/openapi.json");
    expect(doc.body.paths["/api/v1/projects/import"]?.post?.tags).toEqual(["Projects"]);
    expect(doc.body.paths["/api/v1/projects/import/template"]?.get?.tags).toEqual(["Projects"]);
  });
});
