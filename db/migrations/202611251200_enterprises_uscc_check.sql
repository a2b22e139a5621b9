-- Whether an enterprise's USCC passes its check character (GB 32100-2015). Codes that fail it are kept as the
-- register holds them, with a warning (DOMAIN.md §6), and marked here so that officials can list them to look at.
-- Written by the module's repository with the code (enterprises.repository.ts); every code stored before this
-- passed the check, as the register refused the others.
alter table enterprises_enterprise add column uscc_check_ok boolean not null default true;
create index enterprises_enterprise_uscc_check_failed on enterprises_enterprise (id) where not uscc_check_ok;
