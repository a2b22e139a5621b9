-- The audit log (server/src/platform/audit.ts): append-only and hash-chained. seq has no gaps (each writer takes
-- the next number under the lock on the chain head), detail is the canonical JSON text that was hashed.
create table platform_audit_entry (
  seq             bigint      primary key,
  at              timestamptz not null,
  actor_id        text        not null,
  actor_name      text        not null,
  actor_role      text        not null,
  session_id      text,
  remote_address  text,
  action          text        not null,
  outcome         text        not null check (outcome in ('success', 'failure', 'denied')),
  entity          text,
  record_id       text,
  detail          text        not null,
  prev_hash       text        not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash            text        not null check (hash ~ '^[0-9a-f]{64}$')
);
create index platform_audit_entry_at on platform_audit_entry (at);
create index platform_audit_entry_actor on platform_audit_entry (actor_id, at);
create index platform_audit_entry_record on platform_audit_entry (entity, record_id);
create index platform_audit_entry_action on platform_audit_entry (action, at);

-- The chain head: the last entry's number and hash. Every writer locks this row (SELECT … FOR UPDATE) until its
-- transaction ends, so the chain cannot fork.
create table platform_audit_head (
  id    integer primary key check (id = 1),
  seq   bigint  not null,
  hash  text    not null
);
insert into platform_audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function platform_audit_entry_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only: % is not allowed', tg_op using errcode = '55000';
end
$$;
create trigger platform_audit_entry_append_only before update or delete on platform_audit_entry
  for each row execute function platform_audit_entry_append_only();
create trigger platform_audit_entry_no_truncate before truncate on platform_audit_entry
  for each statement execute function platform_audit_entry_append_only();
