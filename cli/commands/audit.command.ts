import { verifyAuditChain } from "../../server/src/platform/audit.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

// An integrity check for the operator on the server machine: it shows no entry's content, only whether the
// chain holds and, if not, the first entry where it breaks. Searching and exporting the log is the audit
// administrator's and auditors' (GET /api/v1/audit-entries).
export const auditCommand: Command = {
  summary: "verify the audit log's hash chain (shanhai audit verify)",
  help: `shanhai audit verify

Recomputes the SHA-256 chain of the whole audit log and reports the first entry whose chain breaks (an entry
changed, removed or inserted out of band). Prints the chain head (entry number and hash): keep it somewhere
else (a ticket, a signed mail) to prove later that the log up to there was not rewritten.
Exit code 0 when the chain holds, 1 when it is broken.`,
  async run(args) {
    if (args[0] !== "verify" || args.length !== 1) throw new UsageError("usage: shanhai audit verify");
    const app = await openApp({ demo: "off" });
    try {
      const check = await verifyAuditChain(app.database.db);
      if (check.ok) {
        process.stdout.write(`The audit log is intact: ${check.checked} entries; head #${check.head.seq} ${check.head.hash}\n`);
        return 0;
      }
      const broken = check.firstBroken;
      process.stdout.write(`The audit log is BROKEN at entry #${broken?.seq}: ${broken?.reason}\n(${check.checked} entries before it are intact; head #${check.head.seq} ${check.head.hash})\n`);
      return 1;
    } finally {
      await app.close();
    }
  },
};
