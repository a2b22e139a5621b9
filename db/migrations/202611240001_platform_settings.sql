-- Instance-wide settings, e.g. whether and when the demo case was loaded (a demo instance says so everywhere).
create table platform_setting (
  key        text primary key,
  value      jsonb not null,
  updated_at timestamptz not null default now()
);
