import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

// The registers an official can export; the CLI goes through the same list route as the API.
const registers: Record<string, string> = {
  regions: "/api/v1/regions",
  pairings: "/api/v1/pairings",
  agreements: "/api/v1/agreements",
  enclaves: "/api/v1/enclaves",
  enterprises: "/api/v1/enterprises",
  projects: "/api/v1/projects",
  "cooperation-activities": "/api/v1/cooperation-activities",
};

export const exportCommand: Command = {
  summary: "export a register to CSV or XLSX (e.g. shanhai export enterprises --format xlsx)",
  help: `shanhai export <register> [--format csv|xlsx] [--lang zh|en] [--out FILE] [--filter key=value …]

Registers: ${Object.keys(registers).join(", ")}
  --format   xlsx (default) or csv
  --lang     language of the column headers: zh (default) or en
  --out      file to write (default <register>.<format>)
  --filter   a list filter, as in the API, e.g. --filter homeRegionCode=330723 (repeatable)`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "xlsx" },
        lang: { type: "string", default: "zh" },
        out: { type: "string" },
        filter: { type: "string", multiple: true, default: [] },
      },
    });
    const register = positionals[0];
    const path = register ? registers[register] : undefined;
    if (!register || !path) throw new UsageError(`name a register to export: ${Object.keys(registers).join(", ")}`);
    if (values.format !== "csv" && values.format !== "xlsx") throw new UsageError("--format must be csv or xlsx");
    const query = new URLSearchParams({ format: values.format, lang: values.lang });
    for (const f of values.filter) {
      const [key, ...rest] = f.split("=");
      if (!key || rest.length === 0) throw new UsageError(`--filter takes key=value, got "${f}"`);
      query.append(key, rest.join("="));
    }
    const app = await openApp();
    try {
      const response = await app.http.inject({ method: "GET", url: `${path}?${query}` });
      if (response.statusCode !== 200) {
        const body = response.json() as { error?: { message?: string } };
        process.stderr.write(`shanhai: ${body.error?.message ?? response.body}\n`);
        return 1;
      }
      const out = values.out ?? `${register}.${values.format}`;
      await writeFile(out, response.rawPayload);
      process.stdout.write(`Wrote ${out}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
