-- Every change to a register record: who, when, and the record before and after (as the API shows it).
-- Reading a record "as of" a moment takes the newest snapshot at or before it.
create table platform_history (
  entity      text        not null,
  record_id   text        not null,
  version     integer     not null,
  action      text        not null check (action in ('create', 'update', 'archive', 'restore')),
  changed_at  timestamptz not null default now(),
  actor_id    text        not null,
  actor_name  text        not null,
  before      jsonb,
  after       jsonb       not null,
  primary key (entity, record_id, version)
);
create index platform_history_when on platform_history (entity, record_id, changed_at);
