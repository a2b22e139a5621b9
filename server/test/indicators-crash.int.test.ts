// The crash test of figure imports: a child process imports a sequence of files (large ones as background jobs,
// smaller ones during the call, one in valid_rows mode) and is killed with SIGKILL at random points, 20 times;
// each time it starts again and resumes or re-runs the imports. Every restart reports what a reader would see,
// and after each crash: no partial batch (an import's written rows always match its count, in whole batches,
// until its commit turns them into versions), no import visible in part (its figure versions exist only once it
// has committed, all of them), nothing duplicated (no version repeats its predecessor's value, no gaps), and
// every import acknowledged before stays committed with the same counts. At the end, the figures are exactly
// what the files say, version by version.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import ExcelJS from "exceljs";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import type { CrashManifest } from "./support/figures-crash-child.ts";
import { adminQuery, withDatabase } from "./support/global-setup.ts";
import { databaseTargets } from "./support/test-app.ts";

const child = new URL("./support/figures-crash-child.ts", import.meta.url).pathname;
const kills = 20;
const batchSize = 200;

type Row = { uscc: string; month: string; measure: string; yuan: string };
type ImportState = { id: string; file: string; status: string; done: number; toWrite: number | null; created: number | null; corrected: number | null; unchanged: number | null; written: number; versions: number };
type State = { imports: ImportState[]; versions: number; repeats: number; gaps: number };
type Ack = { file: string; id: string; created: number; corrected: number; unchanged: number };
type Run = { lines: string[]; killed: boolean; code: number | null; stderr: string; bootMs: number | undefined };

const enterprises = Array.from({ length: 40 }, (_, i) => ({ uscc: makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(8000 + i) }), nameZh: `崩溃测试企业${i}` }));
const monthOf = (i: number) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
const yuan = (seed: number) => `${Math.floor(seed / 100)}.${String(seed % 100).padStart(2, "0")}`;

/** The files, in import order: three large ones (background jobs, one XLSX) and three smaller ones of corrections. */
function plan(): { name: string; rows: Row[]; mode: "all_or_nothing" | "valid_rows"; run: "inline" | "background"; bad?: number }[] {
  const grid = (measure: string, salt: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ uscc: (enterprises[i % 40] as { uscc: string }).uscc, month: monthOf(Math.floor(i / 40)), measure, yuan: yuan((i * 7919 + salt) % 10_000_000) }));
  const a1 = grid("local_retained_vat", 11, 6000);
  const a2 = grid("value_added", 23, 6000);
  const a3 = grid("industrial_output", 37, 6000);
  // Corrections: changed values, equal values and new figures.
  const b1 = [...a1.slice(0, 400).map((r, i) => ({ ...r, yuan: yuan(i * 31 + 5) })), ...a1.slice(400, 700), ...grid("local_retained_cit", 3, 300)];
  const b2 = [...a2.slice(1000, 1500).map((r, i) => ({ ...r, yuan: yuan(i * 17 + 9) })), ...b1.slice(0, 200).map((r, i) => ({ ...r, yuan: yuan(i + 1) }))];
  const b3 = [...a3.slice(0, 300).map((r, i) => ({ ...r, yuan: yuan(i * 13 + 2) })), ...grid("other_local_tax", 5, 200)];
  return [
    { name: "a1.csv", rows: a1, mode: "all_or_nothing", run: "background" },
    { name: "b1.csv", rows: b1, mode: "all_or_nothing", run: "inline" },
    { name: "a2.csv", rows: a2, mode: "all_or_nothing", run: "background" },
    { name: "b2.csv", rows: b2, mode: "all_or_nothing", run: "inline" },
    { name: "a3.xlsx", rows: a3, mode: "all_or_nothing", run: "background" },
    { name: "b3.csv", rows: b3, mode: "valid_rows", run: "inline", bad: 25 },
  ];
}

const unknownUscc = makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(8999) });

async function fileBytes(name: string, rows: Row[], bad = 0): Promise<Uint8Array> {
  const header = ["统一社会信用代码", "月份", "指标", "金额（元）"];
  const body = rows.map((r) => [r.uscc, r.month, r.measure, r.yuan]);
  for (let i = 0; i < bad; i += 1) body.splice(i * 7, 0, [unknownUscc, "2030-01", "local_retained_vat", "1.00"]);
  if (name.endsWith(".xlsx")) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("指标");
    sheet.addRow(["崩溃测试 指标月报"]);
    sheet.addRow(header);
    for (const row of body) sheet.addRow(row);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }
  return new TextEncoder().encode([header, ...body].map((r) => r.join(",")).join("\n"));
}

/** What the figures must be after every file: version and amount (fen) of each figure. */
function expectedFigures(files: ReturnType<typeof plan>): Map<string, { version: number; fen: string }> {
  const figures = new Map<string, { version: number; fen: string }>();
  for (const file of files) {
    for (const row of file.rows) {
      const key = `${row.uscc} ${row.month} ${row.measure}`;
      const fen = String(BigInt(row.yuan.replace(".", "")));
      const current = figures.get(key);
      if (!current) figures.set(key, { version: 1, fen });
      else if (current.fen !== fen) figures.set(key, { version: current.version + 1, fen });
    }
  }
  return figures;
}

function runChild(env: Record<string, string>, command: "setup" | "import", manifest: string, killAfter?: { fromReady: boolean; ms: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _unused, ...inherited } = process.env;
    const proc = spawn(process.execPath, [child, command, manifest], { env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    let buffer = "";
    let stderr = "";
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const started = Date.now();
    let bootMs: number | undefined;
    const kill = () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        killed = true;
        proc.kill("SIGKILL");
      }
    };
    if (killAfter && !killAfter.fromReady) timer = setTimeout(kill, killAfter.ms);
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let at: number;
      while ((at = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        lines.push(line);
        if (line !== "READY") continue;
        bootMs = Date.now() - started;
        if (killAfter?.fromReady) timer = setTimeout(kill, killAfter.ms);
      }
    });
    proc.stderr.setEncoding("utf8");
    proc.stderr.on("data", (chunk: string) => (stderr += chunk));
    proc.on("error", reject);
    proc.on("close", (code) => {
      clearTimeout(timer);
      resolve({ lines, killed, code, stderr, bootMs });
    });
  });
}

function checkState(state: State, acked: ReadonlyMap<string, Ack>): string[] {
  const wrong: string[] = [];
  const files = new Set<string>();
  for (const i of state.imports) {
    if (files.has(i.file)) wrong.push(`${i.file}: imported twice`);
    files.add(i.file);
    // The written rows wait in batches until the commit, which turns them into versions and removes the batches.
    const waiting = i.status === "committed" ? 0 : i.done;
    if (i.written !== waiting) wrong.push(`${i.file}: ${i.written} rows waiting but the import (${i.status}) counts ${waiting} (a batch in part)`);
    if (i.status === "committed") {
      if (i.versions !== (i.created ?? 0) + (i.corrected ?? 0)) wrong.push(`${i.file}: committed with ${i.created}+${i.corrected} but ${i.versions} versions`);
      if (i.done !== i.toWrite) wrong.push(`${i.file}: committed with ${i.done} of ${i.toWrite} rows`);
    } else {
      if (i.versions !== 0) wrong.push(`${i.file}: ${i.versions} versions visible while ${i.status}`);
      if (i.toWrite !== null && i.done % batchSize !== 0 && i.done !== i.toWrite) wrong.push(`${i.file}: ${i.done} rows written, not whole batches of ${batchSize}`);
    }
  }
  if (state.repeats !== 0) wrong.push(`${state.repeats} versions repeat the value before them`);
  if (state.gaps !== 0) wrong.push(`${state.gaps} figures have gaps in their versions`);
  for (const ack of acked.values()) {
    const found = state.imports.find((i) => i.id === ack.id);
    if (!found || found.status !== "committed" || found.created !== ack.created || found.corrected !== ack.corrected) wrong.push(`${ack.file}: acknowledged, now ${JSON.stringify(found)}`);
  }
  return wrong;
}

describe.each(databaseTargets())("figure imports killed with SIGKILL on %s", (target) => {
  let dir: string;
  let env: Record<string, string>;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "shanhai-crash-"));
    if (target === "pglite") {
      env = { SHANHAI_DATA_DIR: join(dir, "data") };
      // The data directory starts from the run's migrated template (quicker than a new cluster).
      await mkdir(join(dir, "data"));
      const seeded = await PGlite.create(join(dir, "data", "pgdata"), { loadDataDir: new Blob([await readFile(inject("pgliteTemplate"))]) });
      await seeded.close();
    } else {
      const pg = inject("postgresTemplate");
      if (!pg) throw new Error("no PostgreSQL server for this run");
      const name = `shanhai_crash_${randomBytes(4).toString("hex")}`;
      await adminQuery(pg.adminUrl, `create database ${name}`);
      env = { DATABASE_URL: withDatabase(pg.adminUrl, name) };
      dropDatabase = () => adminQuery(pg.adminUrl, `drop database if exists ${name} with (force)`);
    }
  });
  afterAll(async () => {
    await dropDatabase();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    "loses no acknowledged row, duplicates none and shows no partial batch",
    async () => {
      const files = plan();
      const manifest: CrashManifest = { batchSize, enterprises, files: [] };
      for (const file of files) {
        const path = join(dir, file.name);
        await writeFile(path, await fileBytes(file.name, file.rows, file.bad));
        manifest.files.push({ path, mode: file.mode, run: file.run });
      }
      const manifestPath = join(dir, "manifest.json");
      await writeFile(manifestPath, JSON.stringify(manifest));
      const setup = await runChild(env, "setup", manifestPath);
      expect(setup.stderr).toBe("");
      expect(setup.lines).toContain("DONE");

      const acked = new Map<string, Ack>();
      const problems: string[] = [];
      let killed = 0;
      let runs = 0;
      let bootMs = 2000;
      let final: Run | undefined;
      while (killed < kills || !final) {
        const killing = killed < kills;
        // Mostly while importing (after the restart has reported its state), sometimes during start-up itself
        // (migrations, the resumption of unfinished imports).
        const during = Math.random() < 0.15 ? { fromReady: false, ms: Math.floor(Math.random() * bootMs) } : { fromReady: true, ms: Math.floor(Math.random() * 700) };
        const run = await runChild(env, "import", manifestPath, killing ? during : undefined);
        runs += 1;
        bootMs = run.bootMs ?? bootMs;
        const stateLine = run.lines.find((l) => l.startsWith("STATE "));
        if (stateLine) {
          problems.push(...checkState(JSON.parse(stateLine.slice(6)) as State, acked).map((p) => `restart ${runs}: ${p}`));
        }
        for (const line of run.lines.filter((l) => l.startsWith("ACK "))) {
          const ack = JSON.parse(line.slice(4)) as Ack;
          acked.set(ack.id, ack);
        }
        if (run.killed) killed += 1;
        else {
          expect(run.stderr).toBe("");
          expect(run.code).toBe(0);
          if (!killing) final = run;
        }
      }
      expect(problems).toEqual([]);
      expect(killed).toBe(kills);

      // Every file was acknowledged, once; the figures are exactly what the files say.
      expect(new Set([...acked.values()].map((a) => a.file))).toEqual(new Set(files.map((f) => f.name)));
      const expected = expectedFigures(files);
      const figures = JSON.parse((final.lines.find((l) => l.startsWith("FIGURES ")) as string).slice(8)) as [string, string, string, number, string][];
      expect(figures.length).toBe(expected.size);
      const mismatched = figures.filter(([uscc, month, measure, version, fen]) => {
        const want = expected.get(`${uscc} ${month} ${measure}`);
        return !want || want.version !== version || want.fen !== fen;
      });
      expect(mismatched).toEqual([]);
      const b3 = [...acked.values()].find((a) => a.file === "b3.csv") as Ack;
      expect(b3.created + b3.corrected + b3.unchanged).toBe(500);
    },
    300_000,
  );
});
