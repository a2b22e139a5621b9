-- Enterprises by Unified Social Credit Code (GB 32100-2015), classified by GB/T 4754-2017 class, optionally
-- resident in an enclave. The code table ships with the server (gbt4754-2017.json), so industry_code is checked
-- there, not by a foreign key. uscc_region_match compares USCC positions 3–8 with the home region: a hint for
-- officials (firms move and registers err), never a reason to refuse.
create table enterprises_enterprise (
  id                      uuid primary key default gen_random_uuid(),
  uscc                    text not null unique check (uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
  name_zh                 text not null,
  name_en                 text,
  home_region_code        text not null references regions_region (code),
  industry_code           text not null check (industry_code ~ '^[0-9]{4}$'),
  enclave_id              uuid references enclaves_enclave (id),
  resident_since          date,
  employees               integer check (employees >= 0),
  founded_on              date,
  products                text[] not null default '{}',
  registered_capital_fen  bigint check (registered_capital_fen >= 0),
  note                    text,
  uscc_region_match       boolean generated always as (substr(uscc, 3, 6) = home_region_code) stored,
  illustrative            boolean not null default false,
  version                 integer not null default 1,
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now(),
  archived_at             timestamptz,
  constraint enterprises_enterprise_resident_since check (resident_since is null or enclave_id is not null)
);
create index enterprises_enterprise_region on enterprises_enterprise (home_region_code);
create index enterprises_enterprise_industry on enterprises_enterprise (industry_code text_pattern_ops);
create index enterprises_enterprise_enclave on enterprises_enterprise (enclave_id);
