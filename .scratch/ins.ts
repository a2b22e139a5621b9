import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { openDatabase } from "../server/src/platform/database.ts";
const pglite = await PGlite.create();
const { db } = await openDatabase({ pglite });
await sql.raw(`
create table fig (id uuid primary key default gen_random_uuid(), subject_kind text not null, subject_id uuid not null, month date not null, measure text not null, unit text not null, unique (subject_id, month, measure, subject_kind));
create table ver (figure_id uuid not null references fig(id), version int not null, amount_fen bigint, quantity numeric, recorded_at timestamptz not null default now(), by_id text not null, source text not null, import_id uuid, primary key (figure_id, version));
create table stage (import_id uuid not null, row_no int not null, subject_kind text not null, subject_id uuid not null, month date not null, measure text not null, unit text not null, amount_fen bigint, quantity numeric, primary key (import_id, row_no));
`).execute(db);
const subjects = Array.from({ length: 500 }, () => crypto.randomUUID());
const imp = crypto.randomUUID();
const N = 100000;
let t = Date.now();
for (let i = 0; i < N; i += 5000) {
  const rows = Array.from({ length: Math.min(5000, N - i) }, (_, k) => i + k);
  await db.transaction().execute(async (trx) => {
    await sql`insert into stage (import_id, row_no, subject_kind, subject_id, month, measure, unit, amount_fen, quantity)
      select ${imp}::uuid, r, 'enterprise', s, m::date, me, 'fen', a, null from unnest(${rows}::int[], ${rows.map((r) => subjects[r % 500])}::uuid[], ${rows.map((r) => `20${10 + Math.floor(r / 6000)}-${String(1 + ((r / 500 | 0) % 12)).padStart(2, "0")}-01`)}::text[], ${rows.map(() => "local_retained_vat")}::text[], ${rows.map((r) => String(r * 100))}::bigint[]) as u(r, s, m, me, a)`.execute(trx);
  });
}
console.log("stage", Date.now() - t);
t = Date.now();
await db.transaction().execute(async (trx) => {
  await sql`insert into fig (subject_kind, subject_id, month, measure, unit) select distinct subject_kind, subject_id, month, measure, unit from stage where import_id = ${imp} on conflict do nothing`.execute(trx);
  console.log(" fig", Date.now() - t);
  await sql`insert into ver (figure_id, version, amount_fen, quantity, by_id, source, import_id)
   select f.id, coalesce(l.version, 0) + 1, s.amount_fen, s.quantity, 'x', 'import', ${imp} from stage s join fig f on f.subject_id = s.subject_id and f.month = s.month and f.measure = s.measure and f.subject_kind = s.subject_kind
   left join lateral (select version, amount_fen, quantity from ver v where v.figure_id = f.id order by version desc limit 1) l on true
   where s.import_id = ${imp} and (l.version is null or l.amount_fen is distinct from s.amount_fen or l.quantity is distinct from s.quantity)`.execute(trx);
});
console.log("commit", Date.now() - t);
const c = await sql<{ n: number }>`select count(*)::int n from ver`.execute(db);
console.log(c.rows);
