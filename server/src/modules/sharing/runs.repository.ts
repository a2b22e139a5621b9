// SQL for settlement runs, their lines and confirmations. A run's results are written once; afterwards only its
// status moves (the database refuses any other change).
import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";
import type { SubjectRef } from "./engine/index.ts";
import { firstRefOf, type EncodedRun, type StoredLineCore, type StoredLineExplanation } from "./explanation-store.ts";
import type { SharingTables } from "./sharing.tables.ts";

const tables = (db: Db) => db.withTables<SharingTables>();

export type RunRow = SharingTables["sharingSettlementRun"] & { id: string; illustrative: boolean; createdAt: Date };
export type ConfirmationRow = { party: string; actorId: string; actorName: string; actorRole: string; confirmedAt: Date };
export type StoredLine = StoredLineCore & { lineNo: number; explanation?: Record<string, unknown> };

const subjectOf = (kind: string | null, id: string | null): SubjectRef | null => (kind && id ? { kind: kind as SubjectRef["kind"], id } : null);

/** Serialises every run and confirmation of one agreement and year until the transaction ends. */
export async function lockAgreementYear(trx: Db, agreementId: string, year: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`sharing:${agreementId}:${year}`}, 0))`.execute(trx);
}

export type RunInsert = Omit<SharingTables["sharingSettlementRun"], "id" | "createdAt" | "lockedAt" | "endedAt" | "illustrative"> & { illustrative: boolean };

export async function insertRun(trx: Db, row: RunInsert): Promise<string> {
  const values = { ...row, inputs: JSON.stringify(row.inputs), parties: JSON.stringify(row.parties), totals: JSON.stringify(row.totals), skipped: JSON.stringify(row.skipped), warnings: JSON.stringify(row.warnings), explanationTexts: JSON.stringify(row.explanationTexts) };
  const { id } = await tables(trx).insertInto("sharingSettlementRun").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

/**
 * The lines and their explanations' groups. Lines go in statements of up to 5,000 of the same shape (kind,
 * terms version, rule, party, measure, unit, subject kind: one rule's lines for one party), those columns as
 * constants and the rest as arrays unnested by the database. Arrays go as literals built here: the driver's
 * encoding quotes every element one by one.
 */
export async function insertRunLines(trx: Db, runId: string, lines: readonly StoredLine[], encoded: EncodedRun): Promise<void> {
  const shapes = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const key = `${l.kind}|${l.termsVersion}|${l.rule}|${l.party}|${l.measure}|${l.unit}|${l.subject?.kind ?? ""}`;
    let at = shapes.get(key);
    if (!at) shapes.set(key, (at = []));
    at.push(i);
  });
  for (const at of shapes.values()) {
    const l = lines[at[0] as number] as StoredLine;
    for (let start = 0; start < at.length; start += 5_000) {
      const part = at.slice(start, start + 5_000);
      const column = <T>(value: (line: StoredLine, i: number) => T) => arrayLiteral(part.map((i) => value(lines[i] as StoredLine, i) as string | number | bigint | null));
      const explanations = l.kind === "rule" ? sql`null::jsonb` : sql`x.explanation::jsonb`;
      await sql`
        insert into sharing_settlement_line (run_id, line_no, kind, terms_version, rule_id, party, measure, unit, subject_kind, subject_id,
          due_to_date, previously_posted, amount, explanation, explanation_ref)
        select ${runId}::uuid, x.line_no, ${l.kind}, ${l.termsVersion}::integer, ${l.rule}, ${l.party}, ${l.measure}, ${l.unit}, ${l.subject?.kind ?? null}::text, x.subject_id,
          x.due_to_date, x.previously_posted, x.due_to_date - x.previously_posted, ${explanations}, x.explanation_ref
        from unnest(${column((x) => x.lineNo)}::integer[], ${column((x) => x.subject?.id ?? null)}::text[], ${column((x) => x.dueToDate)}::bigint[],
          ${column((x) => x.previouslyPosted)}::bigint[], ${column((_, i) => encoded.lines[i]?.ref ?? null)}::integer[],
          ${l.kind === "rule" ? "{}" : column((_, i) => JSON.stringify(encoded.lines[i]?.explanation ?? null))}::text[])
          as x(line_no, subject_id, due_to_date, previously_posted, explanation_ref, explanation)`.execute(trx);
    }
  }
  // Group rows are large: each its own parameter, not an element of an array literal the database must parse.
  for (let start = 0; start < encoded.chunks.length; start += 20) {
    const rows = encoded.chunks.slice(start, start + 20).map((c) => sql`(${runId}::uuid, ${c.firstRef}::integer, ${c.groups}::text)`);
    await sql`insert into sharing_settlement_explanation (run_id, first_ref, groups) values ${sql.join(rows)}`.execute(trx);
  }
}

/** A PostgreSQL array literal; elements are quoted only when they must be. */
function arrayLiteral(values: readonly (string | number | bigint | null)[]): string {
  let text = "{";
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) text += ",";
    if (v === null || v === undefined) text += "NULL";
    else if (typeof v !== "string") text += String(v);
    else if (v !== "" && !/[\s,{}"\\]/.test(v) && v.toUpperCase() !== "NULL") text += v;
    else text += `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `${text}}`;
}

export async function loadRunRow(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<RunRow | undefined> {
  if (!isUuid(id)) return undefined;
  let qb = tables(db).selectFrom("sharingSettlementRun").selectAll().where("id", "=", id);
  if (options.forUpdate) qb = qb.forUpdate();
  return (await qb.executeTakeFirst()) as RunRow | undefined;
}

const lineColumns = ["lineNo", "kind", "termsVersion", "ruleId", "party", "measure", "unit", "subjectKind", "subjectId", "dueToDate", "previouslyPosted", "amount"] as const;

type LineRow = Pick<SharingTables["sharingSettlementLine"], (typeof lineColumns)[number]>;

function storedLineOf(r: LineRow): StoredLine {
  return {
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
}

/** Lines without their explanations, in line order (optionally one party's). */
export async function loadRunLines(db: Db, runId: string, options: { party?: string } = {}): Promise<StoredLine[]> {
  let qb = tables(db).selectFrom("sharingSettlementLine").select(lineColumns).where("runId", "=", runId);
  if (options.party !== undefined) qb = qb.where("party", "=", options.party);
  return (await qb.orderBy("lineNo").execute()).map(storedLineOf);
}

/**
 * Lines as stored with what their explanations are made of (explanation-store.ts decodes them): in line order,
 * one party's or the lines from `from` to `to`.
 */
export async function loadStoredExplanations(
  db: Db,
  runId: string,
  options: { party?: string; from?: number; to?: number },
): Promise<{ lines: StoredLineExplanation[]; rows: Map<number, string>; texts: string[] }> {
  let qb = tables(db).selectFrom("sharingSettlementLine").select([...lineColumns, "explanation", "explanationRef"]).where("runId", "=", runId);
  if (options.party !== undefined) qb = qb.where("party", "=", options.party);
  if (options.from !== undefined) qb = qb.where("lineNo", ">=", options.from);
  if (options.to !== undefined) qb = qb.where("lineNo", "<=", options.to);
  const rows = await qb.orderBy("lineNo").execute();
  const lines = rows.map((r) => ({ ...storedLineOf(r), explanationRef: r.explanationRef, explanation: r.explanation }));
  const firstRefs = [...new Set(lines.flatMap((l) => (l.explanationRef === null ? [] : [firstRefOf(l.explanationRef)])))];
  const stored = new Map<number, string>();
  if (firstRefs.length === 0) return { lines, rows: stored, texts: [] };
  const found = await tables(db).selectFrom("sharingSettlementExplanation").select(["firstRef", "groups"]).where("runId", "=", runId).where("firstRef", "=", sql<number>`any(${firstRefs}::integer[])`).execute();
  for (const g of found) stored.set(g.firstRef, g.groups);
  const run = await tables(db).selectFrom("sharingSettlementRun").select("explanationTexts").where("id", "=", runId).executeTakeFirst();
  return { lines, rows: stored, texts: (run?.explanationTexts ?? []) as string[] };
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
