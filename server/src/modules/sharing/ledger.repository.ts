// SQL for the journal. Entries and lines are only ever inserted (the database refuses UPDATE and DELETE); the
// lines of an entry go in with one statement, so the database's balance check sees the whole entry at once.
import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";
import type { SubjectRef } from "./engine/index.ts";
import type { JournalLine } from "./postings.ts";
import type { LedgerPosted } from "./run-compute.ts";
import type { SharingTables } from "./sharing.tables.ts";

const tables = (db: Db) => db.withTables<SharingTables>();

export type EntryHeader = {
  agreementId: string;
  runId: string;
  kind: "posting" | "reversal";
  reversesEntryId: string | null;
  year: number;
  period: string;
  periodLastMonth: number;
  postedBy: string;
  memo: string;
};

export type StoredEntry = EntryHeader & { id: string; postedAt: Date; lines: (JournalLine & { lineNo: number })[] };

const subjectOf = (kind: string | null, id: string | null): SubjectRef | null => (kind && id ? { kind: kind as SubjectRef["kind"], id } : null);

/** Inserts the entry and its lines in the caller's transaction; the database checks that they balance. */
export async function insertEntry(trx: Db, header: EntryHeader, lines: readonly JournalLine[]): Promise<string> {
  const { id } = await tables(trx).insertInto("sharingLedgerEntry").values(header).returning("id").executeTakeFirstOrThrow();
  if (lines.length === 0) return String(id);
  const rows = lines.map((l, i) => ({
    line_no: i + 1,
    account: l.account,
    party: l.party,
    terms_version: l.termsVersion,
    rule_id: l.rule,
    measure: l.measure,
    unit: l.unit,
    subject_kind: l.subject?.kind ?? null,
    subject_id: l.subject?.id ?? null,
    amount: String(l.amount),
  }));
  await sql`
    insert into sharing_ledger_line (entry_id, line_no, account, party, terms_version, rule_id, measure, unit, subject_kind, subject_id, amount)
    select ${id}::bigint, x.line_no, x.account, x.party, x.terms_version, x.rule_id, x.measure, x.unit, x.subject_kind, x.subject_id, x.amount::bigint
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(line_no integer, account text, party text, terms_version integer, rule_id text,
      measure text, unit text, subject_kind text, subject_id text, amount text)`.execute(trx);
  return String(id);
}

/** Party amounts posted for the agreement in the year by entries of periods ending before `beforeMonth`. */
export async function postedBefore(db: Db, agreementId: string, year: number, beforeMonth: number): Promise<LedgerPosted[]> {
  const rows = await sql<{ termsVersion: number; ruleId: string; subjectKind: string | null; subjectId: string | null; party: string; measure: string; amount: string }>`
    select l.terms_version, l.rule_id, l.subject_kind, l.subject_id, l.party, l.measure, sum(l.amount)::text as amount
    from sharing_ledger_line l join sharing_ledger_entry e on e.id = l.entry_id
    where e.agreement_id = ${agreementId} and e.year = ${year} and e.period_last_month < ${beforeMonth} and l.account = 'party'
    group by l.terms_version, l.rule_id, l.subject_kind, l.subject_id, l.party, l.measure
    having sum(l.amount) <> 0
    order by 1, 2, 3, 4, 5`.execute(db);
  return rows.rows.map((r) => ({ termsVersion: r.termsVersion, rule: r.ruleId, subject: subjectOf(r.subjectKind, r.subjectId), party: r.party, measure: r.measure, amount: BigInt(r.amount) }));
}

export async function entriesOf(db: Db, filter: { agreementId: string; year?: number; runId?: string }): Promise<StoredEntry[]> {
  let qb = tables(db).selectFrom("sharingLedgerEntry").selectAll().where("agreementId", "=", filter.agreementId);
  if (filter.year !== undefined) qb = qb.where("year", "=", filter.year);
  if (filter.runId !== undefined) qb = qb.where("runId", "=", filter.runId);
  const entries = await qb.orderBy("id").execute();
  if (entries.length === 0) return [];
  const lines = await tables(db)
    .selectFrom("sharingLedgerLine")
    .selectAll()
    .where(
      "entryId",
      "in",
      entries.map((e) => e.id),
    )
    .orderBy("entryId")
    .orderBy("lineNo")
    .execute();
  const byEntry = new Map<string, StoredEntry["lines"]>();
  for (const l of lines) {
    const list = byEntry.get(String(l.entryId)) ?? [];
    list.push({ lineNo: l.lineNo, account: l.account, party: l.party, termsVersion: l.termsVersion, rule: l.ruleId, measure: l.measure, unit: l.unit, subject: subjectOf(l.subjectKind, l.subjectId), amount: BigInt(l.amount) });
    byEntry.set(String(l.entryId), list);
  }
  return entries.map((e) => ({ ...e, id: String(e.id), reversesEntryId: e.reversesEntryId === null ? null : String(e.reversesEntryId), lines: byEntry.get(String(e.id)) ?? [] }));
}

/** Each party's balance per measure for the year, summed from the journal's party lines. */
export async function journalBalances(db: Db, agreementId: string, year: number): Promise<{ entries: number; balances: { party: string; measure: string; unit: string; amount: bigint }[] }> {
  const rows = await sql<{ party: string; measure: string; unit: string; amount: string }>`
    select l.party, l.measure, l.unit, sum(l.amount)::text as amount
    from sharing_ledger_line l join sharing_ledger_entry e on e.id = l.entry_id
    where e.agreement_id = ${agreementId} and e.year = ${year} and l.account = 'party'
    group by l.party, l.measure, l.unit order by l.party, l.measure`.execute(db);
  const count = await sql<{ n: string }>`select count(*)::text as n from sharing_ledger_entry where agreement_id = ${agreementId} and year = ${year}`.execute(db);
  return { entries: Number(count.rows[0]?.n ?? 0), balances: rows.rows.map((r) => ({ ...r, amount: BigInt(r.amount) })) };
}
