// Writes contracts/sharing-terms.schema.json from the zod contract, so editors and other systems can check a
// terms file without our code. `--check` only compares and fails when the committed file is stale.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sharingTermsJsonSchema } from "../contracts/sharing-terms.ts";

const target = fileURLToPath(new URL("../contracts/sharing-terms.schema.json", import.meta.url));
const text = `${JSON.stringify(sharingTermsJsonSchema(), null, 2)}\n`;

if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== text) {
    process.stderr.write("contracts/sharing-terms.schema.json is out of date: run node scripts/sharing-terms-schema.ts\n");
    process.exitCode = 1;
  }
} else {
  await writeFile(target, text);
  process.stdout.write(`Wrote ${target}\n`);
}
