import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Enclave } from "../../contracts/enclaves.ts";
import type { Enterprise, ImportOutcome, IndustryCodeEntry } from "../../contracts/enterprises.ts";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorDetail = { field?: string; row?: number; column?: string; value?: unknown; message: string };
type ErrorBody = { error: { code: string; message: string; details: ErrorDetail[] } };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type HistoryEntry = { version: number; action: string; before: Enterprise | null; after: Enterprise };

const yongkang = "330784";
const wuyi = "330723";
let seed = 1;
const usccIn = (regionCode: string) => makeUscc({ regionCode, organisationCode: illustrativeOrganisationCode(seed++) });
/** The same code with a wrong check character. */
const withBadCheck = (code: string) => `${code.slice(0, 17)}${code.endsWith("0") ? "1" : "0"}`;

function multipart(fileName: string, bytes: Uint8Array, field = "file") {
  const boundary = `----shanhai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("企业名录");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe.each(databaseTargets())("enterprises on %s", (target) => {
  let app: TestApp;
  let enclave: Enclave;

  async function upload<T>(fileName: string, bytes: Uint8Array, query = "") {
    const response = await app.http.inject({ method: "POST", url: `/api/v1/enterprises/import${query}`, ...multipart(fileName, bytes) });
    return { status: response.statusCode, body: response.json() as T };
  }
  const count = async () => (await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?includeArchived=true&pageSize=1")).body.total;
  const byUscc = async (uscc: string) => (await app.api<Page<Enterprise>>("GET", `/api/v1/enterprises?q=${uscc}`)).body.items[0];

  beforeAll(async () => {
    app = await startTestApp(target);
    await app.api("POST", "/api/v1/regions", { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" });
    await app.api("POST", "/api/v1/regions", { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" });
    await app.api("POST", "/api/v1/regions", { code: yongkang, nameZh: "永康市", nameEn: "Yongkang", level: "county", kind: "developed", parentCode: "330700" });
    await app.api("POST", "/api/v1/regions", { code: wuyi, nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" });
    const created = await app.api<Enclave>("POST", "/api/v1/enclaves", {
      nameZh: "永武山海协作产业飞地",
      nameEn: "Yongkang–Wuyi industrial enclave",
      kind: "industrial",
      hostRegionCode: yongkang,
      sendingRegionCodes: [wuyi],
      areaMu: "150",
    });
    expect(created.status).toBe(201);
    enclave = created.body;
  });
  afterAll(() => app.close());

  describe("the register", () => {
    const tools = usccIn(wuyi);

    it("creates an enterprise, names its industry class and checks the USCC against the home region", async () => {
      const created = await app.api<Enterprise>("POST", "/api/v1/enterprises", {
        uscc: tools.toLowerCase(),
        nameZh: "武义锐力电动工具有限公司",
        nameEn: "Wuyi Ruili Power Tools Co., Ltd.",
        homeRegionCode: wuyi,
        industryCode: "C3465",
        enclaveId: enclave.id,
        residentSince: "2023-05-01",
        employees: 320,
        foundedOn: "2012-08-15",
        products: ["电钻", "angle grinder"],
        registeredCapitalFen: "500000000",
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ uscc: tools, industryCode: "3465", industryNameZh: "风动和电动工具制造", usccRegionMatch: true, version: 1 });
      const elsewhere = await app.api<Enterprise>("POST", "/api/v1/enterprises", { uscc: usccIn(yongkang), nameZh: "迁入企业", homeRegionCode: wuyi, industryCode: "3670" });
      expect(elsewhere.status).toBe(201);
      expect(elsewhere.body.usccRegionMatch).toBe(false);
    });

    it("names the field of a wrong check character, an unknown class, region or enclave, and bad dates", async () => {
      const bad = await app.api<ErrorBody>("POST", "/api/v1/enterprises", { uscc: "91350200776049653B", nameZh: "甲", homeRegionCode: "339999", industryCode: "9999" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: "uscc", message: "check character should be 'A', found 'B' (if the register really holds this code, keep it: keepUsccFailingCheck)" }),
          expect.objectContaining({ field: "homeRegionCode", message: "no region with this code" }),
          expect.objectContaining({ field: "industryCode", message: expect.stringContaining("not a class of GB/T 4754-2017") }),
        ]),
      );
      const dates = await app.api<ErrorBody>("POST", "/api/v1/enterprises", {
        uscc: usccIn(wuyi),
        nameZh: "乙",
        homeRegionCode: wuyi,
        industryCode: "3465",
        foundedOn: "2999-01-01",
        residentSince: "2020-01-01",
      });
      expect(dates.body.error.details.map((d) => d.field).sort()).toEqual(["foundedOn", "residentSince"]);
      const noEnclave = await app.api<ErrorBody>("POST", "/api/v1/enterprises", { uscc: usccIn(wuyi), nameZh: "丙", homeRegionCode: wuyi, industryCode: "3465", enclaveId: "00000000-0000-4000-8000-000000000000" });
      expect(noEnclave.body.error.details).toEqual([expect.objectContaining({ field: "enclaveId", message: "no enclave with this id" })]);
      const negative = await app.api<ErrorBody>("POST", "/api/v1/enterprises", { uscc: usccIn(wuyi), nameZh: "丁", homeRegionCode: wuyi, industryCode: "3465", registeredCapitalFen: "-1", employees: -1 });
      expect(negative.body.error.details.map((d) => d.field).sort()).toEqual(["employees", "registeredCapitalFen"]);
    });

    it("answers a duplicate USCC with 409 naming uscc", async () => {
      const again = await app.api<ErrorBody>("POST", "/api/v1/enterprises", { uscc: tools, nameZh: "重复", homeRegionCode: wuyi, industryCode: "3465" });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("enterprise.duplicate");
      expect(again.body.error.details[0]?.field).toBe("uscc");
    });

    it("changes an enterprise with history, keeping the enclave rule on the record as it will stand", async () => {
      const current = (await byUscc(tools)) as Enterprise;
      const moved = await app.api<ErrorBody>("PATCH", `/api/v1/enterprises/${current.id}`, { enclaveId: null });
      expect(moved.status).toBe(400);
      expect(moved.body.error.details[0]?.field).toBe("residentSince");
      const changed = await app.api<Enterprise>("PATCH", `/api/v1/enterprises/${current.id}`, { employees: 350 }, { "if-match": "1" });
      expect(changed.body).toMatchObject({ employees: 350, version: 2, residentSince: "2023-05-01" });
      const history = await app.api<HistoryEntry[]>("GET", `/api/v1/enterprises/${current.id}/history`);
      expect(history.body.map((h) => h.action)).toEqual(["create", "update"]);
    });

    it("filters by region, industry prefix, enclave and residence, searches products and sorts", async () => {
      const division = await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?industryCode=34");
      expect(division.body.items.map((e) => e.uscc)).toEqual([tools]);
      const section = await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?industryCode=C");
      expect(section.body.total).toBe(2);
      expect((await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?resident=true")).body.total).toBe(1);
      expect((await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?resident=false")).body.total).toBe(1);
      expect((await app.api<Page<Enterprise>>("GET", `/api/v1/enterprises?enclaveId=${enclave.id}`)).body.total).toBe(1);
      expect((await app.api<Page<Enterprise>>("GET", `/api/v1/enterprises?homeRegionCode=${yongkang}`)).body.total).toBe(0);
      const product = await app.api<Page<Enterprise>>("GET", `/api/v1/enterprises?q=${encodeURIComponent("grinder")}`);
      expect(product.body.items.map((e) => e.uscc)).toEqual([tools]);
      const sorted = await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?sort=-employees");
      expect(sorted.body.items[0]?.employees).toBe(350);
      const badSort = await app.api<ErrorBody>("GET", "/api/v1/enterprises?sort=capital");
      expect(badSort.status).toBe(400);
      expect((await app.api("GET", "/api/v1/enterprises/not-an-id")).status).toBe(404);
    });

    it("keeps a code whose check character fails when asked to, marked for a look, as DOMAIN §6 wants", async () => {
      const code = withBadCheck(usccIn(wuyi));
      const refused = await app.api<ErrorBody>("POST", "/api/v1/enterprises", { uscc: code, nameZh: "校验位不符", homeRegionCode: wuyi, industryCode: "0164" });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([expect.objectContaining({ field: "uscc", message: expect.stringContaining("keepUsccFailingCheck") })]);
      const kept = await app.api<Enterprise>("POST", "/api/v1/enterprises", { uscc: code.toLowerCase(), nameZh: "校验位不符", homeRegionCode: wuyi, industryCode: "0164", keepUsccFailingCheck: true });
      expect(kept.status).toBe(201);
      expect(kept.body).toMatchObject({ uscc: code, usccCheckOk: false });
      expect(kept.body).not.toHaveProperty("keepUsccFailingCheck");
      const toLookAt = async () => (await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?usccCheckOk=false")).body.items.map((e) => e.id);
      expect(await toLookAt()).toEqual([kept.body.id]);
      // Sent again unchanged (a form sends every field), the kept code stays without asking again.
      const renamed = await app.api<Enterprise>("PATCH", `/api/v1/enterprises/${kept.body.id}`, { uscc: code, nameZh: "校验位不符有限公司" }, { "if-match": `"${kept.body.version}"` });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ uscc: code, usccCheckOk: false, nameZh: "校验位不符有限公司" });
      // A correction to a valid code clears the mark; another failing code needs asking again.
      const other = withBadCheck(usccIn(wuyi));
      const again = await app.api<ErrorBody>("PATCH", `/api/v1/enterprises/${kept.body.id}`, { uscc: other }, { "if-match": `"${renamed.body.version}"` });
      expect(again.status).toBe(400);
      const valid = usccIn(wuyi);
      const fixed = await app.api<Enterprise>("PATCH", `/api/v1/enterprises/${kept.body.id}`, { uscc: valid }, { "if-match": `"${renamed.body.version}"` });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ uscc: valid, usccCheckOk: true });
      expect(await toLookAt()).toEqual([]);
    });

    it("lists the shipped industry classes by code prefix or name", async () => {
      const byName = await app.api<{ items: IndustryCodeEntry[]; total: number }>("GET", `/api/v1/industry-codes?q=${encodeURIComponent("电动工具")}`);
      expect(byName.body.items.map((c) => c.code)).toContain("3465");
      const byPrefix = await app.api<{ items: IndustryCodeEntry[]; total: number }>("GET", "/api/v1/industry-codes?q=346&limit=100");
      expect(byPrefix.body.items.every((c) => c.code.startsWith("346"))).toBe(true);
      expect(byPrefix.body.items[0]).toMatchObject({ divisionCode: "34", sectionCode: "C" });
    });
  });

  describe("the import", () => {
    const doors = usccIn(yongkang);
    const cups = usccIn(yongkang);
    const tea = usccIn(wuyi);

    it("imports an XLSX with a title row above Chinese headers, names for region and enclave, and capital in 万元", async () => {
      const bytes = await xlsxOf([
        ["永康—武义山海协作 入驻企业名录（2024年）"],
        ["统一社会信用代码", "企业名称", "英文名称", "所属地区", "行业代码", "所在飞地", "入驻日期", "从业人数", "成立日期", "主要产品", "注册资本（万元）"],
        [doors, "永康鼎盛门业有限公司", "Yongkang Dingsheng Door Co.", "永康市", 3312, "永武山海协作产业飞地", "2023年3月1日", "1,234", new Date(Date.UTC(2008, 4, 20)), "防盗门；钢木门、security door", "1,234.5678"],
        [cups, "永康恒通杯业有限公司", null, "330784 永康市", "C3389", null, null, 86, "2015/6/1", "保温杯", 500],
      ]);
      const imported = await upload<ImportOutcome>("名录.xlsx", bytes);
      expect(imported.status).toBe(200);
      expect(imported.body).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0, problems: [], warnings: [] });
      const door = await byUscc(doors);
      expect(door).toMatchObject({
        nameZh: "永康鼎盛门业有限公司",
        homeRegionCode: yongkang,
        industryCode: "3312",
        enclaveId: enclave.id,
        residentSince: "2023-03-01",
        employees: 1234,
        foundedOn: "2008-05-20",
        products: ["防盗门", "钢木门", "security door"],
        registeredCapitalFen: "1234567800",
        usccRegionMatch: true,
        version: 1,
      });
      expect((await byUscc(cups))?.registeredCapitalFen).toBe("500000000");
    });

    it("imports a GBK CSV with English headers and capital in 元", async () => {
      const text = `USCC,Name (zh),Home region,Industry code,Employees,Founded on,Registered capital (yuan)\r\n${tea},武义有机茶业有限公司,Wuyi,0164,25,2019-04-01,"1,200,000.50"\r\n`;
      const imported = await upload<ImportOutcome>("tea.csv", iconv.encode(text, "gbk"));
      expect(imported.body).toMatchObject({ rows: 1, created: 1 });
      expect(await byUscc(tea)).toMatchObject({ nameZh: "武义有机茶业有限公司", homeRegionCode: wuyi, industryCode: "0164", registeredCapitalFen: "120000050" });
    });

    it("rejects a file with bad rows, naming each row and column, and writes nothing", async () => {
      const before = await count();
      const good = usccIn(wuyi);
      const bytes = await xlsxOf([
        ["统一社会信用代码", "企业名称", "所属地区", "行业代码", "成立日期"],
        [good, "好企业", "武义县", "3465", "2020-01-01"],
        [`${usccIn(wuyi).slice(0, 17)}I`, "代码字符错", "武义县", "3465", "2020-01-01"],
        [usccIn(wuyi), "行业错", "武义县", "3432x", "2020-01-01"],
        [usccIn(wuyi), "日期错", "武义", "3465", "2021-02-30"],
        [usccIn(wuyi), "地区错", "义乌市", "3465", "2021-02-01"],
      ]);
      const rejected = await upload<ErrorBody>("bad.xlsx", bytes);
      expect(rejected.status).toBe(400);
      expect(rejected.body.error.code).toBe("import.rejected");
      const where = rejected.body.error.details.map((d) => [d.row, d.column]);
      expect(where).toEqual([
        [3, "统一社会信用代码"],
        [4, "行业代码"],
        [5, "成立日期"],
        [6, "所属地区"],
      ]);
      expect(rejected.body.error.details[0]?.message).toMatch(/^character 18 'I' is not allowed/);
      expect(rejected.body.error.details[2]?.value).toBe("2021-02-30");
      expect(await count()).toBe(before);
      expect(await byUscc(good)).toBeUndefined();
    });

    it("imports the good rows in valid_rows mode and reports the rest", async () => {
      const good = usccIn(wuyi);
      const csv = `统一社会信用代码,企业名称,所属地区,行业代码,从业人数\n${good},武义精锐机械有限公司,330723,3484,40\n${usccIn(wuyi)},人数错,330723,3484,很多\n`;
      const imported = await upload<ImportOutcome>("mixed.csv", Buffer.from(csv, "utf8"), "?mode=valid_rows");
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ rows: 2, created: 1, rejected: 1 });
      expect(imported.body.problems).toEqual([{ row: 3, column: "从业人数", value: "很多", message: "must be a whole number" }]);
      expect((await byUscc(good))?.employees).toBe(40);
    });

    it("imports a code whose check character fails as the register has it, with a warning naming the row", async () => {
      const code = withBadCheck(usccIn(wuyi));
      const csv = `统一社会信用代码,企业名称,所属地区,行业代码\n${usccIn(wuyi)},武义好代码有限公司,330723,3484\n${code},武义旧代码有限公司,330723,3484\n`;
      const imported = await upload<ImportOutcome>("check.csv", Buffer.from(csv, "utf8"));
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ rows: 2, created: 2, rejected: 0, problems: [] });
      expect(imported.body.warnings).toEqual([{ row: 3, column: "统一社会信用代码", value: code, message: expect.stringMatching(/^check character should be '.', found '.'; kept as the register has it$/) }]);
      expect(await byUscc(code)).toMatchObject({ nameZh: "武义旧代码有限公司", usccCheckOk: false });
    });

    it("changes nothing when the same file is imported twice, and updates with history when a value differs", async () => {
      const rows = [
        ["统一社会信用代码", "企业名称", "所属地区", "行业代码", "从业人数", "主要产品"],
        [doors, "永康鼎盛门业有限公司", "永康市", "3312", 1234, "防盗门;钢木门;security door"],
        [cups, "永康恒通杯业有限公司", "永康", "3389", 86, "保温杯"],
      ];
      const first = await upload<ImportOutcome>("again.xlsx", await xlsxOf(rows));
      expect(first.body).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0, problems: [], warnings: [] });
      const second = await upload<ImportOutcome>("again.xlsx", await xlsxOf(rows));
      expect(second.body).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
      const door = (await byUscc(doors)) as Enterprise;
      expect(door.version).toBe(1);
      expect(door.enclaveId).toBe(enclave.id); // a column the file lacks is left as it was

      const changed = rows.map((r) => [...r]);
      (changed[1] as unknown[])[4] = 1300;
      const third = await upload<ImportOutcome>("changed.xlsx", await xlsxOf(changed));
      expect(third.body).toMatchObject({ updated: 1, unchanged: 1 });
      const history = await app.api<HistoryEntry[]>("GET", `/api/v1/enterprises/${door.id}/history`);
      expect(history.body.map((h) => [h.version, h.action])).toEqual([[1, "create"], [2, "update"]]);
      expect(history.body[1]?.before?.employees).toBe(1234);
      expect(history.body[1]?.after.employees).toBe(1300);
    });

    it("reports progress to a caller of the service (the CLI and jobs)", async () => {
      const progress: { phase: string; done: number; total: number }[] = [];
      const csv = `USCC,企业名称,所属地区,行业代码\n${usccIn(wuyi)},进度测试,武义县,3465\n`;
      const outcome = await app.modules.enterprises.imports.importEnterprises(
        { id: "test", name: "test", kind: "system", role: "system_admin", scope: {} },
        { fileName: "p.csv", bytes: Buffer.from(csv) },
        { mode: "all_or_nothing" },
        (p) => progress.push(p),
      );
      expect(outcome.created).toBe(1);
      expect(progress).toEqual([
        { phase: "checking", done: 1, total: 1 },
        { phase: "writing", done: 1, total: 1 },
      ]);
    });

    it("rejects a file without the required columns and one that is not a spreadsheet", async () => {
      const missing = await upload<ErrorBody>("m.csv", Buffer.from("企业名称,从业人数\n甲,1\n"));
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.map((d) => d.column)).toEqual(["统一社会信用代码", "所属地区", "行业代码"]);
      const xls = await upload<ErrorBody>("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
      expect(xls.status).toBe(400);
      expect(xls.body.error.code).toBe("import.unreadable");
    });

    it("asks for the file when the request has none, and refuses an upload over the limit with 413", async () => {
      const json = await app.api<ErrorBody>("POST", "/api/v1/enterprises/import", { file: "x" });
      expect(json.status).toBe(400);
      expect(json.body.error.details[0]?.field).toBe("file");
      const huge = await upload<ErrorBody>("huge.csv", new Uint8Array(20 * 1_048_576 + 1).fill(0x41));
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe("request.too_large");
    });

    it("gives an empty template with the headers, as XLSX and CSV", async () => {
      const csv = await app.api<string>("GET", "/api/v1/enterprises/import/template?format=csv");
      expect(csv.body.replace(/^\uFEFF/, "").trim()).toBe("统一社会信用代码,企业名称,英文名称,所属地区,行业代码,所在飞地,入驻日期,从业人数,成立日期,主要产品,注册资本（万元）,备注");
      const xlsx = await app.http.inject({ method: "GET", url: "/api/v1/enterprises/import/template?format=xlsx&lang=en" });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets[0]?.getRow(1).getCell(1).value).toBe("USCC");
      expect(book.worksheets[0]?.rowCount).toBe(1);
    });

    it("describes the import and the industry codes in the OpenAPI document", async () => {
      const doc = await app.api<{ paths: Record<string, Record<string, { tags?: string[] }>> }>("GET", "/api/openapi.json");
      expect(doc.status).toBe(200);
      expect(doc.body.paths["/api/v1/enterprises/import"]?.post?.tags).toEqual(["Enterprises"]);
      expect(doc.body.paths["/api/v1/industry-codes"]?.get?.tags).toEqual(["System"]);
    });
  });
});
