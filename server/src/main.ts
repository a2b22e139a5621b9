// Composition root: config → database → migrations → modules → demo case → HTTP. The only place that wires.
import { readFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { Config } from "./config/config.ts";
import { openDatabase, type Database } from "./platform/database.ts";
import { buildHttpApp, type HttpApp } from "./platform/http/app.ts";
import { homePage } from "./platform/http/home-page.ts";
import { migrateToLatest } from "./platform/migrations.ts";
import { createModules, registerModuleRoutes, type Modules } from "./modules.ts";

export type App = { http: HttpApp; database: Database; modules: Modules; demo: boolean; close(): Promise<void> };

export const appVersion: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export type AppOptions = {
  /** Tests hand in a PGlite started from a migrated template. */
  pglite?: PGlite;
  /** Called after migrations, before HTTP starts: the demo loader hooks in here. */
  onReady?: (modules: Modules, database: Database) => Promise<boolean>;
  /** Extra routes (benchmarks add a hello-world baseline route on the same server). */
  extraRoutes?: (http: HttpApp) => void;
};

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...(options.pglite ? { pglite: options.pglite } : {}) });
  try {
    await migrateToLatest(database.db);
    const modules = createModules(database.db, { uploadLimitBytes: config.uploadLimitBytes });
    const demo = options.onReady ? await options.onReady(modules, database) : false;
    const http = await buildHttpApp({ database, bodyLimitBytes: config.bodyLimitBytes, logLevel: config.logLevel, demo, version: appVersion });
    registerModuleRoutes(http, modules);
    homePage(http, demo);
    options.extraRoutes?.(http);
    await http.ready();
    return {
      http,
      database,
      modules,
      demo,
      async close() {
        await http.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
