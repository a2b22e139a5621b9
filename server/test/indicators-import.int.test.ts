// Figure imports as officials' files come: XLSX with title rows and a hidden sheet, Excel date cells and text
// months, 万元 with decimals and thousands separators (exact), GBK CSV without BOM, UTF-8 CSV with BOM, English
// headers, enterprises by USCC or name and enclaves by name. A rejected file writes nothing and names every
// problem; valid_rows imports the good rows; the same file twice changes nothing; a corrected figure is a new
// version; a large file runs as a background job whose progress the API shows.
import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FigureImport, FigureVersion } from "../../contracts/indicators.ts";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import { figuresForSettlement } from "../src/modules/indicators/index.ts";
import type { StagedFigure } from "../src/modules/indicators/figure-import.check.ts";
import { figureIdOf } from "../src/modules/indicators/figure-identity.ts";
import { commitImport, discardWritten, ImportRunOvertaken, insertImport, writeBatch, writtenRows } from "../src/modules/indicators/imports.repository.ts";
import { stagedColumns } from "../src/modules/indicators/staged-columns.ts";
import type { Actor } from "../src/platform/actor.ts";
import { ValidationFailed } from "../src/platform/errors.ts";
import { buildFigureWorld, countOf, multipart, utf8, wuyi, xlsxOf, yiwu, type FigureWorld } from "./support/figures-fixtures.ts";
import { databaseTargets, startTestApp, testOperator, type TestApp } from "./support/test-app.ts";

type Page<T> = { items: T[]; total: number };
type Problem = { row: number; column: string; value: unknown; message: string };
type ErrorBody = { error: { code: string; message: string; details: Problem[] } };

describe.each(databaseTargets())("figure imports on %s", (target) => {
  let app: TestApp;
  let world: FigureWorld;
  let a: FigureWorld["enterprises"][number];
  let b: FigureWorld["enterprises"][number];

  const upload = async (fileName: string, bytes: Uint8Array, query = "") => {
    const response = await app.http.inject({ method: "POST", url: `/api/v1/figures/import${query}`, ...multipart(fileName, bytes) });
    return { status: response.statusCode, body: response.json() as FigureImport & ErrorBody };
  };
  const latest = async (query: string) => (await app.api<Page<FigureVersion>>("GET", `/api/v1/figures?pageSize=500&${query}`)).body.items;
  const versions = () => countOf(app.database.db, "indicators_figure_version");
  /** Follows a background import until it has finished. */
  const finished = async (started: FigureImport): Promise<FigureImport> => {
    let current = started;
    for (let i = 0; i < 300 && !current.finished; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await app.api<FigureImport>("GET", `/api/v1/figures/imports/${started.id}`)).body;
    }
    return current;
  };

  beforeAll(async () => {
    // Files over 16 KiB run as background jobs here, written 100 rows per batch.
    app = await startTestApp(target, { figureImports: { inlineLimitBytes: 16384, batchSize: 100 } });
    world = await buildFigureWorld(app);
    [a, b] = world.enterprises as [FigureWorld["enterprises"][number], FigureWorld["enterprises"][number]];
  });
  afterAll(async () => {
    await app?.close();
  });

  const firstWorkbook = () =>
    xlsxOf(
      [
        ["永康—武义飞地 2024年 税收与统计月报"],
        ["填报单位：武义县税务局", null, null, "单位：万元"],
        [],
        ["统一社会信用代码", "企业名称", "飞地", "月份", "指标", "金额（万元）", "数量", "单位", "说明"],
        [a.uscc, a.nameZh, null, new Date(Date.UTC(2024, 2, 1)), "增值税地方留成", 1234.5678, null, null, null],
        [a.uscc, null, null, "2024年4月", "local_retained_cit", "1,000", null, null, null],
        [null, b.nameZh, null, "202405", "工业总产值", "12.5万元", null, null, "统计局口径"],
        [null, null, world.enclaveName, "2024/6", "能耗指标", null, "1,200.5", "吨标准煤", null],
        [a.uscc, null, null, 45505, "tourism_revenue", "0.5", null, "元", null],
      ],
      { hiddenFirst: true },
    );

  // ExcelJS stamps the time into each workbook it writes: the same file is these bytes, kept.
  let firstFile: Uint8Array;

  it("imports an XLSX with title rows, a hidden sheet, Excel dates, 万元 and names, exactly", async () => {
    firstFile = await firstWorkbook();
    const answer = await upload("2024年指标.xlsx", firstFile);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "committed", finished: true, run: "inline", rows: 5, toWrite: 5, done: 5, created: 5, corrected: 0, unchanged: 0, rejected: 0, problems: [], repeated: false });
    const mine = await latest(`enterpriseId=${a.id}`);
    expect(mine.map((f) => [f.month, f.measure, f.amountFen, f.source, f.importId])).toEqual([
      ["2024-03", "local_retained_vat", "1234567800", "import", answer.body.id],
      ["2024-04", "local_retained_cit", "1000000000", "import", answer.body.id],
      ["2024-08", "tourism_revenue", "500000", "import", answer.body.id],
    ]);
    expect((await latest(`enterpriseId=${b.id}`)).map((f) => [f.measure, f.amountFen, f.reason])).toEqual([["industrial_output", "12500000", "统计局口径"]]);
    expect((await latest(`enclaveId=${world.enclaveId}`)).map((f) => [f.month, f.measure, f.unit, f.quantity])).toEqual([["2024-06", "energy_quota", "tce", "1200.5"]]);
  });

  it("says so and changes nothing when the same file is imported again", async () => {
    const before = await versions();
    const first = (await app.api<Page<FigureImport>>("GET", "/api/v1/figures/imports")).body.items[0] as FigureImport;
    const again = await upload("same file, new name.xlsx", firstFile);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.id, repeated: true, status: "committed", created: 5 });
    expect(await versions()).toBe(before);
    expect(await countOf(app.database.db, "indicators_import")).toBe(1);
  });

  it("reads GBK CSV without a BOM, English headers, names and Chinese measure names", async () => {
    const csv = ["Wuyi tax bureau: corrections, March 2024", "Enterprise name,Month,Measure,Amount (yuan),Quantity,Reason", `${b.nameZh},2024年3月,增值税地方留成,"1,234.56",,税务局更正`].join("\r\n");
    const answer = await upload("corrections.csv", new Uint8Array(iconv.encode(csv, "gbk")));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 1, rejected: 0 });
    expect((await latest(`enterpriseId=${b.id}&measure=local_retained_vat`)).map((f) => [f.amountFen, f.reason])).toEqual([["123456", "税务局更正"]]);
  });

  it("reads UTF-8 CSV with a BOM, dates in the month column and ¥ amounts", async () => {
    const csv = `\uFEFF企业,月份,指标,金额（元）\n${a.uscc},2024-09-15,other_local_tax,"¥1,200"\n${a.uscc.toLowerCase()},2024.10,other_local_tax,-0.01\n`;
    const answer = await upload("utf8-bom.csv", utf8(csv));
    expect(answer.status).toBe(200);
    expect((await latest(`enterpriseId=${a.id}&measure=other_local_tax`)).map((f) => [f.month, f.amountFen])).toEqual([
      ["2024-09", "120000"],
      ["2024-10", "-1"],
    ]);
  });

  const unknownUscc = makeUscc({ regionCode: wuyi, organisationCode: illustrativeOrganisationCode(9999) });
  const badFile = () =>
    utf8(
      [
        "统一社会信用代码,月份,指标,金额（万元）,数量",
        `${unknownUscc},2024-03,local_retained_vat,1,`,
        `${a.uscc},2024-13,local_retained_vat,1,`,
        `${a.uscc},2024-03,增值税,1,`,
        `${a.uscc},2024-03,energy_quota,1,`,
        `${a.uscc},2024-09,local_retained_vat,0.0000001,`,
        `${a.uscc},2024-11,local_retained_vat,5,`,
        `${a.uscc},2024-11,local_retained_vat,6,`,
      ].join("\n"),
    );

  it("rejects a file with problems as a whole, naming every row, column, value and reason", async () => {
    const before = await versions();
    const answer = await upload("bad.csv", badFile());
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("import.rejected");
    expect(answer.body.error.details.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, "统一社会信用代码", unknownUscc],
      [3, "月份", "2024-13"],
      [4, "指标", "增值税"],
      [5, "数量", null],
      [5, "金额（万元）", null],
      [6, "金额（万元）", "0.0000001"],
      [8, "月份", "2024-11"],
    ]);
    expect(answer.body.error.details.map((p) => p.message)).toEqual([
      "no enterprise with this USCC in the register",
      "is not a month; write it as 2024-03 or 2024年3月",
      expect.stringContaining("is not a known measure"),
      "energy_quota is a quantity in tce: fill 数量 (quantity)",
      "energy_quota is a quantity in tce, not money: give 数量 (quantity)",
      "has more than 6 decimal places for 万元, which is less than one fen",
      "the same figure (subject, month, measure) as row 7; give each figure once per file",
    ]);
    expect(await versions()).toBe(before);
    expect(await countOf(app.database.db, "indicators_import_batch", `import_id in (select id from indicators_import where file_name = 'bad.csv')`)).toBe(0);
  });

  it("imports only the valid rows when asked, and reports the others", async () => {
    const answer = await upload("bad.csv", badFile(), "?mode=valid_rows");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "committed", rows: 7, toWrite: 1, created: 1, rejected: 6, mode: "valid_rows" });
    expect(answer.body.problems).toHaveLength(7);
    expect((await latest(`enterpriseId=${a.id}&from=2024-11&to=2024-11`)).map((f) => f.amountFen)).toEqual(["5000000"]);
    expect((await upload("bad.csv", badFile(), "?mode=valid_rows")).body).toMatchObject({ id: answer.body.id, repeated: true });
  });

  it("keeps a corrected figure as a new version beside the old one, and leaves equal ones alone", async () => {
    const rows = [["企业", "月份", "指标", "金额（万元）"], [a.uscc, "2024-03", "local_retained_vat", "1234.5679"], [a.uscc, "2024-04", "local_retained_cit", "1000"]];
    const answer = await upload("corrected.xlsx", await xlsxOf(rows));
    expect(answer.body).toMatchObject({ status: "committed", created: 0, corrected: 1, unchanged: 1 });
    const [march] = await latest(`enterpriseId=${a.id}&measure=local_retained_vat&from=2024-03&to=2024-03`);
    const history = (await app.api<FigureVersion[]>("GET", `/api/v1/figures/${march?.figureId}/history`)).body;
    expect(history.map((v) => [v.version, v.amountFen, v.importId === answer.body.id])).toEqual([
      [1, "1234567800", false],
      [2, "1234567900", true],
    ]);
    const before = new Date(Date.parse(history[1]?.recordedAt as string) - 1);
    const settled = await figuresForSettlement(app.database.db, { enterpriseIds: [a.id], measures: ["local_retained_vat"], fromMonth: "2024-03", toMonth: "2024-03", asOf: before });
    expect(settled.map((f) => [f.version, f.amountFen])).toEqual([[1, 1234567800n]]);
  });

  it("commits an inline import's rows straight from the check, text and all, and leaves no batch behind", async () => {
    const reason = '更正 "引号", {括号} \\反斜杠\\ NULL';
    const csv = ["企业,月份,指标,金额（元）,说明", `${b.uscc},2023-01,other_local_tax,12.34,"${reason.replaceAll('"', '""')}"`, `${b.uscc},2023-02,other_local_tax,5,`].join("\n");
    const answer = await upload("inline.csv", utf8(csv));
    expect(answer.body).toMatchObject({ status: "committed", run: "inline", rows: 2, toWrite: 2, done: 2, created: 2, unchanged: 0 });
    const figures = await latest(`enterpriseId=${b.id}&measure=other_local_tax&from=2023-01&to=2023-02`);
    expect(figures.map((f) => [f.month, f.amountFen, f.reason, f.importId])).toEqual([
      ["2023-01", "1234", reason, answer.body.id],
      ["2023-02", "500", null, answer.body.id],
    ]);
    expect(await countOf(app.database.db, "indicators_import_batch", `import_id = '${answer.body.id}'`)).toBe(0);
  });

  it("writes an inline file's rows part by part as it is read, and takes all of them back when a late row is refused", async () => {
    // 6,000 rows: the reader's thread tells them in parts of 2,500, and the commit writes each as it comes.
    const measures = ["local_retained_vat", "local_retained_cit", "other_local_tax"];
    const rows: unknown[][] = [["企业", "月份", "指标", "金额（元）"]];
    for (let i = 0; i < 6000; i += 1) {
      const m = Math.floor(i / 6);
      rows.push([i % 2 === 0 ? a.uscc : b.uscc, `${1900 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, measures[Math.floor(i / 2) % 3], (i % 500) + 1]);
    }
    rows[5990] = [a.uscc, "1999-13", "local_retained_vat", 1];
    const before = await versions();
    const start = (bytes: Uint8Array, mode: "all_or_nothing" | "valid_rows") =>
      app.modules.indicators.imports.start(testOperator, { fileName: "parts.xlsx", bytes }, { mode, run: "inline" });
    const bytes = await xlsxOf(rows);
    await expect(start(bytes, "all_or_nothing")).rejects.toMatchObject({ code: "import.rejected", outcome: { rows: 6000, rejected: 1, problems: [expect.objectContaining({ row: 5991, column: "月份" })] } });
    expect(await versions()).toBe(before);

    const valid = await start(bytes, "valid_rows");
    expect(valid).toMatchObject({ status: "committed", run: "inline", rows: 6000, toWrite: 5999, rejected: 1, created: 5999, done: 5999 });
    expect(await versions()).toBe(before + 5999);
    expect(await countOf(app.database.db, "indicators_figure_version", `import_id = '${valid.id}'`)).toBe(5999);
  });

  it("checks each row against the importer's scope", async () => {
    const yiwuOfficial: Actor = { id: "official-yiwu", name: "Yiwu official", kind: "user", role: "county_official", scope: { regionCode: yiwu, pairedRegionCodes: [] } };
    const yiwuFirm = world.enterprises[2] as FigureWorld["enterprises"][number];
    const csv = ["企业,月份,指标,金额（元）", `${yiwuFirm.uscc},2024-01,investment,100`, `${a.uscc},2024-01,investment,100`].join("\n");
    const outcome = await app.modules.indicators.imports.start(yiwuOfficial, { fileName: "scope.csv", bytes: utf8(csv) }, { mode: "valid_rows" });
    expect(outcome).toMatchObject({ created: 1, rejected: 1 });
    expect(outcome.problems).toEqual([{ row: 3, column: "企业", value: a.uscc, message: "you may not record figures of this enterprise (outside your scope)" }]);
    await expect(app.modules.indicators.imports.get({ ...yiwuOfficial, id: "someone-else" }, outcome.id)).rejects.toMatchObject({ code: "figure_import.not_found" });
  });

  it("runs a large file as a background job and shows its progress", async () => {
    const rows = ["企业,月份,指标,金额（元）,说明"];
    for (let i = 0; i < 450; i += 1) rows.push(`${b.uscc},${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},value_added,"${(i * 1001).toLocaleString("en-US")}.5${i % 10}",背景导入`);
    // Text with what array literals quote: it is written in batches and must come back as it was.
    rows[300] = `${b.uscc},2024-12,value_added,1,"背景导入 ""引号"", {括号} \\反斜杠\\ NULL"`;
    const answer = await upload("large.csv", utf8(rows.join("\n")));
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ run: "background", finished: false });
    let current = answer.body as FigureImport;
    const seen = new Set<string>();
    for (let i = 0; i < 200 && !current.finished; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await app.api<FigureImport>("GET", `/api/v1/figures/imports/${answer.body.id}`)).body;
      seen.add(current.status);
    }
    expect(current).toMatchObject({ status: "committed", rows: 450, toWrite: 450, done: 450, created: 450 });
    expect(seen.has("committed")).toBe(true);
    // The batches the rows waited in are gone with the commit; the text came through them unchanged.
    expect(await countOf(app.database.db, "indicators_import_batch", `import_id = '${answer.body.id}'`)).toBe(0);
    const quoted = await latest(`enterpriseId=${b.id}&measure=value_added&from=2024-12&to=2024-12`);
    expect(quoted.map((f) => [f.amountFen, f.reason])).toEqual([["100", '背景导入 "引号", {括号} \\反斜杠\\ NULL']]);
    const value = await latest(`enterpriseId=${b.id}&measure=value_added&from=2037-06&to=2037-06`);
    expect(value.map((f) => f.amountFen)).toEqual([`${(449 * 1001 * 100 + 59).toString()}`]);
    expect((await upload("large.csv", utf8(rows.join("\n")))).body).toMatchObject({ id: answer.body.id, repeated: true, status: "committed" });
  });

  it("reads a large XLSX in the background as it reads one inline: the table, not a hidden sheet before it, and every bad row", async () => {
    // A hidden first sheet that looks like a table: the reader takes it at first, then finds the visible one is
    // the file's table and starts again from it (a restart).
    const workbook = async () => {
      const book = new ExcelJS.Workbook();
      const hidden = book.addWorksheet("旧表", { state: "hidden" });
      hidden.addRow(["统一社会信用代码", "月份", "指标", "金额（元）"]);
      hidden.addRow([a.uscc, "1990-01", "增值税地方留成", 1]);
      const sheet = book.addWorksheet("指标");
      sheet.addRow(["统一社会信用代码", "月份", "指标", "金额（元）"]);
      for (let i = 0; i < 3000; i += 1) sheet.addRow([i === 1234 ? "91330723MA2HXXXX0X" : b.uscc, `${1800 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, "投资额", i]);
      return new Uint8Array(await book.xlsx.writeBuffer());
    };
    const before = await versions();
    const refused = await upload("background-all.xlsx", await workbook());
    expect(refused.body).toMatchObject({ run: "background" });
    const whole = await finished(refused.body);
    expect(whole).toMatchObject({ status: "rejected", rows: 3000, rejected: 1, done: 0 });
    expect(whole.problems).toEqual([expect.objectContaining({ row: 1236, column: "统一社会信用代码", value: "91330723MA2HXXXX0X" })]);
    expect(await versions()).toBe(before);

    const valid = await finished((await upload("background-valid.xlsx", await workbook(), "?mode=valid_rows")).body);
    expect(valid).toMatchObject({ status: "committed", rows: 3000, toWrite: 2999, rejected: 1, created: 2999 });
    expect(await versions()).toBe(before + 2999);
    expect(await latest(`enterpriseId=${a.id}&from=1990-01&to=1990-01`)).toEqual([]);
  });

  it("reads back its own export and finds nothing to change", async () => {
    const total = (await app.api<Page<FigureVersion>>("GET", "/api/v1/figures?pageSize=1")).body.total;
    const csv = await app.http.inject({ method: "GET", url: "/api/v1/figures?format=csv" });
    const answer = await finished((await upload("export.csv", new Uint8Array(csv.rawPayload))).body);
    expect(answer).toMatchObject({ status: "committed", rows: total, created: 0, corrected: 0, unchanged: total });
  });

  it("lets one run of an import write its batches, never two at once, and keeps nothing of an import refused at its commit", async () => {
    const db = app.database.db;
    const id = (await insertImport(db, { fileName: "twice.csv", sha256: "e".repeat(64), bytes: utf8("twice"), mode: "all_or_nothing", run: "background", actor: testOperator })) as string;
    const staged = (rowNo: number): StagedFigure => {
      const month = `2022-0${rowNo}`;
      return { rowNo, figureId: figureIdOf({ subjectKind: "enterprise", subjectId: a.id, month, measure: "twice_custom" }), subjectKind: "enterprise", enterpriseId: a.id, enclaveId: null, month, measure: "twice_custom", unit: "t", amountFen: null, quantity: "1.5", reason: null };
    };
    // Two runs that both found the import at 0 rows (one taken for dead while it was not): the first to write goes on.
    expect(await writeBatch(db, id, 0, [staged(2), staged(3)])).toBe(2);
    await expect(writeBatch(db, id, 0, [staged(4)])).rejects.toBeInstanceOf(ImportRunOvertaken);
    expect(await writtenRows(db, id)).toEqual({ rows: new Set([2, 3]), done: 2 });
    // The custom measure was recorded meanwhile in another unit: the commit refuses, and the batches are discarded.
    await sql`insert into indicators_measure (key, unit) values ('twice_custom', 'kg')`.execute(db);
    const before = await versions();
    await expect(commitImport(db, id, testOperator, (rows) => rows.write(stagedColumns([staged(5)])), async () => {})).rejects.toBeInstanceOf(ValidationFailed);
    await discardWritten(db, id);
    expect(await writtenRows(db, id)).toEqual({ rows: new Set(), done: 0 });
    expect(await versions()).toBe(before);
  });

  it("serves an empty template and refuses what is not a spreadsheet", async () => {
    const template = await app.http.inject({ method: "GET", url: "/api/v1/figures/import/template?format=csv&lang=en" });
    expect(template.body.replace(/^\uFEFF/, "").trim()).toBe("Enterprise,Enterprise name,Enclave,Month,Measure,Unit,Amount (yuan),Quantity,Reason");
    const junk = await upload("figures.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    expect(junk.status).toBe(400);
    expect(junk.body.error.details[0]?.message).toContain(".xls");
    expect((await app.api("GET", "/api/v1/figures/imports/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
