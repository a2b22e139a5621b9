import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { openDatabase } from "../server/src/platform/database.ts";
const pglite = await PGlite.create();
const { db } = await openDatabase({ pglite });
await sql.raw(`
create table ent (id uuid primary key);
create table ver (figure_id uuid not null, version int not null, subject_kind text not null, enterprise_id uuid references ent(id), enclave_id uuid, subject_id uuid not null, month date not null, measure text not null, unit text not null, amount_fen bigint, quantity numeric, recorded_at timestamptz not null default now(), by_id text not null, by_name text not null, source text not null, import_id uuid, reason text, primary key (figure_id, version));
create index ver_month on ver (month);
create table stage (import_id uuid not null, row_no int not null, figure_id uuid not null, subject_kind text not null, enterprise_id uuid, enclave_id uuid, month date not null, measure text not null, unit text not null, amount_fen bigint, quantity numeric, primary key (import_id, row_no));
`).execute(db);
const subjects = Array.from({ length: 500 }, () => crypto.randomUUID());
for (const s of subjects) await sql`insert into ent values (${s})`.execute(db);
const imp = crypto.randomUUID();
const N = 100000;
let t = Date.now();
for (let i = 0; i < N; i += 5000) {
  const rows = Array.from({ length: Math.min(5000, N - i) }, (_, k) => i + k);
  await db.transaction().execute(async (trx) => {
    await sql`insert into stage (import_id, row_no, figure_id, subject_kind, enterprise_id, month, measure, unit, amount_fen, quantity)
      select ${imp}::uuid, r, f, 'enterprise', s, m::date, me, 'fen', a, null from unnest(${rows}::int[], ${rows.map(() => crypto.randomUUID())}::uuid[], ${rows.map((r) => subjects[r % 500])}::uuid[], ${rows.map((r) => `20${10 + Math.floor(r / 6000)}-${String(1 + ((r / 500 | 0) % 12)).padStart(2, "0")}-01`)}::text[], ${rows.map(() => "local_retained_vat")}::text[], ${rows.map((r) => String(r * 100))}::bigint[]) as u(r, f, s, m, me, a)`.execute(trx);
  });
}
console.log("stage", Date.now() - t);
t = Date.now();
await db.transaction().execute(async (trx) => {
  await sql`insert into ver (figure_id, version, subject_kind, enterprise_id, enclave_id, subject_id, month, measure, unit, amount_fen, quantity, by_id, by_name, source, import_id)
   select s.figure_id, coalesce(l.version, 0) + 1, s.subject_kind, s.enterprise_id, s.enclave_id, coalesce(s.enterprise_id, s.enclave_id), s.month, s.measure, s.unit, s.amount_fen, s.quantity, 'x', 'x', 'import', ${imp} from stage s
   left join lateral (select version, amount_fen, quantity from ver v where v.figure_id = s.figure_id order by version desc limit 1) l on true
   where s.import_id = ${imp} and (l.version is null or l.amount_fen is distinct from s.amount_fen or l.quantity is distinct from s.quantity)`.execute(trx);
});
console.log("commit", Date.now() - t);
t = Date.now();
await db.transaction().execute(async (trx) => {
  await sql`insert into ver (figure_id, version, subject_kind, enterprise_id, enclave_id, subject_id, month, measure, unit, amount_fen, quantity, by_id, by_name, source, import_id)
   select s.figure_id, coalesce(l.version, 0) + 1, s.subject_kind, s.enterprise_id, s.enclave_id, coalesce(s.enterprise_id, s.enclave_id), s.month, s.measure, s.unit, s.amount_fen, s.quantity, 'x', 'x', 'import', ${imp} from stage s
   left join lateral (select version, amount_fen, quantity from ver v where v.figure_id = s.figure_id order by version desc limit 1) l on true
   where s.import_id = ${imp} and (l.version is null or l.amount_fen is distinct from s.amount_fen or l.quantity is distinct from s.quantity)`.execute(trx);
});
console.log("recommit (all unchanged)", Date.now() - t);
