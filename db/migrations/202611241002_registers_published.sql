-- What the public may read (docs/permissions.md): agreements, enclaves, projects and cooperation activities carry
-- a published flag, false until an editor publishes the record. Enterprises are never public; regions and
-- pairings are public reference data. Existing history snapshots gain the field, so "as of" reads keep the
-- shape the API shows.
alter table agreements_agreement add column published boolean not null default false;
alter table enclaves_enclave add column published boolean not null default false;
alter table projects_project add column published boolean not null default false;
alter table cooperation_activity add column published boolean not null default false;

create index agreements_agreement_published on agreements_agreement (published) where published;
create index enclaves_enclave_published on enclaves_enclave (published) where published;
create index projects_project_published on projects_project (published) where published;
create index cooperation_activity_published on cooperation_activity (published) where published;

update platform_history set after = after || '{"published": false}'::jsonb
  where entity in ('agreement', 'enclave', 'project', 'cooperation_activity') and not (after ? 'published');
update platform_history set before = before || '{"published": false}'::jsonb
  where entity in ('agreement', 'enclave', 'project', 'cooperation_activity') and before is not null and not (before ? 'published');
