// Reading the audit log: only the audit administrator and auditors search, export and verify it (the permission
// table). An export is itself audited, so who took a copy of the log is in the log.
import type { Actor } from "./actor.ts";
import { appendAudit, searchAudit, verifyAuditChain, type AuditEntry, type AuditQuery, type ChainCheck } from "./audit.ts";
import { auditingDenials, authorize } from "./authorize.ts";
import type { Db } from "./database.ts";
import type { Page } from "./listing.ts";

export type AuditAccess = {
  search(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>>;
  /** Every matching entry (up to `limit`), for a CSV or XLSX file; the export is audited. */
  exportEntries(actor: Actor, query: Omit<AuditQuery, "page" | "pageSize">, limit: number): Promise<AuditEntry[]>;
  verify(actor: Actor): Promise<ChainCheck>;
};

export function auditAccess(db: Db): AuditAccess {
  return {
    search: (actor, query) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "audit.read", { entity: "audit" });
        return searchAudit(db, query);
      }),
    exportEntries: (actor, query, limit) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "audit.read", { entity: "audit" });
        const page = await searchAudit(db, { ...query, page: 1, pageSize: limit });
        await db.transaction().execute((trx) =>
          appendAudit(trx, { action: "audit.export", outcome: "success", actor, entity: "audit", detail: { query: { ...query, from: query.from?.toISOString(), to: query.to?.toISOString() }, entries: page.items.length } }),
        );
        return page.items;
      }),
    verify: (actor) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "audit.verify", { entity: "audit" });
        return verifyAuditChain(db);
      }),
  };
}
