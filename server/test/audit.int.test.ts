import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryHash, searchAudit, verifyAuditChain, type AuditTables } from "../src/platform/audit.ts";
import type { Db } from "../src/platform/database.ts";
import { createAccount, sessionHeaders, signIn } from "./support/accounts.ts";
import { databaseTargets, startTestApp, testOperator, type TestApp } from "./support/test-app.ts";

type Row = AuditTables["platformAuditEntry"];

const region = (code: string, nameEn: string) => ({ code, nameZh: nameEn, nameEn, level: "county", kind: null, parentCode: null, facts: [], illustrative: false }) as const;

/** Out-of-band SQL as a superuser would run it: with triggers off (session_replication_role = replica). */
async function tamper(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

describe.each(databaseTargets())("the audit log on %s", (target) => {
  let app: TestApp;
  let db: Db;

  beforeAll(async () => {
    app = await startTestApp(target);
    db = app.database.db;
    for (const [code, name] of [
      ["330784", "Yongkang"],
      ["330723", "Wuyi"],
      ["330782", "Yiwu"],
    ] as const) {
      expect((await app.api("POST", "/api/v1/regions", region(code, name))).status).toBe(201);
    }
  });
  afterAll(() => app.close());

  const rows = async (): Promise<Row[]> => (await sql<Row>`select * from platform_audit_entry order by seq`.execute(db)).rows;

  it("records every write in its own transaction: who, from where, what, before and after", async () => {
    const changed = await app.api("PATCH", "/api/v1/regions/330723", { nameZh: "武义县" });
    expect(changed.status).toBe(200);
    const entries = await searchAudit(db, { entity: "region", recordId: "330723", page: 1, pageSize: 10 });
    expect(entries.items.map((e) => e.action)).toEqual(["record.update", "record.create"]);
    const update = entries.items[0];
    expect(update).toMatchObject({ actorId: "local-operator", actorRole: "system_admin", outcome: "success", remoteAddress: "in-process" });
    expect(update?.detail).toMatchObject({ version: 2, before: { nameZh: "Wuyi" }, after: { nameZh: "武义县" } });
  });

  it("leaves no entry for a write that failed (the entry is in the transaction that rolled back)", async () => {
    const before = (await rows()).length;
    const refused = await app.api("PATCH", "/api/v1/regions/330723", { parentCode: "330723" });
    expect(refused.status).toBe(400);
    expect((await rows()).length).toBe(before);
  });

  it("refuses UPDATE and DELETE of entries", async () => {
    await expect(sql`update platform_audit_entry set actor_id = 'someone' where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from platform_audit_entry where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
  });

  it("keeps one unbroken chain under concurrent writers", async () => {
    const writes = Array.from({ length: 12 }, (_, i) => app.modules.regions.regions.update(testOperator, i % 2 === 0 ? "330784" : "330782", { nameEn: `Name ${i}` }));
    await Promise.all(writes);
    const all = await rows();
    expect(all.map((r) => Number(r.seq))).toEqual(all.map((_, i) => i + 1));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: all.length, firstBroken: null });
  });

  it("finds the first broken entry after an edited, a deleted and an inserted row", async () => {
    const all = await rows();
    const victim = all[3] as Row;
    const seq = Number(victim.seq);

    await tamper(db, sql`update platform_audit_entry set actor_id = 'someone-else' where seq = ${seq}`);
    let check = await verifyAuditChain(db);
    expect(check).toMatchObject({ ok: false, checked: seq - 1, firstBroken: { seq } });
    expect(check.firstBroken?.reason).toContain("does not match its hash");
    await tamper(db, sql`update platform_audit_entry set actor_id = ${victim.actorId} where seq = ${seq}`);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await tamper(db, sql`delete from platform_audit_entry where seq = ${seq}`);
    check = await verifyAuditChain(db);
    expect(check.firstBroken?.seq).toBe(seq);
    expect(check.firstBroken?.reason).toContain("missing");
    await tamper(db, sql`insert into platform_audit_entry select * from json_populate_record(null::platform_audit_entry, ${JSON.stringify(snake(victim))}::json)`);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // The last entry removed: the chain head still remembers it.
    const last = all.at(-1) as Row;
    await tamper(db, sql`delete from platform_audit_entry where seq = ${Number(last.seq)}`);
    check = await verifyAuditChain(db);
    expect(check.firstBroken?.seq).toBe(Number(last.seq));
    await tamper(db, sql`insert into platform_audit_entry select * from json_populate_record(null::platform_audit_entry, ${JSON.stringify(snake(last))}::json)`);

    // A forged entry appended after the head, first with a made-up hash, then with a recomputed one.
    const next = Number(last.seq) + 1;
    const forged = { ...last, seq: next, actorId: "intruder", prevHash: last.hash, hash: "f".repeat(64) };
    await tamper(db, sql`insert into platform_audit_entry select * from json_populate_record(null::platform_audit_entry, ${JSON.stringify(snake(forged))}::json)`);
    check = await verifyAuditChain(db);
    expect(check.firstBroken).toMatchObject({ seq: next });
    const recomputed = entryHash({ ...forged, at: new Date(forged.at).toISOString() });
    await tamper(db, sql`update platform_audit_entry set hash = ${recomputed} where seq = ${next}`);
    check = await verifyAuditChain(db);
    expect(check.firstBroken).toMatchObject({ seq: next });
    expect(check.firstBroken?.reason).toContain("beyond the chain head");
    await tamper(db, sql`delete from platform_audit_entry where seq = ${next}`);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("lets an auditor search and export the log, and logs the export", async () => {
    await createAccount(app, "auditor1", "auditor");
    const auditor = sessionHeaders(await signIn(app, "auditor1"));
    const found = await app.api<{ items: { action: string; hash: string }[]; total: number }>("GET", "/api/v1/audit-entries?entity=region&action=record.update", undefined, auditor);
    expect(found.status).toBe(200);
    expect(found.body.total).toBeGreaterThan(0);
    expect(found.body.items.every((e) => e.action === "record.update" && /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    const csv = await app.api<string>("GET", "/api/v1/audit-entries?format=csv&action=record.create", undefined, auditor);
    expect(csv.status).toBe(200);
    expect(String(csv.headers["content-type"])).toContain("text/csv");
    expect(csv.body).toContain("record.create");
    const exports = await searchAudit(db, { action: "audit.export", page: 1, pageSize: 10 });
    expect(exports.items[0]).toMatchObject({ actorRole: "auditor", detail: { query: { action: "record.create" } } });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("audits denials, and the verify route answers the audit administrator", async () => {
    const anonymous = await startTestApp(target, { asOperator: false });
    try {
      const denied = await anonymous.api("POST", "/api/v1/regions/330784/archive");
      expect(denied.status).toBe(401);
      const entries = await searchAudit(anonymous.database.db, { action: "auth.denied", page: 1, pageSize: 10 });
      expect(entries.items[0]).toMatchObject({ outcome: "denied", actorRole: "public", entity: "region", recordId: "330784", detail: { permission: "region.archive" } });
      // More of the same from the same address within the minute are answered alike but not written again
      // (an unauthenticated flood must not fill the log); another kind is written.
      for (let i = 0; i < 5; i += 1) expect((await anonymous.api("POST", "/api/v1/regions/330784/archive")).status).toBe(401);
      expect((await anonymous.api("GET", "/api/v1/audit-entries")).status).toBe(401);
      const after = await searchAudit(anonymous.database.db, { action: "auth.denied", page: 1, pageSize: 50 });
      expect(after.items.filter((e) => (e.detail as { permission?: string }).permission === "region.archive")).toHaveLength(1);
      expect(after.items.filter((e) => (e.detail as { permission?: string }).permission !== "region.archive")).toHaveLength(1);
    } finally {
      await anonymous.close();
    }
    const asAdmin = await app.api<{ error: { code: string } }>("GET", "/api/v1/audit-entries/verify");
    expect(asAdmin.status).toBe(403); // the system administrator does not read the audit log
  });
});

/** A row as json_populate_record wants it: snake_case keys, the timestamp as text. */
function snake(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v instanceof Date ? v.toISOString() : v]));
}
