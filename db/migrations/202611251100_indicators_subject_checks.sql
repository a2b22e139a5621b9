-- A figure version names an enterprise or an enclave that exists: checked once per statement instead of by a
-- foreign key, which checks row by row — a query per row, a third of committing an import of a hundred thousand
-- figures. The check takes the same lock a foreign key takes (FOR KEY SHARE on the rows named), so an enterprise
-- or enclave cannot go while a statement naming it commits; and the register's side refuses to remove an
-- enterprise or enclave (or change its id) that figures name, as the foreign key did.
alter table indicators_figure_version
  drop constraint indicators_figure_version_enterprise_id_fkey,
  drop constraint indicators_figure_version_enclave_id_fkey;

create function indicators_figure_subjects_exist() returns trigger language plpgsql as $$
declare
  named integer;
  found_ integer;
  missing uuid;
begin
  select count(*) into named from (select distinct enterprise_id from new_rows where enterprise_id is not null) n;
  if named > 0 then
    select count(*) into found_ from (
      select 1 from enterprises_enterprise e where e.id in (select enterprise_id from new_rows) for key share of e) f;
    if found_ < named then
      select n.enterprise_id into missing from new_rows n
      where n.enterprise_id is not null and not exists (select 1 from enterprises_enterprise e where e.id = n.enterprise_id) limit 1;
      raise exception 'a figure names enterprise %, which is not in the register', missing using errcode = '23503';
    end if;
  end if;
  select count(*) into named from (select distinct enclave_id from new_rows where enclave_id is not null) n;
  if named > 0 then
    select count(*) into found_ from (
      select 1 from enclaves_enclave c where c.id in (select enclave_id from new_rows) for key share of c) f;
    if found_ < named then
      select n.enclave_id into missing from new_rows n
      where n.enclave_id is not null and not exists (select 1 from enclaves_enclave c where c.id = n.enclave_id) limit 1;
      raise exception 'a figure names enclave %, which is not in the register', missing using errcode = '23503';
    end if;
  end if;
  return null;
end
$$;
create trigger indicators_figure_version_subjects after insert on indicators_figure_version
  referencing new table as new_rows for each statement execute function indicators_figure_subjects_exist();

-- The register's side: a removed (or renumbered) enterprise or enclave must not be named by any figure.
create function indicators_figure_subjects_kept() returns trigger language plpgsql as $$
declare
  gone uuid;
begin
  execute format('select o.id from old_rows o where not exists (select 1 from %I t where t.id = o.id)
    and exists (select 1 from indicators_figure_version v where v.subject_id = o.id) limit 1', tg_table_name) into gone;
  if gone is not null then
    raise exception 'figures are recorded for %, which cannot be removed', gone using errcode = '23503';
  end if;
  return null;
end
$$;
create trigger indicators_enterprise_deleted after delete on enterprises_enterprise
  referencing old table as old_rows for each statement execute function indicators_figure_subjects_kept();
create trigger indicators_enterprise_renumbered after update on enterprises_enterprise
  referencing old table as old_rows for each statement execute function indicators_figure_subjects_kept();
create trigger indicators_enclave_deleted after delete on enclaves_enclave
  referencing old table as old_rows for each statement execute function indicators_figure_subjects_kept();
create trigger indicators_enclave_renumbered after update on enclaves_enclave
  referencing old table as old_rows for each statement execute function indicators_figure_subjects_kept();
