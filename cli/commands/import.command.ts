import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { App } from "../../server/src/main.ts";
import { cliActor, type Actor } from "../../server/src/platform/actor.ts";
import { ImportRejected, type ImportMode, type ImportProgress, type ImportReport, type TabularProblem, type UploadedFile } from "../../server/src/platform/tabular/index.ts";
import { progressBar } from "../progress.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

type Importer = (app: App, actor: Actor, file: UploadedFile, mode: ImportMode, onProgress: (progress: ImportProgress) => void) => Promise<ImportReport>;

// The registers a file can be imported into; the CLI calls the module's import service directly, as the CLI user.
const registers: Record<string, Importer> = {
  enterprises: (app, actor, file, mode, onProgress) => app.modules.enterprises.imports.importEnterprises(actor, file, { mode }, onProgress),
  projects: (app, actor, file, mode, onProgress) => app.modules.projects.imports.importProjects(actor, file, { mode }, onProgress),
};

const modes: readonly ImportMode[] = ["all_or_nothing", "valid_rows"];

export const importCommand: Command = {
  summary: "import enterprises or projects from an XLSX or CSV file (e.g. shanhai import projects 项目清单.xlsx)",
  help: `shanhai import <register> <file> [--mode all_or_nothing|valid_rows]

Registers: ${Object.keys(registers).join(", ")}
  <file>   an .xlsx workbook or a .csv file (UTF-8 or GBK) with Chinese or English headers; title rows above the
           headers are skipped. An empty template: GET /api/v1/<register>/import/template?format=xlsx
  --mode   all_or_nothing (default): any bad row refuses the whole file and nothing is written;
           valid_rows: the good rows are imported and the others reported.
Enterprises are matched by USCC; projects by their Chinese name in the same set of regions. A row that changes
nothing writes nothing. Prints rows, created, updated, unchanged and rejected, then every problem by row and
column; the exit code is 1 when any row was rejected.`,
  async run(args) {
    const { values, positionals } = parsed(args);
    const [register, path, ...extra] = positionals;
    const importer = register ? registers[register] : undefined;
    if (!register || !importer) {
      throw new UsageError(`${register ? `cannot import into "${register}"` : "name the register to import into"}: ${Object.keys(registers).join(" or ")} (shanhai import <register> <file>)`);
    }
    if (!path) throw new UsageError(`name the file to import (shanhai import ${register} <file>)`);
    if (extra.length > 0) throw new UsageError(`one file at a time; unexpected ${extra.map((e) => `"${e}"`).join(", ")}`);
    const mode = values.mode as ImportMode;
    if (!modes.includes(mode)) throw new UsageError(`--mode must be ${modes.join(" or ")}, got "${values.mode}"`);
    const file: UploadedFile = { fileName: basename(path), bytes: await readInput(path) };

    const app = await openApp();
    const bars = { checking: progressBar(`Checking ${file.fileName}`), writing: progressBar(`Writing ${register}`) };
    let outcome: ImportReport;
    let refused = false;
    try {
      outcome = await importer(app, cliActor(), file, mode, (p) => bars[p.phase](p.done, p.total));
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      outcome = error.outcome;
      refused = true;
    } finally {
      bars.checking.finish();
      bars.writing.finish();
      await app.close();
    }

    const { rows, created, updated, unchanged, rejected } = outcome;
    process.stdout.write(
      refused
        ? `Nothing was imported from ${file.fileName}: it has problems${mode === "all_or_nothing" ? " (--mode valid_rows imports the good rows)" : ""}.\n`
        : `Imported ${register} from ${file.fileName}.\n`,
    );
    process.stdout.write(`rows ${rows}, created ${created}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected}\n`);
    if (outcome.problems.length > 0) {
      process.stderr.write(`${outcome.problems.length} problem${outcome.problems.length === 1 ? "" : "s"}:\n${outcome.problems.map((p) => `  ${describeProblem(p)}\n`).join("")}`);
    }
    // Imported all the same (a USCC whose check character fails, kept as the register has it): to look at.
    if (outcome.warnings.length > 0) {
      process.stderr.write(`${outcome.warnings.length} to look at (imported):\n${outcome.warnings.map((p) => `  ${describeProblem(p)}\n`).join("")}`);
    }
    return refused || rejected > 0 ? 1 : 0;
  },
};

function parsed(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { mode: { type: "string", default: "all_or_nothing" } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** "row 3, column 所属地区: no region with this code or name (义乌市)" */
function describeProblem(p: TabularProblem): string {
  const where = [p.row > 0 ? `row ${p.row}` : "the file", p.column ? `column ${p.column}` : ""].filter((s) => s !== "").join(", ");
  return `${where}: ${p.message}${p.value !== null && p.value !== "" ? ` (${String(p.value)})` : ""}`;
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`no such file: ${path}`);
    if (code === "EISDIR") throw new UsageError(`${path} is a directory; name an .xlsx or .csv file`);
    if (code === "EACCES") throw new UsageError(`cannot read ${path}: permission denied`);
    throw error;
  }
}
