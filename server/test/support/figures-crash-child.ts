// The child process of the figures crash test (indicators-crash.int.test.ts). It opens the app on the embedded
// data directory (SHANHAI_DATA_DIR) or the database (DATABASE_URL) it is given, reports what it finds there
// (STATE), then imports the files of a manifest in order, printing ACK for each import it saw committed. The
// parent kills it with SIGKILL at random points and starts it again. Usage:
//   node figures-crash-child.ts setup <manifest.json>    create the regions, enclave and enterprises
//   node figures-crash-child.ts import <manifest.json>   STATE, the imports (ACK …), FIGURES, DONE
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { sql } from "kysely";
import type { FigureImportMode } from "../../../contracts/indicators.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createApp } from "../../src/main.ts";
import { figuresForSettlement } from "../../src/modules/indicators/index.ts";
import { systemActor } from "../../src/platform/actor.ts";

export type CrashManifest = {
  batchSize: number;
  enterprises: { uscc: string; nameZh: string }[];
  files: { path: string; mode: FigureImportMode; run: "inline" | "background" }[];
};

const [command, manifestPath] = process.argv.slice(2);
const manifest = JSON.parse(await readFile(manifestPath as string, "utf8")) as CrashManifest;
const say = (line: string) => process.stdout.write(`${line}\n`);
const actor = systemActor("crash-test");

const app = await createApp(loadConfig({ ...process.env, LOG_LEVEL: "silent", SHANHAI_DEMO: "off" }), {
  figureImports: { batchSize: manifest.batchSize, abandonedAfterMs: 0, inlineLimitBytes: 64 * 1024 * 1024 },
});
const db = app.database.db;

if (command === "setup") {
  const m = app.modules;
  await m.regions.regions.create(actor, { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: null, parentCode: null, facts: [], illustrative: false });
  for (const e of manifest.enterprises) {
    await m.enterprises.enterprises.create(actor, {
      uscc: e.uscc,
      nameZh: e.nameZh,
      nameEn: null,
      homeRegionCode: "330723",
      industryCode: "3471",
      enclaveId: null,
      residentSince: null,
      employees: null,
      foundedOn: null,
      products: [],
      registeredCapitalFen: null,
      note: null,
      illustrative: false,
    });
  }
  say("DONE");
} else {
  // One statement, so one snapshot: what any reader could see at one moment after the crash.
  const state = await sql<{ state: unknown }>`
    select json_build_object(
      'imports', (select coalesce(json_agg(json_build_object(
          'id', i.id, 'file', i.file_name, 'status', i.status, 'done', i.done, 'toWrite', i.to_write,
          'created', i.created, 'corrected', i.corrected, 'unchanged', i.unchanged,
          'written', (select coalesce(sum(cardinality(b.row_nos)), 0) from indicators_import_batch b where b.import_id = i.id),
          'versions', (select count(*) from indicators_figure_version v where v.import_id = i.id)) order by i.created_at), '[]'::json)
        from indicators_import i),
      'versions', (select count(*) from indicators_figure_version),
      'repeats', (select count(*) from indicators_figure_version a join indicators_figure_version b on b.figure_id = a.figure_id and b.version = a.version + 1
                  where b.amount_fen is not distinct from a.amount_fen and b.quantity is not distinct from a.quantity),
      'gaps', (select count(*) from (select figure_id, max(version) as top, count(*) as n from indicators_figure_version group by figure_id) g where g.top <> g.n)
    ) as state`.execute(db);
  say(`STATE ${JSON.stringify(state.rows[0]?.state)}`);
  say("READY");
  for (const file of manifest.files) {
    const bytes = new Uint8Array(await readFile(file.path));
    let outcome = await app.modules.indicators.imports.start(actor, { fileName: basename(file.path), bytes }, { mode: file.mode, run: file.run });
    if (!outcome.finished) outcome = await app.modules.indicators.imports.wait(actor, outcome.id, undefined, 50);
    if (outcome.status !== "committed") throw new Error(`${file.path}: ${outcome.status} ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    say(`ACK ${JSON.stringify({ file: outcome.fileName, id: outcome.id, created: outcome.created, corrected: outcome.corrected, unchanged: outcome.unchanged })}`);
  }
  const usccOf = new Map((await app.modules.enterprises.enterprises.list(actor, { page: 1, pageSize: 500, includeArchived: true })).items.map((e) => [e.id, e.uscc]));
  const figures = await figuresForSettlement(db, { fromMonth: "1900-01", toMonth: "2999-12" });
  say(`FIGURES ${JSON.stringify(figures.map((f) => [usccOf.get(f.subjectId), f.month, f.measure, f.version, String(f.amountFen)]))}`);
  say("DONE");
}
await app.close();
