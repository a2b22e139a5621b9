-- Projects: the pipeline stage (forward only, each stage stamped with its date), the regions a project lies in,
-- milestones and appended progress reports. stage_rank sorts stages in pipeline order.
create table projects_project (
  id                     uuid primary key default gen_random_uuid(),
  name_zh                text not null,
  name_en                text not null,
  kind                   text not null check (kind in ('investment', 'infrastructure', 'public_service')),
  stage                  text not null check (stage in ('lead', 'signed', 'landed', 'under_construction', 'in_production')),
  stage_rank             integer generated always as (
                           case stage
                             when 'lead' then 0
                             when 'signed' then 1
                             when 'landed' then 2
                             when 'under_construction' then 3
                             when 'in_production' then 4
                           end) stored,
  planned_investment_fen bigint check (planned_investment_fen >= 0),
  actual_investment_fen  bigint check (actual_investment_fen >= 0),
  enclave_id             uuid references enclaves_enclave (id),
  agreement_id           uuid references agreements_agreement (id),
  owner_enterprise_id    uuid references enterprises_enterprise (id),
  owner_name             text,
  traction               boolean not null default false,
  started_on             date,
  planned_completion_on  date,
  note                   text,
  illustrative           boolean not null default false,
  version                integer not null default 1,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  archived_at            timestamptz,
  constraint projects_project_completion_after_start check (planned_completion_on >= started_on)
);
create index projects_project_stage_rank on projects_project (stage_rank);
create index projects_project_enclave on projects_project (enclave_id);
create index projects_project_agreement on projects_project (agreement_id);
create index projects_project_owner on projects_project (owner_enterprise_id);

-- Forward only, so each stage is reached at most once.
create table projects_project_stage (
  project_id   uuid not null references projects_project (id),
  stage        text not null check (stage in ('lead', 'signed', 'landed', 'under_construction', 'in_production')),
  reached_on   date not null,
  primary key (project_id, stage)
);

create table projects_project_region (
  project_id   uuid not null references projects_project (id),
  region_code  text not null references regions_region (code),
  position     integer not null,
  primary key (project_id, region_code)
);
create index projects_project_region_region on projects_project_region (region_code);

create table projects_milestone (
  id           uuid primary key default gen_random_uuid(),
  project_id   uuid not null references projects_project (id),
  position     integer not null,
  title        text not null,
  planned_on   date not null,
  actual_on    date,
  note         text
);
create index projects_milestone_project on projects_milestone (project_id);

-- Appended, never edited.
create table projects_progress_report (
  id                     uuid primary key default gen_random_uuid(),
  project_id             uuid not null references projects_project (id),
  position               integer not null,
  reported_on            date not null,
  percent_complete       integer not null check (percent_complete between 0 and 100),
  text                   text not null,
  investment_to_date_fen bigint check (investment_to_date_fen >= 0),
  created_at             timestamptz not null default now(),
  unique (project_id, position)
);

create function projects_progress_report_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'progress reports are appended, never edited or deleted' using errcode = '55000';
end
$$;
create trigger projects_progress_report_frozen before update or delete on projects_progress_report
  for each row execute function projects_progress_report_frozen();
