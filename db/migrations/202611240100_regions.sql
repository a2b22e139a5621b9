-- Regions (GB/T 2260 divisions) with facts by year, and pairings of two or more regions.
create table regions_region (
  code         text primary key check (code ~ '^[0-9]{6}$'),
  name_zh      text not null,
  name_en      text not null,
  level        text not null check (level in ('province', 'city', 'county')),
  kind         text check (kind in ('mountain', 'developed')),
  parent_code  text references regions_region (code),
  illustrative boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  archived_at  timestamptz
);
create index regions_region_parent on regions_region (parent_code);

create table regions_region_fact (
  region_code  text not null references regions_region (code),
  year         integer not null,
  measure      text not null,
  value        numeric not null,
  unit         text not null,
  source       text,
  illustrative boolean not null default false,
  primary key (region_code, year, measure)
);

create table regions_pairing (
  id           uuid primary key default gen_random_uuid(),
  name_zh      text not null,
  name_en      text not null,
  programme    text not null,
  since_year   integer not null,
  since        date,
  note         text,
  illustrative boolean not null default false,
  version      integer not null default 1,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  archived_at  timestamptz
);

create table regions_pairing_member (
  pairing_id   uuid not null references regions_pairing (id),
  region_code  text not null references regions_region (code),
  position     integer not null,
  primary key (pairing_id, region_code)
);
create index regions_pairing_member_region on regions_pairing_member (region_code);
