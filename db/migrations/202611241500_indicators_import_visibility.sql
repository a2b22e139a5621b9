-- An import's rows wait for its commit a batch to a row: the batch's rows column by column, as arrays. Writing a
-- batch is then one small insert (one table row per file row with its own key cost about as much as the commit
-- itself), and the commit is one INSERT ... SELECT that unnests the batches into figure versions. What readers
-- see does not change: an import's versions exist only once its commit has run, all of them in one transaction.
-- The commit removes its batches; so does the rejection of an import that had written some.
create table indicators_import_batch (
  import_id       uuid not null references indicators_import (id),
  -- The batch's first file row: its key. A batch is written whole or not at all, with the import's count.
  first_row       integer not null,
  row_nos         integer[] not null,
  figure_ids      uuid[] not null,
  subject_kinds   text[] not null,
  enterprise_ids  uuid[] not null,
  enclave_ids     uuid[] not null,
  months          date[] not null,
  measures        text[] not null,
  units           text[] not null,
  amounts_fen     bigint[] not null,
  quantities      numeric[] not null,
  reasons         text[] not null,
  primary key (import_id, first_row),
  constraint indicators_import_batch_whole check (
    cardinality(row_nos) > 0 and cardinality(figure_ids) = cardinality(row_nos) and cardinality(subject_kinds) = cardinality(row_nos)
    and cardinality(enterprise_ids) = cardinality(row_nos) and cardinality(enclave_ids) = cardinality(row_nos)
    and cardinality(months) = cardinality(row_nos) and cardinality(measures) = cardinality(row_nos) and cardinality(units) = cardinality(row_nos)
    and cardinality(amounts_fen) = cardinality(row_nos) and cardinality(quantities) = cardinality(row_nos) and cardinality(reasons) = cardinality(row_nos))
);

-- Rows that unfinished imports had written the old way become one batch per import; the finished imports' rows
-- are no longer needed (their versions carry everything).
insert into indicators_import_batch
  (import_id, first_row, row_nos, figure_ids, subject_kinds, enterprise_ids, enclave_ids, months, measures, units, amounts_fen, quantities, reasons)
select r.import_id, min(r.row_no), array_agg(r.row_no order by r.row_no), array_agg(r.figure_id order by r.row_no), array_agg(r.subject_kind order by r.row_no),
       array_agg(r.enterprise_id order by r.row_no), array_agg(r.enclave_id order by r.row_no), array_agg(r.month order by r.row_no),
       array_agg(r.measure order by r.row_no), array_agg(r.unit order by r.row_no), array_agg(r.amount_fen order by r.row_no),
       array_agg(r.quantity order by r.row_no), array_agg(r.reason order by r.row_no)
from indicators_import_row r join indicators_import i on i.id = r.import_id
where i.status not in ('committed', 'rejected')
group by r.import_id;

drop table indicators_import_row;
