import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { FigureImport, FigureImportMode } from "../../contracts/indicators.ts";
import { cliActor } from "../../server/src/platform/actor.ts";
import { ImportRejected, type TabularProblem } from "../../server/src/platform/tabular/index.ts";
import { progressBar } from "../progress.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

const modes: readonly FigureImportMode[] = ["all_or_nothing", "valid_rows"];

// Observed figures from the officials' files, as the operator on the server machine (cliActor). Small files
// import at once; large ones run as a background job, which --wait follows with a progress bar.
export const figuresCommand: Command = {
  summary: "import observed figures (tax, output, quotas) from an XLSX or CSV file; follow an import",
  help: `shanhai figures import <file> [--mode all_or_nothing|valid_rows] [--wait]
shanhai figures status <import-id>

import   One row per enterprise (or enclave), month and measure. Headers in Chinese or English: 企业 / 统一社会信用代码
         (USCC or the enterprise's id), 企业名称 (when there is no USCC), 飞地 (alone: a figure of the enclave),
         月份 (2024-03, 2024年3月, 202403, a date), 指标 (local_retained_vat or 增值税地方留成 …), 金额 (元 or 万元:
         金额（万元）), 数量 (quantities), 单位 (the unit of a custom measure), 说明 (a reason). Title rows above the
         headers are skipped; CSV may be UTF-8 or GBK.
         --mode  all_or_nothing (default): any bad row refuses the file and nothing is written;
                 valid_rows: the good rows are imported and the others reported.
         --wait  a large file (over 256 KiB) is imported as a background job of the server; wait for it here,
                 with a progress bar. Without --wait the command queues it and returns.
         The same file again changes nothing; a changed figure becomes a new version (the old one is kept).
         Exit code 1 when any row was refused.
status   The import's status, counts and problems.`,
  async run(args) {
    const [action, ...rest] = args;
    if (action === "import") return importFile(rest);
    if (action === "status") return status(rest);
    throw new UsageError('name an action: "shanhai figures import <file>" or "shanhai figures status <import-id>"');
  },
};

async function importFile(args: string[]): Promise<number> {
  const { values, positionals } = parsed(args, { mode: { type: "string", default: "all_or_nothing" }, wait: { type: "boolean", default: false } });
  const [path, ...extra] = positionals;
  if (!path) throw new UsageError("name the file to import (shanhai figures import <file>)");
  if (extra.length > 0) throw new UsageError(`one file at a time; unexpected ${extra.map((e) => `"${e}"`).join(", ")}`);
  const mode = values.mode as FigureImportMode;
  if (!modes.includes(mode)) throw new UsageError(`--mode must be ${modes.join(" or ")}, got "${String(values.mode)}"`);
  const bytes = await readInput(path);
  const fileName = basename(path);

  const app = await openApp();
  const actor = cliActor();
  const bars = { checking: progressBar(`Checking ${fileName}`), writing: progressBar(`Writing figures`) };
  try {
    let outcome = await app.modules.indicators.imports.start(actor, { fileName, bytes }, { mode }, (p) => bars[p.phase](p.done, p.total));
    if (!outcome.finished && !values.wait) {
      process.stdout.write(
        `${fileName} is large: queued as import ${outcome.id}, a background job of the server. It runs while \`shanhai serve\` runs (or the next time it starts);\nfollow it with \`shanhai figures status ${outcome.id}\`, or run this again with --wait.\n`,
      );
      return 0;
    }
    if (!outcome.finished) outcome = await app.modules.indicators.imports.wait(actor, outcome.id, (i) => i.toWrite !== null && bars.writing(i.done, i.toWrite, i.status));
    return report(outcome, mode);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    process.stdout.write(`Nothing was imported from ${fileName}: it has problems${mode === "all_or_nothing" ? " (--mode valid_rows imports the good rows)" : ""}.\n`);
    printProblems(error.outcome.problems);
    return 1;
  } finally {
    bars.checking.finish();
    bars.writing.finish();
    await app.close();
  }
}

async function status(args: string[]): Promise<number> {
  const { positionals } = parsed(args, {});
  const [id] = positionals;
  if (!id) throw new UsageError("name the import (shanhai figures status <import-id>)");
  const app = await openApp();
  try {
    return report(await app.modules.indicators.imports.get(cliActor(), id), undefined);
  } finally {
    await app.close();
  }
}

function report(i: FigureImport, mode: FigureImportMode | undefined): number {
  if (i.repeated) process.stdout.write(`${i.fileName} was imported before (import ${i.id}, ${i.finishedAt ?? i.createdAt}); nothing changed now.\n`);
  else if (i.status === "committed") process.stdout.write(`Imported figures from ${i.fileName} (import ${i.id}).\n`);
  else if (i.status === "rejected") process.stdout.write(`Nothing was imported from ${i.fileName}: it has problems${mode === "all_or_nothing" ? " (--mode valid_rows imports the good rows)" : ""}.\n`);
  else process.stdout.write(`Import ${i.id} of ${i.fileName}: ${i.status}, ${i.done} of ${i.toWrite ?? "?"} rows written${i.error ? ` (last failure: ${i.error}; it is retried)` : ""}.\n`);
  const n = (v: number | null) => (v === null ? "-" : String(v));
  process.stdout.write(`rows ${n(i.rows)}, created ${n(i.created)}, corrected ${n(i.corrected)}, unchanged ${n(i.unchanged)}, rejected ${n(i.rejected)}\n`);
  printProblems(i.problems);
  return i.status === "rejected" || (i.rejected ?? 0) > 0 ? 1 : 0;
}

function printProblems(problems: readonly TabularProblem[]): void {
  if (problems.length === 0) return;
  process.stderr.write(`${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  ${describeProblem(p)}\n`).join("")}`);
}

/** "row 3, column 月份: is not a month … (2024-13)" */
function describeProblem(p: TabularProblem): string {
  const where = [p.row > 0 ? `row ${p.row}` : "the file", p.column ? `column ${p.column}` : ""].filter((s) => s !== "").join(", ");
  return `${where}: ${p.message}${p.value !== null && p.value !== "" ? ` (${String(p.value)})` : ""}`;
}

function parsed<O extends Record<string, { type: "string" | "boolean"; default?: string | boolean }>>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`no such file: ${path}`);
    if (code === "EISDIR") throw new UsageError(`${path} is a directory; name an .xlsx or .csv file`);
    throw error;
  }
}
