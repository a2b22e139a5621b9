-- Residency history: the periods in which an enterprise was resident in an enclave, so that benefit sharing
-- over "all enterprises resident in an enclave" counts an enterprise for the months it really was there.
-- from_date: the day it moved in; null = since before the register knew (it counts from the start, as a
-- resident without resident_since always did). to_date: the day it moved out, i.e. the first day it was no
-- longer resident (exclusive); null while it is still resident. The open period (to_date null) is the
-- enterprise's current residency, kept equal to enterprises_enterprise.enclave_id / resident_since by the service.
create table enterprises_residency (
  id             uuid primary key default gen_random_uuid(),
  enterprise_id  uuid not null references enterprises_enterprise (id),
  enclave_id     uuid not null references enclaves_enclave (id),
  from_date      date,
  to_date        date,
  constraint enterprises_residency_from_before_to check (from_date is null or to_date is null or from_date < to_date)
);
create index enterprises_residency_enterprise on enterprises_residency (enterprise_id);
create index enterprises_residency_enclave on enterprises_residency (enclave_id, from_date);

-- No two periods of one enterprise overlap. An exclusion constraint would need btree_gist for the uuid equality,
-- which PGlite loads only when the database is opened with the extension (and PostgreSQL needs CREATE
-- EXTENSION), so a constraint trigger keeps the rule on both databases with plain PL/pgSQL. It locks the
-- enterprise's row first, so two transactions adding periods to one enterprise check one after the other.
-- The service checks first and names the field; this is the backstop (a check violation, so a 400).
create function enterprises_residency_no_overlap() returns trigger language plpgsql as $$
begin
  perform 1 from enterprises_enterprise where id = new.enterprise_id for update;
  if exists (
    select 1 from enterprises_residency r
    where r.enterprise_id = new.enterprise_id
      and r.id <> new.id
      and daterange(r.from_date, r.to_date) && daterange(new.from_date, new.to_date)
  ) then
    raise exception 'residency periods of enterprise % overlap', new.enterprise_id
      using errcode = 'check_violation', constraint = 'enterprises_residency_no_overlap';
  end if;
  return null;
end $$;
create constraint trigger enterprises_residency_no_overlap after insert or update on enterprises_residency
  for each row execute function enterprises_residency_no_overlap();

-- Every enterprise resident today gets its current residency as its first period.
insert into enterprises_residency (enterprise_id, enclave_id, from_date, to_date)
select id, enclave_id, resident_since, null from enterprises_enterprise where enclave_id is not null;
