-- Accounts (server/src/modules/accounts): users with exactly one role each (so no account holds two of the three
-- administrator roles), sessions (the cookie carries a random secret; only its SHA-256 is stored) and API tokens
-- (stored as SHA-256 too, shown once). Times that the session rules compare come from the service's clock.
create table accounts_user (
  id                    uuid primary key default gen_random_uuid(),
  username              text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name          text not null,
  role                  text not null check (role in ('system_admin', 'security_admin', 'audit_admin', 'viewer',
                                                      'county_official', 'enclave_manager', 'enterprise_user', 'auditor')),
  region_code           text references regions_region (code),
  enclave_id            uuid references enclaves_enclave (id),
  enterprise_id         uuid references enterprises_enterprise (id),
  password_hash         text not null,
  password_changed_at   timestamptz not null,
  password_must_change  boolean not null default false,
  failed_attempts       integer not null default 0,
  locked_until          timestamptz,
  last_sign_in_at       timestamptz,
  illustrative          boolean not null default false,
  version               integer not null default 1,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  archived_at           timestamptz,
  -- A scope exactly for the roles bound to one.
  constraint accounts_user_scope check (
    (role = 'county_official') = (region_code is not null)
    and (role = 'enclave_manager') = (enclave_id is not null)
    and (role = 'enterprise_user') = (enterprise_id is not null))
);

create table accounts_session (
  id              uuid primary key default gen_random_uuid(),
  token_hash      text not null unique,
  user_id         uuid not null references accounts_user (id),
  csrf_token      text not null,
  created_at      timestamptz not null,
  last_seen_at    timestamptz not null,
  expires_at      timestamptz not null,
  ended_at        timestamptz,
  end_reason      text check (end_reason in ('sign_out', 'idle', 'expired', 'ended_by_admin', 'account_disabled',
                                             'signed_in_again', 'account_changed', 'password_changed')),
  remote_address  text,
  user_agent      text
);
create index accounts_session_user on accounts_session (user_id) where ended_at is null;

create table accounts_api_token (
  id            uuid primary key default gen_random_uuid(),
  user_id       uuid not null references accounts_user (id),
  name          text not null,
  token_hash    text not null unique,
  token_prefix  text not null,
  permissions   text[] not null,
  created_at    timestamptz not null,
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
create index accounts_api_token_user on accounts_api_token (user_id);
