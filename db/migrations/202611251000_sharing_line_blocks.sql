-- A run's rule lines stored in blocks (server/src/modules/sharing/runs.repository.ts). A year of a large enclave
-- is a hundred thousand lines and more; written a row each, the rows cost more than computing them. A block holds
-- up to 5,000 lines of one shape — one terms version, rule and party: the columns every such line repeats — and
-- the rest as arrays, element i being line i. Guaranteed returns (a few lines, each with its explanation as
-- JSON) and the lines of earlier runs stay rows of sharing_settlement_line; a run's lines are both, read in line
-- order.
create table sharing_settlement_line_block (
  run_id             uuid not null,
  first_line         integer not null,
  last_line          integer not null,
  terms_version      integer not null,
  rule_id            text not null,
  party              text not null,
  measure            text not null,
  unit               text not null,
  subject_kind       text check (subject_kind in ('enterprise', 'enclave')),
  -- Ascending line numbers; the subject, what is due to date and what was posted before, and the explanation
  -- group of each line (the amount posted is what is due less what was posted before).
  line_nos           integer[] not null,
  subject_ids        text[] not null,
  due_to_date        bigint[] not null,
  previously_posted  bigint[] not null,
  explanation_refs   integer[] not null,
  primary key (run_id, first_line),
  check (cardinality(line_nos) between 1 and 5000
    and cardinality(subject_ids) = cardinality(line_nos) and cardinality(due_to_date) = cardinality(line_nos)
    and cardinality(previously_posted) = cardinality(line_nos) and cardinality(explanation_refs) = cardinality(line_nos)),
  check (first_line = line_nos[1] and last_line = line_nos[cardinality(line_nos)] and first_line <= last_line)
);

-- Like the lines and explanations: written once, with the run; never changed; naming a run that exists.
create trigger sharing_settlement_line_block_append_only before update or delete on sharing_settlement_line_block
  for each row execute function sharing_append_only();
create trigger sharing_settlement_line_block_no_truncate before truncate on sharing_settlement_line_block
  for each statement execute function sharing_append_only();
create trigger sharing_settlement_line_block_run after insert on sharing_settlement_line_block
  referencing new table as new_rows for each statement execute function sharing_rows_have_runs();
create trigger sharing_settlement_line_no_truncate before truncate on sharing_settlement_line
  for each statement execute function sharing_append_only();

-- Stored as they are, not compressed: trying to compress a run's arrays and explanation groups (ids and numbers,
-- which shrink little) cost more than the rest of writing them; a run of a million figures is some 20 MB.
alter table sharing_settlement_line_block
  alter column line_nos set storage external,
  alter column subject_ids set storage external,
  alter column due_to_date set storage external,
  alter column previously_posted set storage external,
  alter column explanation_refs set storage external;
alter table sharing_settlement_explanation alter column groups set storage external;
