-- Agreements between regions (optionally within a pairing), their ordered parties, and attached documents.
create table agreements_agreement (
  id                  uuid primary key default gen_random_uuid(),
  pairing_id          uuid references regions_pairing (id),
  title_zh            text not null,
  title_en            text not null,
  kind                text not null check (kind in ('framework', 'enclave', 'project', 'other')),
  signed_on           date,
  signed_at           text,
  occasion            text,
  status              text not null default 'draft' check (status in ('draft', 'signed', 'in_force', 'expired', 'terminated')),
  principles          text[] not null default '{}',
  focus_industries    text[] not null default '{}',
  cooperation_domains text[] not null default '{}'
    check (cooperation_domains <@ array['industry', 'talent', 'technology', 'culture', 'education', 'health']::text[]),
  term                text,
  term_start          date,
  term_end            date,
  note                text,
  illustrative        boolean not null default false,
  version             integer not null default 1,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  archived_at         timestamptz,
  constraint agreements_agreement_term_order check (term_start is null or term_end is null or term_end >= term_start),
  constraint agreements_agreement_signed_needs_date check (status = 'draft' or signed_on is not null)
);
create index agreements_agreement_pairing on agreements_agreement (pairing_id);
create index agreements_agreement_signed_on on agreements_agreement (signed_on);

create table agreements_party (
  agreement_id uuid not null references agreements_agreement (id),
  region_code  text not null references regions_region (code),
  position     integer not null,
  primary key (agreement_id, region_code)
);
create index agreements_party_region on agreements_party (region_code);

-- The bytes live in the database so that a backup of the database is a backup of the documents.
create table agreements_document (
  id           uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements_agreement (id),
  file_name    text not null,
  media_type   text not null,
  size_bytes   bigint not null check (size_bytes > 0),
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content      bytea not null,
  uploaded_at  timestamptz not null default now(),
  uploaded_by  text not null,
  constraint agreements_document_size check (octet_length(content) = size_bytes),
  unique (agreement_id, sha256)
);
