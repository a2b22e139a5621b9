// Writes docs/permissions.md from the permission table: npm run permissions-doc
import { writeFileSync } from "node:fs";
import { renderPermissionsDoc } from "../server/src/platform/permissions-doc.ts";

const target = new URL("../docs/permissions.md", import.meta.url);
writeFileSync(target, renderPermissionsDoc());
process.stdout.write(`Wrote ${target.pathname}\n`);
