-- Benefit sharing (server/src/modules/sharing): term sets attached to agreements, production starts of
-- enterprises, settlement runs with their explained lines and the parties' confirmations, and the double-entry
-- ledger. What was agreed and posted is never rewritten: term sets and run lines are immutable, the journal is
-- append-only and every entry balances — enforced here, in the database, not only in the service.

-- An enterprise's production start (投产日期), which anniversary schedules count from. Kept by the sharing
-- module (keyed by enterprise) so the enterprise register stays as it is; see docs/sharing/guide.md.
create table sharing_production_start (
  enterprise_id  uuid primary key references enterprises_enterprise (id),
  started_on     date not null,
  note           text,
  illustrative   boolean not null default false,
  version        integer not null default 1,
  recorded_by    text not null,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);

-- A version of an agreement's sharing terms (docs/sharing/terms-format.md). A renegotiation is a new version;
-- a version is never changed.
create table sharing_term_set (
  id              uuid primary key default gen_random_uuid(),
  agreement_id    uuid not null references agreements_agreement (id),
  version         integer not null check (version >= 1),
  terms_id        text not null,
  effective_from  date not null,
  effective_to    date,
  document        jsonb not null,
  illustrative    boolean not null default false,
  created_by      text not null,
  created_by_name text not null,
  created_at      timestamptz not null default now(),
  unique (agreement_id, version),
  check (effective_to is null or effective_to >= effective_from)
);

-- A settlement run of one agreement for one period (a month "2024-03", a quarter "2024-Q1" or a year "2024").
-- draft → locked (every party confirmed) → restated (a later restatement replaced it); a draft may be discarded.
create table sharing_settlement_run (
  id               uuid primary key default gen_random_uuid(),
  agreement_id     uuid not null references agreements_agreement (id),
  period           text not null,
  period_kind      text not null check (period_kind in ('month', 'quarter', 'year')),
  year             integer not null,
  first_month      integer not null check (first_month between 1 and 12),
  last_month       integer not null check (last_month between first_month and 12),
  kind             text not null check (kind in ('settlement', 'restatement')),
  restates_run_id  uuid references sharing_settlement_run (id),
  status           text not null check (status in ('draft', 'locked', 'restated', 'discarded')),
  fingerprint      text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  inputs           jsonb not null,
  parties          jsonb not null,
  totals           jsonb not null,
  skipped          jsonb not null,
  warnings         jsonb not null,
  illustrative     boolean not null default false,
  created_by       text not null,
  created_by_name  text not null,
  created_at       timestamptz not null default now(),
  locked_at        timestamptz,
  ended_at         timestamptz,
  check ((kind = 'restatement') = (restates_run_id is not null))
);
-- At most one draft and one locked run per agreement and period: of two runs started at once, one fails here
-- even if the service's lock were bypassed.
create unique index sharing_settlement_run_one_draft on sharing_settlement_run (agreement_id, period) where status = 'draft';
create unique index sharing_settlement_run_one_locked on sharing_settlement_run (agreement_id, period) where status = 'locked';
create index sharing_settlement_run_year on sharing_settlement_run (agreement_id, year);

-- What a run computed and why: one line per rule × subject × party (or guaranteed return × party), with the
-- figure versions, schedule window, share, caps/floors and rounding step in `explanation`.
create table sharing_settlement_line (
  run_id             uuid not null references sharing_settlement_run (id),
  line_no            integer not null,
  kind               text not null check (kind in ('rule', 'guaranteed_return')),
  terms_version      integer not null,
  rule_id            text not null,
  party              text not null,
  measure            text not null,
  unit               text not null,
  subject_kind       text check (subject_kind in ('enterprise', 'enclave')),
  subject_id         text,
  due_to_date        bigint not null,
  previously_posted  bigint not null,
  amount             bigint not null,
  explanation        jsonb not null,
  primary key (run_id, line_no),
  check (amount = due_to_date - previously_posted)
);

create table sharing_confirmation (
  run_id        uuid not null references sharing_settlement_run (id),
  party         text not null,
  actor_id      text not null,
  actor_name    text not null,
  actor_role    text not null,
  confirmed_at  timestamptz not null default now(),
  primary key (run_id, party)
);

-- The journal: entries (one posting per locked run; a restatement adds the reversal of the run it replaces)
-- and their lines. A party line credits a party with its share of a measure; the pool line of the same rule and
-- subject debits the shared total, so each entry sums to zero per unit (fen, or micro-units of a quantity).
create table sharing_ledger_entry (
  id                 bigint generated always as identity primary key,
  agreement_id       uuid not null references agreements_agreement (id),
  run_id             uuid not null references sharing_settlement_run (id),
  kind               text not null check (kind in ('posting', 'reversal')),
  reverses_entry_id  bigint references sharing_ledger_entry (id),
  year               integer not null,
  period             text not null,
  period_last_month  integer not null check (period_last_month between 1 and 12),
  posted_by          text not null,
  posted_at          timestamptz not null default now(),
  memo               text not null,
  unique (run_id, kind),
  check ((kind = 'reversal') = (reverses_entry_id is not null))
);
create index sharing_ledger_entry_year on sharing_ledger_entry (agreement_id, year);

create table sharing_ledger_line (
  entry_id       bigint not null references sharing_ledger_entry (id),
  line_no        integer not null,
  account        text not null check (account in ('party', 'pool')),
  party          text,
  terms_version  integer not null,
  rule_id        text not null,
  measure        text not null,
  unit           text not null,
  subject_kind   text check (subject_kind in ('enterprise', 'enclave')),
  subject_id     text,
  amount         bigint not null,
  primary key (entry_id, line_no),
  check ((account = 'party') = (party is not null))
);

-- Append-only: posted entries and lines, run lines, confirmations and term sets are never updated or deleted.
create function sharing_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = '55000';
end
$$;
create trigger sharing_ledger_entry_append_only before update or delete on sharing_ledger_entry
  for each row execute function sharing_append_only();
create trigger sharing_ledger_entry_no_truncate before truncate on sharing_ledger_entry
  for each statement execute function sharing_append_only();
create trigger sharing_ledger_line_append_only before update or delete on sharing_ledger_line
  for each row execute function sharing_append_only();
create trigger sharing_ledger_line_no_truncate before truncate on sharing_ledger_line
  for each statement execute function sharing_append_only();
create trigger sharing_settlement_line_append_only before update or delete on sharing_settlement_line
  for each row execute function sharing_append_only();
create trigger sharing_confirmation_append_only before update or delete on sharing_confirmation
  for each row execute function sharing_append_only();
create trigger sharing_term_set_append_only before update or delete on sharing_term_set
  for each row execute function sharing_append_only();

-- A run moves through its statuses; what it computed never changes.
create function sharing_run_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'settlement runs are never deleted' using errcode = '55000';
  end if;
  if new.fingerprint is distinct from old.fingerprint or new.inputs is distinct from old.inputs
     or new.totals is distinct from old.totals or new.period is distinct from old.period
     or new.agreement_id is distinct from old.agreement_id or new.kind is distinct from old.kind
     or new.restates_run_id is distinct from old.restates_run_id then
    raise exception 'a settlement run''s inputs and results are never changed' using errcode = '55000';
  end if;
  if not ((old.status = 'draft' and new.status in ('draft', 'locked', 'discarded'))
       or (old.status = 'locked' and new.status in ('locked', 'restated'))
       or (old.status = new.status)) then
    raise exception 'a settlement run cannot move from % to %', old.status, new.status using errcode = '55000';
  end if;
  return new;
end
$$;
create trigger sharing_settlement_run_guard before update or delete on sharing_settlement_run
  for each row execute function sharing_run_guard();

-- Every entry balances: checked for every statement that adds lines (over the whole entry, so lines added in
-- several statements must balance after each), and once more per entry when the transaction commits.
create function sharing_entry_unbalanced(entry bigint) returns text language sql stable as $$
  select string_agg(unit || ' off by ' || total, ', ')
  from (select unit, sum(amount) as total from sharing_ledger_line where entry_id = entry group by unit) s
  where total <> 0
$$;

create function sharing_lines_balance() returns trigger language plpgsql as $$
declare
  bad record;
begin
  for bad in select distinct n.entry_id from new_lines n loop
    if sharing_entry_unbalanced(bad.entry_id) is not null then
      raise exception 'ledger entry % does not balance: %', bad.entry_id, sharing_entry_unbalanced(bad.entry_id) using errcode = '23514';
    end if;
  end loop;
  return null;
end
$$;
create trigger sharing_ledger_line_balance after insert on sharing_ledger_line
  referencing new table as new_lines for each statement execute function sharing_lines_balance();

create function sharing_entry_balances() returns trigger language plpgsql as $$
begin
  if sharing_entry_unbalanced(new.id) is not null then
    raise exception 'ledger entry % does not balance: %', new.id, sharing_entry_unbalanced(new.id) using errcode = '23514';
  end if;
  return null;
end
$$;
create constraint trigger sharing_ledger_entry_balances after insert on sharing_ledger_entry
  deferrable initially deferred for each row execute function sharing_entry_balances();
