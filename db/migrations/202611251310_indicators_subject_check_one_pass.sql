-- The statement-level check that figures name enterprises and enclaves in the register (202611251100) reads the
-- statement's rows once instead of four times: their subjects are gathered in one pass, then looked up and locked
-- (FOR KEY SHARE, as a foreign key would) by id. Half of the check's cost on an import of many rows.
create or replace function indicators_figure_subjects_exist() returns trigger language plpgsql as $$
declare
  enterprises uuid[];
  enclaves uuid[];
  found_ integer;
  missing uuid;
begin
  select array_agg(s.enterprise_id) filter (where s.enterprise_id is not null), array_agg(s.enclave_id) filter (where s.enclave_id is not null)
    into enterprises, enclaves
    from (select n.enterprise_id, n.enclave_id from new_rows n group by 1, 2) s;
  if enterprises is not null then
    select count(*) into found_ from (select 1 from enterprises_enterprise e where e.id = any(enterprises) for key share of e) f;
    if found_ < cardinality(enterprises) then
      select x into missing from unnest(enterprises) x where not exists (select 1 from enterprises_enterprise e where e.id = x) limit 1;
      raise exception 'a figure names enterprise %, which is not in the register', missing using errcode = '23503';
    end if;
  end if;
  if enclaves is not null then
    select count(*) into found_ from (select 1 from enclaves_enclave c where c.id = any(enclaves) for key share of c) f;
    if found_ < cardinality(enclaves) then
      select x into missing from unnest(enclaves) x where not exists (select 1 from enclaves_enclave c where c.id = x) limit 1;
      raise exception 'a figure names enclave %, which is not in the register', missing using errcode = '23503';
    end if;
  end if;
  return null;
end
$$;
