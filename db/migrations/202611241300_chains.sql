-- Industry chains (server/src/modules/chains, docs/chains.md): the chain map as versioned chain-sets, the links
-- of enterprises to chain nodes with their review status, and recorded match outcomes.

-- A chain-set version, in the file form (data/industry-chains.json) as submitted. The highest sequence is in
-- force; versions are never changed or removed, so every gap report and match can name the map it used. The
-- reference map is stored as "reference-1" the first time the module needs a chain-set.
create table chains_chain_set (
  version          text primary key check (length(version) between 1 and 100),
  sequence         integer not null unique check (sequence >= 1),
  source           text not null check (source in ('reference', 'edited')),
  document         jsonb not null,
  node_count       integer not null,
  chain_count      integer not null,
  created_by       text not null,
  created_by_name  text not null,
  created_at       timestamptz not null default now()
);

create function chains_chain_set_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'chain-set versions are never changed; submit a new version' using errcode = '55000';
end
$$;
create trigger chains_chain_set_frozen before update or delete on chains_chain_set
  for each row execute function chains_chain_set_frozen();

-- What an enterprise's links were last derived from: its record version and the chain-set version. A link set
-- whose enterprise or chain-set has moved on is derived again (decisions kept). decisions counts the reviews
-- (confirm, reject, add), the version of the enterprise's link history.
create table chains_enterprise_state (
  enterprise_id       uuid primary key references enterprises_enterprise (id),
  home_region_code    text not null,
  enterprise_version  integer not null,
  chain_set_version   text not null references chains_chain_set (version),
  decisions           integer not null default 0,
  derived_at          timestamptz not null default now()
);
create index chains_enterprise_state_region on chains_enterprise_state (home_region_code);

-- An enterprise produces at a node. status derived: as derived, not yet reviewed (exists only while the
-- derivation gives it); confirmed or rejected: reviewed, kept across re-derivations. origin added: linked by hand.
create table chains_enterprise_link (
  enterprise_id    uuid not null references enterprises_enterprise (id),
  node_id          text not null,
  origin           text not null check (origin in ('derived', 'added')),
  status           text not null check (status in ('derived', 'confirmed', 'rejected')),
  derived          boolean not null,
  reasons          jsonb not null default '[]',
  note             text,
  decided_by       text,
  decided_by_name  text,
  decided_at       timestamptz,
  primary key (enterprise_id, node_id),
  constraint chains_enterprise_link_undecided_is_derived check (status <> 'derived' or (derived and origin = 'derived')),
  constraint chains_enterprise_link_decision_stamped check ((status = 'derived') = (decided_at is null))
);

-- One row, bumped by every write to the links: with the chain-set version and the enterprises' stamp it keys
-- the in-memory match index, so any server process sees a change at its next request.
create table chains_revision (
  id        integer primary key check (id = 1),
  revision  bigint not null
);
insert into chains_revision (id, revision) values (1, 0);

-- A recorded match outcome of a supplier and a buyer: suggested → contacted → agreed → deal, forward only. The
-- two sides' names, counties and enclaves are kept as of the last change (the record's scope).
create table chains_match (
  id                     uuid primary key default gen_random_uuid(),
  supplier_id            uuid not null references enterprises_enterprise (id),
  customer_id            uuid not null references enterprises_enterprise (id),
  supplier_name_zh       text not null,
  supplier_name_en       text,
  supplier_region_code   text not null,
  supplier_enclave_id    uuid,
  customer_name_zh       text not null,
  customer_name_en       text,
  customer_region_code   text not null,
  customer_enclave_id    uuid,
  status                 text not null check (status in ('suggested', 'contacted', 'agreed', 'deal')),
  score                  integer,
  supplier_node_id       text,
  buyer_node_id          text,
  chain_set_version      text,
  project_id             uuid references projects_project (id),
  note                   text,
  illustrative           boolean not null default false,
  version                integer not null default 1,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  archived_at            timestamptz,
  constraint chains_match_pair unique (supplier_id, customer_id),
  constraint chains_match_two_sides check (supplier_id <> customer_id),
  constraint chains_match_project_of_deal check (project_id is null or status = 'deal')
);
create index chains_match_customer on chains_match (customer_id);
create index chains_match_by_status on chains_match (status);

-- Forward only, so each status is reached at most once.
create table chains_match_status (
  match_id    uuid not null references chains_match (id),
  status      text not null check (status in ('suggested', 'contacted', 'agreed', 'deal')),
  reached_at  timestamptz not null default now(),
  actor_id    text not null,
  actor_name  text not null,
  primary key (match_id, status)
);
