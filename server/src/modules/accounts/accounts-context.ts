// What the accounts services share: the database, the other modules' doors they read through, the security
// settings and the clock (injected, so tests move time instead of waiting).
import type { SecurityConfig } from "../../config/config.ts";
import type { Db } from "../../platform/database.ts";
import type { EnclavesService } from "../enclaves/index.ts";
import type { EnterprisesService } from "../enterprises/index.ts";
import type { PairingsService, RegionsService } from "../regions/index.ts";

export type AccountsDependencies = {
  regions: Pick<RegionsService, "get">;
  pairings: Pick<PairingsService, "list">;
  enclaves: Pick<EnclavesService, "get">;
  enterprises: Pick<EnterprisesService, "get">;
};

export type AccountsContext = {
  db: Db;
  deps: AccountsDependencies;
  security: SecurityConfig;
  now: () => Date;
};
