-- Settlement explanations stored once, not once per line (server/src/modules/sharing/explanation-store.ts). A
-- rule line's explanation is the figures behind it — the same for every party of one rule and subject — and the
-- party's own steps (share, split, rounding, caps and floors). A run now stores, once per terms version × rule ×
-- subject, the figures as months and versions (the indicators module gives each figure version's id and value
-- back when an explanation is read: versions never change) together with each party's steps; a line keeps the
-- number of that group. Texts that repeat on many lines (party names, rounding reasons) are stored once per run.
-- What the API shows is unchanged; the lines of earlier runs keep their `explanation` as it was.

-- The groups of a run, a thousand to a row (groups first_ref … first_ref + 999, one per line of `groups`): a
-- run of a hundred thousand groups is then a hundred rows to write, not a hundred thousand.
create table sharing_settlement_explanation (
  run_id     uuid not null,
  first_ref  integer not null check (first_ref >= 1),
  groups     text not null,
  primary key (run_id, first_ref)
);

-- The lines of a new run reference their group (no foreign key: a run's lines and groups are written together,
-- in one transaction, by one function).
alter table sharing_settlement_line
  drop constraint sharing_settlement_line_run_id_fkey;
alter table sharing_settlement_line
  alter column explanation drop not null,
  add column explanation_ref integer,
  add constraint sharing_settlement_line_explained check (explanation is not null or explanation_ref is not null);

alter table sharing_settlement_run add column explanation_texts jsonb;

-- Lines and explanations name an existing run. A foreign key checks that row by row — a query per line, the
-- largest part of storing a run of a hundred thousand lines on the embedded database — so it is checked once per
-- statement, over the run ids the statement added. Runs are never deleted (sharing_run_guard) nor truncated.
create function sharing_rows_have_runs() returns trigger language plpgsql as $$
declare
  missing uuid;
begin
  select n.run_id into missing from (select distinct run_id from new_rows) n
  where not exists (select 1 from sharing_settlement_run r where r.id = n.run_id) limit 1;
  if found then
    raise exception 'insert into % names settlement run %, which does not exist', tg_table_name, missing using errcode = '23503';
  end if;
  return null;
end
$$;
create trigger sharing_settlement_line_run after insert on sharing_settlement_line
  referencing new table as new_rows for each statement execute function sharing_rows_have_runs();
create trigger sharing_settlement_explanation_run after insert on sharing_settlement_explanation
  referencing new table as new_rows for each statement execute function sharing_rows_have_runs();
create trigger sharing_settlement_run_no_truncate before truncate on sharing_settlement_run
  for each statement execute function sharing_append_only();

create trigger sharing_settlement_explanation_append_only before update or delete on sharing_settlement_explanation
  for each row execute function sharing_append_only();
create trigger sharing_settlement_explanation_no_truncate before truncate on sharing_settlement_explanation
  for each statement execute function sharing_append_only();

-- A run's texts are part of what it computed: never changed, like its inputs and totals.
create or replace function sharing_run_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'settlement runs are never deleted' using errcode = '55000';
  end if;
  if new.fingerprint is distinct from old.fingerprint or new.inputs is distinct from old.inputs
     or new.totals is distinct from old.totals or new.period is distinct from old.period
     or new.agreement_id is distinct from old.agreement_id or new.kind is distinct from old.kind
     or new.restates_run_id is distinct from old.restates_run_id
     or new.explanation_texts is distinct from old.explanation_texts then
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
