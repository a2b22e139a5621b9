// Composition root: config → database → migrations → modules → demo case → HTTP. The only place that wires.
import { readFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { Config } from "./config/config.ts";
import type { Actor } from "./platform/actor.ts";
import { openDatabase, type Database } from "./platform/database.ts";
import { buildHttpApp, type HttpApp } from "./platform/http/app.ts";
import { webApp } from "./platform/http/web-app.ts";
import { createJobs } from "./platform/jobs.ts";
import { migrateToLatest } from "./platform/migrations.ts";
import { createModules, registerModuleRoutes, type Modules } from "./modules.ts";
import type { ImportSettings } from "./modules/indicators/index.ts";

export type App = { http: HttpApp; database: Database; modules: Modules; demo: boolean; close(): Promise<void> };

export const appVersion: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export type AppOptions = {
  /** Tests hand in a PGlite started from a migrated template. */
  pglite?: PGlite;
  /** Called after migrations, before HTTP starts: the demo loader hooks in here. */
  onReady?: (modules: Modules, database: Database) => Promise<boolean>;
  /** Extra routes (benchmarks add a hello-world baseline route on the same server). */
  extraRoutes?: (http: HttpApp) => void;
  /**
   * The actor of in-process requests without credentials (app.http.inject): the command line acts as its
   * operator, tests as a system administrator. Never applies to requests over a socket.
   */
  inProcessActor?: Actor;
  /** The clock of the session rules; tests move it to check idle and absolute expiry. */
  now?: () => Date;
  /** Figure imports' settings (tests lower the inline size limit and the batch size). */
  figureImports?: Partial<ImportSettings>;
};

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...(options.pglite ? { pglite: options.pglite } : {}) });
  // Background jobs (pg-boss) start at the first job and stop before the database closes.
  const jobs = createJobs(database, config.databaseUrl, {
    onError: (error) => {
      if (config.logLevel !== "silent") process.stderr.write(`background jobs: ${error instanceof Error ? error.message : String(error)}\n`);
    },
  });
  try {
    await migrateToLatest(database.db);
    let demo = false;
    const modules = createModules(database.db, {
      uploadLimitBytes: config.uploadLimitBytes,
      security: config.security,
      now: options.now,
      isDemo: () => demo,
      jobs,
      // One process holds the embedded database, so an unfinished import not running here was abandoned.
      figureImports: { abandonedAfterMs: database.kind === "pglite" ? 0 : 60_000, ...options.figureImports },
    });
    demo = options.onReady ? await options.onReady(modules, database) : false;
    await modules.indicators.imports.resumeUnfinished();
    const http = await buildHttpApp({
      database,
      bodyLimitBytes: config.bodyLimitBytes,
      logLevel: config.logLevel,
      demo,
      version: appVersion,
      trustProxy: config.security.trustProxy,
      authenticate: modules.accounts.authenticate,
      inProcessActor: options.inProcessActor,
    });
    registerModuleRoutes(http, modules);
    await webApp(http, demo);
    options.extraRoutes?.(http);
    await http.ready();
    return {
      http,
      database,
      modules,
      demo,
      async close() {
        await jobs.stop();
        await http.close();
        await modules.indicators.imports.close();
        await database.close();
      },
    };
  } catch (error) {
    await jobs.stop();
    await database.close();
    throw error;
  }
}
