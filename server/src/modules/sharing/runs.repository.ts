// SQL for settlement runs, their lines and confirmations. A run's results are written once; afterwards only its
// status moves (the database refuses any other change).
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../platform/database.ts";
import { arrayOf, textBytes } from "../../platform/sql-values.ts";
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
 * The lines and their explanations' groups. Rule lines go in blocks of up to 5,000 of one shape (terms version,
 * rule, party, measure, unit, subject kind: db/migrations/202611251000_sharing_line_blocks.sql), the rest of each
 * line as arrays; guaranteed returns, each with its explanation as JSON, a row each. Arrays and texts go as
 * sql-values.ts sends them.
 */
export async function insertRunLines(trx: Db, runId: string, lines: readonly StoredLine[], encoded: EncodedRun): Promise<void> {
  const shapes = new Map<string, number[]>();
  const rows: number[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && l.lineNo <= (lines[i - 1] as StoredLine).lineNo) throw new Error(`run lines out of order at line ${l.lineNo}`);
    if (l.kind !== "rule" || encoded.lines[i]?.ref == null) {
      rows.push(i);
      return;
    }
    const key = `${l.termsVersion}|${l.rule}|${l.party}|${l.measure}|${l.unit}|${l.subject?.kind ?? ""}`;
    let at = shapes.get(key);
    if (!at) shapes.set(key, (at = []));
    at.push(i);
  });
  const blocks: RawBuilder<unknown>[] = [];
  for (const at of shapes.values()) {
    const l = lines[at[0] as number] as StoredLine;
    for (let start = 0; start < at.length; start += 5_000) {
      const part = at.slice(start, start + 5_000);
      const column = (type: "integer" | "bigint" | "text", value: (line: StoredLine, i: number) => string | number | bigint | null) => arrayOf(type, part.map((i) => value(lines[i] as StoredLine, i)));
      const first = (lines[part[0] as number] as StoredLine).lineNo;
      const last = (lines[part.at(-1) as number] as StoredLine).lineNo;
      blocks.push(sql`(${runId}::uuid, ${first}::integer, ${last}::integer, ${l.termsVersion}::integer, ${l.rule}, ${l.party}, ${l.measure}, ${l.unit}, ${l.subject?.kind ?? null}::text,
        ${column("integer", (x) => x.lineNo)}, ${column("text", (x) => x.subject?.id ?? null)}, ${column("bigint", (x) => x.dueToDate)},
        ${column("bigint", (x) => x.previouslyPosted)}, ${column("integer", (_, i) => encoded.lines[i]?.ref ?? null)})`);
    }
  }
  for (let start = 0; start < blocks.length; start += 20) {
    await sql`insert into sharing_settlement_line_block (run_id, first_line, last_line, terms_version, rule_id, party, measure, unit, subject_kind,
        line_nos, subject_ids, due_to_date, previously_posted, explanation_refs)
      values ${sql.join(blocks.slice(start, start + 20))}`.execute(trx);
  }
  if (rows.length > 0) {
    const column = (type: "integer" | "bigint" | "text", value: (line: StoredLine, i: number) => string | number | bigint | null) => arrayOf(type, rows.map((i) => value(lines[i] as StoredLine, i)));
    await sql`
      insert into sharing_settlement_line (run_id, line_no, kind, terms_version, rule_id, party, measure, unit, subject_kind, subject_id,
        due_to_date, previously_posted, amount, explanation, explanation_ref)
      select ${runId}::uuid, x.line_no, x.kind, x.terms_version, x.rule_id, x.party, x.measure, x.unit, x.subject_kind, x.subject_id,
        x.due_to_date, x.previously_posted, x.due_to_date - x.previously_posted, x.explanation::jsonb, x.explanation_ref
      from unnest(${column("integer", (x) => x.lineNo)}, ${column("text", (x) => x.kind)}, ${column("integer", (x) => x.termsVersion)},
        ${column("text", (x) => x.rule)}, ${column("text", (x) => x.party)}, ${column("text", (x) => x.measure)}, ${column("text", (x) => x.unit)},
        ${column("text", (x) => x.subject?.kind ?? null)}, ${column("text", (x) => x.subject?.id ?? null)}, ${column("bigint", (x) => x.dueToDate)},
        ${column("bigint", (x) => x.previouslyPosted)}, ${column("text", (_, i) => { const e = encoded.lines[i]?.explanation; return e == null ? null : JSON.stringify(e); })},
        ${column("integer", (_, i) => encoded.lines[i]?.ref ?? null)})
        as x(line_no, kind, terms_version, rule_id, party, measure, unit, subject_kind, subject_id, due_to_date, previously_posted, explanation, explanation_ref)`.execute(trx);
  }
  // Group rows are large: each its own parameter, not an element of an array literal the database must parse.
  for (let start = 0; start < encoded.chunks.length; start += 20) {
    const rows = encoded.chunks.slice(start, start + 20).map((c) => sql`(${runId}::uuid, ${c.firstRef}::integer, ${textBytes(c.groups)})`);
    await sql`insert into sharing_settlement_explanation (run_id, first_ref, groups) values ${sql.join(rows)}`.execute(trx);
  }
}

export async function loadRunRow(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<RunRow | undefined> {
  if (!isUuid(id)) return undefined;
  let qb = tables(db).selectFrom("sharingSettlementRun").selectAll().where("id", "=", id);
  if (options.forUpdate) qb = qb.forUpdate();
  return (await qb.executeTakeFirst()) as RunRow | undefined;
}

type LineRow = Omit<SharingTables["sharingSettlementLine"], "runId">;

/**
 * A run's lines, rows and blocks together, in line order: one party's or the lines from `from` to `to` (blocks
 * outside the range are not opened). Explanations only when asked.
 */
async function lineRows(db: Db, runId: string, options: { party?: string | undefined; from?: number | undefined; to?: number | undefined; explanations: boolean }): Promise<LineRow[]> {
  const row: RawBuilder<unknown>[] = [sql`l.run_id = ${runId}::uuid`];
  const block: RawBuilder<unknown>[] = [sql`b.run_id = ${runId}::uuid`];
  const line: RawBuilder<unknown>[] = [sql`true`];
  if (options.party !== undefined) {
    row.push(sql`l.party = ${options.party}`);
    block.push(sql`b.party = ${options.party}`);
  }
  if (options.from !== undefined) {
    row.push(sql`l.line_no >= ${options.from}::integer`);
    block.push(sql`b.last_line >= ${options.from}::integer`);
    line.push(sql`x.line_no >= ${options.from}::integer`);
  }
  if (options.to !== undefined) {
    row.push(sql`l.line_no <= ${options.to}::integer`);
    block.push(sql`b.first_line <= ${options.to}::integer`);
    line.push(sql`x.line_no <= ${options.to}::integer`);
  }
  const explanation = options.explanations ? sql`l.explanation` : sql`null::jsonb`;
  const result = await sql<LineRow>`
    select l.line_no, l.kind, l.terms_version, l.rule_id, l.party, l.measure, l.unit, l.subject_kind, l.subject_id,
      l.due_to_date, l.previously_posted, l.amount, ${explanation} as explanation, l.explanation_ref
    from sharing_settlement_line l where ${sql.join(row, sql` and `)}
    union all
    select x.line_no, 'rule', b.terms_version, b.rule_id, b.party, b.measure, b.unit, b.subject_kind, x.subject_id,
      x.due_to_date, x.previously_posted, x.due_to_date - x.previously_posted, null::jsonb, x.explanation_ref
    from sharing_settlement_line_block b
      cross join lateral unnest(b.line_nos, b.subject_ids, b.due_to_date, b.previously_posted, b.explanation_refs)
        as x(line_no, subject_id, due_to_date, previously_posted, explanation_ref)
    where ${sql.join(block, sql` and `)} and ${sql.join(line, sql` and `)}
    order by line_no`.execute(db);
  return result.rows;
}

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
  return (await lineRows(db, runId, { party: options.party, explanations: false })).map(storedLineOf);
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
  const rows = await lineRows(db, runId, { ...options, explanations: true });
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
