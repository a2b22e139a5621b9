-- Cooperation activities in six domains, between two regions, optionally under a pairing and an agreement,
-- with measurable outputs (quantities as exact numeric; money as a measure in the unit "fen").
create table cooperation_activity (
  id               uuid primary key default gen_random_uuid(),
  domain           text not null check (domain in ('industry', 'talent', 'technology', 'culture', 'education', 'health')),
  title_zh         text not null,
  title_en         text not null,
  from_region_code text not null references regions_region (code),
  to_region_code   text not null references regions_region (code),
  pairing_id       uuid references regions_pairing (id),
  agreement_id     uuid references agreements_agreement (id),
  started_on       date not null,
  ended_on         date,
  description      text,
  illustrative     boolean not null default false,
  version          integer not null default 1,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  archived_at      timestamptz,
  constraint cooperation_activity_two_regions check (from_region_code <> to_region_code),
  constraint cooperation_activity_dates check (ended_on is null or ended_on >= started_on)
);
create index cooperation_activity_from on cooperation_activity (from_region_code);
create index cooperation_activity_to on cooperation_activity (to_region_code);
create index cooperation_activity_pairing on cooperation_activity (pairing_id);
create index cooperation_activity_agreement on cooperation_activity (agreement_id);
create index cooperation_activity_started on cooperation_activity (started_on);

create table cooperation_activity_measure (
  activity_id uuid not null references cooperation_activity (id),
  measure     text not null check (measure ~ '^[a-z][a-z0-9_]{1,60}$'),
  value       numeric not null check (value >= 0),
  unit        text not null,
  position    integer not null,
  primary key (activity_id, measure)
);
