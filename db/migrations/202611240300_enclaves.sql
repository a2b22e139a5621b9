-- Enclaves (飞地): land in a host region developed for one or more sending regions, and its land parcels.
-- Areas are numeric mu (1 mu = 666.67 m²). The status is an enum so that lists sort it in life-cycle order.
create type enclaves_status as enum ('planned', 'building', 'operating', 'closed');

create table enclaves_enclave (
  id                uuid primary key default gen_random_uuid(),
  name_zh           text not null,
  name_en           text not null,
  kind              text not null check (kind in ('industrial', 'innovation', 'village_income')),
  host_region_code  text not null references regions_region (code),
  agreement_id      uuid references agreements_agreement (id),
  area_mu           numeric not null check (area_mu >= 0),
  status            enclaves_status not null default 'planned',
  opened_on         date,
  address           text,
  note              text,
  illustrative      boolean not null default false,
  version           integer not null default 1,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  archived_at       timestamptz,
  constraint enclaves_enclave_operating_opened check (status <> 'operating' or opened_on is not null)
);
create index enclaves_enclave_host on enclaves_enclave (host_region_code);
create index enclaves_enclave_agreement on enclaves_enclave (agreement_id);

create table enclaves_enclave_sending_region (
  enclave_id   uuid not null references enclaves_enclave (id),
  region_code  text not null references regions_region (code),
  position     integer not null,
  primary key (enclave_id, region_code)
);
create index enclaves_enclave_sending_region_region on enclaves_enclave_sending_region (region_code);

create table enclaves_land_parcel (
  enclave_id   uuid not null references enclaves_enclave (id),
  parcel_no    text not null,
  position     integer not null,
  area_mu      numeric not null check (area_mu > 0),
  land_use     text not null check (land_use in ('industrial', 'commercial', 'research', 'mixed', 'other')),
  status       text not null check (status in ('planned', 'acquired', 'built')),
  acquired_on  date,
  primary key (enclave_id, parcel_no)
);
