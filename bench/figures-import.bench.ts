// Importing a 100,000-row XLSX of figures ÷ a bare ExcelJS streaming read of the same file (target ≤ 2), in the
// same process and run, on a fresh embedded database in a data directory (as the server keeps it: an in-memory
// PGlite spends much of such a run growing its in-memory files). The import streams the workbook, checks every row
// (enterprise by USCC, month, measure, 万元 to fen exactly, scope) and commits the rows as figure versions in one
// transaction (an inline import holds them for the commit; a background one writes them in batches first); the
// baseline only reads the cells. A second line gives the floor under that ratio on this database: storing the same
// number of rows alone, nothing read or checked. Run it alone with `npm run bench -- "figure import"`.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { loadConfig } from "../server/src/config/config.ts";
import { createApp } from "../server/src/main.ts";
import { illustrativeOrganisationCode, makeUscc } from "../server/src/modules/enterprises/index.ts";
import { systemActor } from "../server/src/platform/actor.ts";
import type { Db } from "../server/src/platform/database.ts";
import { ratioLine, timed } from "./measure.ts";

const rows = 100_000;
const enterprises = 250;

async function workbook(usccs: readonly string[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("指标");
  sheet.addRow(["永康—武义飞地 税收月报（基准测试）"]);
  sheet.addRow(["统一社会信用代码", "月份", "指标", "金额（万元）"]);
  for (let i = 0; i < rows; i += 1) {
    const m = Math.floor(i / enterprises);
    sheet.addRow([usccs[i % enterprises], `${1990 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, "增值税地方留成", ((i * 7919) % 1_000_000) / 10_000]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The baseline: every cell of every row, read by ExcelJS's streaming reader. */
async function streamingRead(bytes: Uint8Array): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      row.eachCell(() => {
        cells += 1;
      });
    }
  }
  return cells;
}

/** The imported rows again, as each figure's next version, inserted by one statement and rolled back. */
async function bareInsert(db: Db): Promise<void> {
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`insert into indicators_figure_version (figure_id, version, subject_kind, enterprise_id, month, measure, unit, amount_fen, recorded_by_id, recorded_by_name, source)
        select figure_id, version + 1, subject_kind, enterprise_id, month, measure, unit, amount_fen, 'bench', 'bench', 'api' from indicators_figure_version`.execute(trx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

class RolledBack extends Error {}

export async function benchFiguresImport(): Promise<string[]> {
  const dataDir = await mkdtemp(join(tmpdir(), "shanhai-bench-figures-"));
  const app = await createApp(loadConfig({ LOG_LEVEL: "silent", SHANHAI_DEMO: "off", SHANHAI_DATA_DIR: dataDir }));
  const actor = systemActor("bench");
  await app.modules.regions.regions.create(actor, { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: null, parentCode: null, facts: [], illustrative: false });
  const usccs: string[] = [];
  for (let i = 0; i < enterprises; i += 1) {
    const uscc = makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(700_000 + i) });
    usccs.push(uscc);
    await app.modules.enterprises.enterprises.create(actor, {
      uscc, nameZh: `基准测试企业${i}`, nameEn: null, homeRegionCode: "330723", industryCode: "3471", enclaveId: null, residentSince: null,
      employees: null, foundedOn: null, products: [], registeredCapitalFen: null, note: null, illustrative: false,
    });
  }
  const bytes = await workbook(usccs);
  // As `shanhai serve` does at start: the file reader's thread is started (and ExcelJS loaded in it) ahead of
  // the first import, as ExcelJS is loaded here ahead of the baseline read.
  await app.modules.indicators.imports.warm();

  const read = await timed(() => streamingRead(bytes));
  if (read.result < rows * 4) throw new Error(`the streaming read saw ${read.result} cells`);
  const imported = await timed(() => app.modules.indicators.imports.start(actor, { fileName: "bench.xlsx", bytes }, { mode: "all_or_nothing", run: "inline" }));
  if (imported.result.created !== rows) throw new Error(`the import created ${imported.result.created} of ${rows} figures`);
  const stored = await timed(() => bareInsert(app.database.db));
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
  return [
    ratioLine(`figure import of a ${rows}-row XLSX`, imported.seconds, "s", "bare ExcelJS streaming read of the same file", read.seconds),
    // What the database alone takes to store the rows: the floor under the import's ratio on this database.
    ratioLine(`  of which the floor: a bare INSERT of ${rows} such rows into the figure table, nothing read or checked`, stored.seconds, "s", "the same streaming read", read.seconds),
  ];
}
