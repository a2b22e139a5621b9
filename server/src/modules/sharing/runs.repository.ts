// SQL for settlement runs, their lines and confirmations. A run's results are written once; afterwards only its
// status moves (the database refuses any other change).
import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";
import type { SubjectRef } from "./engine/index.ts";
import type { RunLine } from "./run-compute.ts";
import type { SharingTables } from "./sharing.tables.ts";

const tables = (db: Db) => db.withTables<SharingTables>();

export type RunRow = SharingTables["sharingSettlementRun"] & { id: string; illustrative: boolean; createdAt: Date };
export type ConfirmationRow = { party: string; actorId: string; actorName: string; actorRole: string; confirmedAt: Date };
export type StoredLine = Omit<RunLine, "explanation"> & { explanation?: Record<string, unknown> };

const subjectOf = (kind: string | null, id: string | null): SubjectRef | null => (kind && id ? { kind: kind as SubjectRef["kind"], id } : null);

/** Serialises every run and confirmation of one agreement and year until the transaction ends. */
export async function lockAgreementYear(trx: Db, agreementId: string, year: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`sharing:${agreementId}:${year}`}, 0))`.execute(trx);
}

export type RunInsert = Omit<SharingTables["sharingSettlementRun"], "id" | "createdAt" | "lockedAt" | "endedAt" | "illustrative"> & { illustrative: boolean };

export async function insertRun(trx: Db, row: RunInsert): Promise<string> {
  const values = { ...row, inputs: JSON.stringify(row.inputs), parties: JSON.stringify(row.parties), totals: JSON.stringify(row.totals), skipped: JSON.stringify(row.skipped), warnings: JSON.stringify(row.warnings) };
  const { id } = await tables(trx).insertInto("sharingSettlementRun").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** The lines in batches, each batch one statement (a JSON array unpacked by the database). */
export async function insertRunLines(trx: Db, runId: string, lines: readonly RunLine[]): Promise<void> {
  for (let start = 0; start < lines.length; start += 2000) {
    const rows = lines.slice(start, start + 2000).map((l) => ({
      line_no: l.lineNo,
      kind: l.kind,
      terms_version: l.termsVersion,
      rule_id: l.rule,
      party: l.party,
      measure: l.measure,
      unit: l.unit,
      subject_kind: l.subject?.kind ?? null,
      subject_id: l.subject?.id ?? null,
      due_to_date: String(l.dueToDate),
      previously_posted: String(l.previouslyPosted),
      amount: String(l.amount),
      explanation: l.explanation,
    }));
    await sql`
      insert into sharing_settlement_line (run_id, line_no, kind, terms_version, rule_id, party, measure, unit, subject_kind, subject_id,
        due_to_date, previously_posted, amount, explanation)
      select ${runId}::uuid, x.line_no, x.kind, x.terms_version, x.rule_id, x.party, x.measure, x.unit, x.subject_kind, x.subject_id,
        x.due_to_date::bigint, x.previously_posted::bigint, x.amount::bigint, x.explanation
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(line_no integer, kind text, terms_version integer, rule_id text, party text,
        measure text, unit text, subject_kind text, subject_id text, due_to_date text, previously_posted text, amount text, explanation jsonb)`.execute(trx);
  }
}

export async function loadRunRow(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<RunRow | undefined> {
  if (!isUuid(id)) return undefined;
  let qb = tables(db).selectFrom("sharingSettlementRun").selectAll().where("id", "=", id);
  if (options.forUpdate) qb = qb.forUpdate();
  return (await qb.executeTakeFirst()) as RunRow | undefined;
}

/** Lines without their explanations (those are read one at a time), in line order. */
export async function loadRunLines(db: Db, runId: string, options: { withExplanations?: boolean; party?: string } = {}): Promise<StoredLine[]> {
  let qb = tables(db)
    .selectFrom("sharingSettlementLine")
    .select(["lineNo", "kind", "termsVersion", "ruleId", "party", "measure", "unit", "subjectKind", "subjectId", "dueToDate", "previouslyPosted", "amount"])
    .where("runId", "=", runId);
  if (options.party !== undefined) qb = qb.where("party", "=", options.party);
  const rows = await (options.withExplanations ? qb.select("explanation") : qb).orderBy("lineNo").execute();
  return rows.map((r) => {
    const line: StoredLine = {
      lineNo: r.lineNo,
      kind: r.kind,
      termsVersion: r.termsVersion,
      rule: r.ruleId,
      party: r.party,
      measure: r.measure,
      unit: r.unit,
      subject: subjectOf(r.subjectKind, r.subjectId),
      dueToDate: BigInt(r.dueToDate),
      previouslyPosted: BigInt(r.previouslyPosted),
      amount: BigInt(r.amount),
    };
    const explanation = (r as { explanation?: unknown }).explanation;
    return explanation === undefined ? line : { ...line, explanation: explanation as Record<string, unknown> };
  });
}

/** One line with its explanation. */
export async function loadRunLine(db: Db, runId: string, lineNo: number): Promise<StoredLine | undefined> {
  return (await loadRunLinesBetween(db, runId, lineNo, lineNo))[0];
}

async function loadRunLinesBetween(db: Db, runId: string, from: number, to: number): Promise<StoredLine[]> {
  const all = await tables(db)
    .selectFrom("sharingSettlementLine")
    .selectAll()
    .where("runId", "=", runId)
    .where("lineNo", ">=", from)
    .where("lineNo", "<=", to)
    .orderBy("lineNo")
    .execute();
  return all.map((r) => ({
    lineNo: r.lineNo,
    kind: r.kind,
    termsVersion: r.termsVersion,
    rule: r.ruleId,
    party: r.party,
    measure: r.measure,
    unit: r.unit,
    subject: subjectOf(r.subjectKind, r.subjectId),
    dueToDate: BigInt(r.dueToDate),
    previouslyPosted: BigInt(r.previouslyPosted),
    amount: BigInt(r.amount),
    explanation: r.explanation as Record<string, unknown>,
  }));
}

export async function confirmationsOf(db: Db, runIds: readonly string[]): Promise<Map<string, ConfirmationRow[]>> {
  const result = new Map<string, ConfirmationRow[]>();
  if (runIds.length === 0) return result;
  const rows = await tables(db).selectFrom("sharingConfirmation").selectAll().where("runId", "in", runIds).orderBy("confirmedAt").execute();
  for (const r of rows) {
    const list = result.get(r.runId) ?? [];
    list.push({ party: r.party, actorId: r.actorId, actorName: r.actorName, actorRole: r.actorRole, confirmedAt: r.confirmedAt });
    result.set(r.runId, list);
  }
  return result;
}

export async function insertConfirmation(trx: Db, row: { runId: string; party: string; actorId: string; actorName: string; actorRole: string }): Promise<void> {
  await tables(trx).insertInto("sharingConfirmation").values(row).execute();
}

export async function setRunStatus(trx: Db, id: string, status: RunRow["status"]): Promise<void> {
  await tables(trx)
    .updateTable("sharingSettlementRun")
    .set({ status, ...(status === "locked" ? { lockedAt: sql<Date>`now()` } : { endedAt: sql<Date>`now()` }) })
    .where("id", "=", id)
    .execute();
}

/** Runs of an agreement (newest first), optionally of one year or status. */
export async function listRunRows(db: Db, agreementId: string, filter: { year?: number | undefined; status?: RunRow["status"] | undefined }): Promise<RunRow[]> {
  let qb = tables(db).selectFrom("sharingSettlementRun").selectAll().where("agreementId", "=", agreementId);
  if (filter.year !== undefined) qb = qb.where("year", "=", filter.year);
  if (filter.status !== undefined) qb = qb.where("status", "=", filter.status);
  return (await qb.orderBy("year", "desc").orderBy("lastMonth", "desc").orderBy("createdAt", "desc").execute()) as RunRow[];
}

/** The draft and locked runs of an agreement's year: what a new run must fit with. */
export async function activeRunRows(db: Db, agreementId: string, year: number): Promise<RunRow[]> {
  return (await tables(db)
    .selectFrom("sharingSettlementRun")
    .selectAll()
    .where("agreementId", "=", agreementId)
    .where("year", "=", year)
    .where("status", "in", ["draft", "locked"])
    .execute()) as RunRow[];
}

function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
