-- Observed figures (indicators): per subject (an enterprise or an enclave), month and measure, money in fen or a
-- quantity in the measure's unit. A figure's identity is (subject, month, measure); its id is a name-based UUID
-- of that identity (server/src/modules/indicators/figure-identity.ts), so every version carries it without a
-- separate identity table. A correction is a new version; versions are never changed or deleted.

-- The measures: the built-in ones of the sharing terms (contracts/sharing-terms.ts) and custom ones, each with one
-- unit for good ("fen" makes it money). The module records a custom measure here at its first use and checks every
-- version's unit against it (the import's commit does so for all its rows at once, in SQL).
create table indicators_measure (
  key         text primary key check (key ~ '^[a-z][a-z0-9_]{0,63}$'),
  unit        text not null check (unit ~ '^[A-Za-z0-9_/%.-]{1,20}$'),
  built_in    boolean not null default false,
  created_at  timestamptz not null default now()
);
insert into indicators_measure (key, unit, built_in) values
  ('local_retained_vat', 'fen', true),
  ('local_retained_cit', 'fen', true),
  ('other_local_tax', 'fen', true),
  ('value_added', 'fen', true),
  ('industrial_output', 'fen', true),
  ('investment', 'fen', true),
  ('energy_quota', 'tce', true),
  ('land_quota', 'mu', true),
  ('emissions_quota', 't', true);

-- One import of a file. The file is kept (evidence, and what a resumed import reads again); `done` counts the
-- rows written to indicators_import_row, in the same transaction as those rows. Keyed by the file's SHA-256 and
-- the mode: the same file imported again finds this import instead of making another (a rejected import does
-- not count, so a file refused for an unknown enterprise can be imported once the enterprise exists).
create table indicators_import (
  id            uuid primary key default gen_random_uuid(),
  file_name     text not null,
  sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes    integer not null check (size_bytes >= 0),
  file_bytes    bytea not null,
  mode          text not null check (mode in ('all_or_nothing', 'valid_rows')),
  run           text not null check (run in ('inline', 'background')),
  status        text not null default 'queued' check (status in ('queued', 'checking', 'writing', 'committing', 'committed', 'rejected')),
  actor_id      text not null,
  actor         jsonb not null,
  rows          integer,
  to_write      integer,
  done          integer not null default 0,
  created       integer,
  corrected     integer,
  unchanged     integer,
  rejected      integer,
  problems      jsonb not null default '[]'::jsonb,
  error         text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  finished_at   timestamptz
);
create unique index indicators_import_once on indicators_import (sha256, mode) where status <> 'rejected';
create index indicators_import_unfinished on indicators_import (status) where status not in ('committed', 'rejected');
create index indicators_import_actor on indicators_import (actor_id, created_at);

-- The rows of an import, written batch by batch (one transaction each) before the import commits. They become
-- figure versions together, in the one transaction that commits the import; until then no reader sees them.
create table indicators_import_row (
  import_id      uuid not null references indicators_import (id),
  row_no         integer not null,
  figure_id      uuid not null,
  subject_kind   text not null check (subject_kind in ('enterprise', 'enclave')),
  enterprise_id  uuid,
  enclave_id     uuid,
  month          date not null,
  measure        text not null,
  unit           text not null,
  amount_fen     bigint,
  quantity       numeric,
  reason         text,
  primary key (import_id, row_no)
);

-- The versions. import_id names the import that recorded a version (indicators_import; no foreign key, which
-- would cost a lookup per row of a large import's commit; only that commit writes it).
create table indicators_figure_version (
  figure_id         uuid not null,
  version           integer not null check (version >= 1),
  subject_kind      text not null check (subject_kind in ('enterprise', 'enclave')),
  enterprise_id     uuid references enterprises_enterprise (id),
  enclave_id        uuid references enclaves_enclave (id),
  subject_id        uuid generated always as (coalesce(enterprise_id, enclave_id)) stored,
  month             date not null check (extract(day from month) = 1),
  measure           text not null,
  unit              text not null,
  amount_fen        bigint,
  quantity          numeric check (quantity = round(quantity, 6)),
  recorded_at       timestamptz not null default now(),
  recorded_by_id    text not null,
  recorded_by_name  text not null,
  source            text not null check (source in ('api', 'import')),
  import_id         uuid,
  reason            text,
  primary key (figure_id, version),
  constraint indicators_figure_version_subject check ((subject_kind = 'enterprise') = (enterprise_id is not null) and (subject_kind = 'enclave') = (enclave_id is not null)),
  constraint indicators_figure_version_value check ((amount_fen is not null) = (unit = 'fen') and (quantity is not null) = (unit <> 'fen')),
  constraint indicators_figure_version_source check ((source = 'import') = (import_id is not null))
);
-- Few indexes: an import's commit writes every row into each of them (readers go by figure, or by subject and month).
create index indicators_figure_version_subject on indicators_figure_version (subject_id, month);

create function indicators_figure_version_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'figure versions are never changed or deleted (% refused); record a new version instead', tg_op using errcode = '55000';
end
$$;
create trigger indicators_figure_version_append_only before update or delete on indicators_figure_version
  for each row execute function indicators_figure_version_append_only();
create trigger indicators_figure_version_no_truncate before truncate on indicators_figure_version
  for each statement execute function indicators_figure_version_append_only();
