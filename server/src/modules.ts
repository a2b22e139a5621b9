// Creates the domain modules in dependency order. Each module is reached only through its index.ts.
import type { Db } from "./platform/database.ts";
import type { HttpApp } from "./platform/http/app.ts";
import { createRegionsModule } from "./modules/regions/index.ts";

export type Modules = ReturnType<typeof createModules>;

export function createModules(db: Db) {
  const regions = createRegionsModule(db);
  return { regions };
}

export function registerModuleRoutes(app: HttpApp, modules: Modules): void {
  for (const module of Object.values(modules)) module.routes(app);
}
