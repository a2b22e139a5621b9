import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

const formats = ["xlsx", "pdf", "json"] as const;

// A party's statement of a settlement run, written to a file through the same route as the API.
export const statementCommand: Command = {
  summary: "write a party's settlement statement (e.g. shanhai statement --run ID --party 330723 --format pdf --out s.pdf)",
  help: `shanhai statement --run ID --party CODE [--format xlsx|pdf|json] [--out FILE]

  --run     the settlement run's id (printed by shanhai settle)
  --party   the party's code, e.g. 330723 for Wuyi
  --format  xlsx (default), pdf (needs the font fonts-wqy-microhei) or json
  --out     the file to write (default statement-<run>-<party>.<format>)
The statement lists the party's totals, every line with the figure versions, schedule window, share and rounding
step behind it, who confirmed for each party and when, and for a restatement the differences from the run it
replaces.`,
  async run(args) {
    const { values } = parsed(args);
    if (!values.run) throw new UsageError("--run ID is required");
    if (!values.party) throw new UsageError("--party CODE is required");
    const format = values.format as (typeof formats)[number];
    if (!formats.includes(format)) throw new UsageError(`--format must be ${formats.join(", ")}, got "${values.format}"`);
    const app = await openApp();
    try {
      const query = new URLSearchParams({ party: values.party, format });
      const response = await app.http.inject({ method: "GET", url: `/api/v1/settlements/${encodeURIComponent(values.run)}/statement?${query}` });
      if (response.statusCode !== 200) {
        const body = response.json() as { error?: { message?: string; code?: string } };
        process.stderr.write(`shanhai: ${body.error?.message ?? response.body} [${body.error?.code ?? response.statusCode}]\n`);
        return 1;
      }
      const out = values.out ?? `statement-${values.run.slice(0, 8)}-${values.party}.${format}`;
      await writeFile(out, format === "json" ? `${JSON.stringify(response.json(), null, 2)}\n` : response.rawPayload);
      process.stdout.write(`Wrote ${out}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};

function parsed(args: string[]) {
  try {
    return parseArgs({ args, options: { run: { type: "string" }, party: { type: "string" }, format: { type: "string", default: "xlsx" }, out: { type: "string" } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
