// Test apps on a fresh database: every integration suite runs on PGlite, and on PostgreSQL 15 too when the run
// has one (mandatory under CI=true; see global-setup.ts).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { createApp, type App, type AppOptions } from "../../src/main.ts";
import type { Actor } from "../../src/platform/actor.ts";
import { adminQuery, withDatabase } from "./global-setup.ts";

export type DatabaseTarget = "pglite" | "postgres";

/** The databases this run tests on: ["pglite"] or ["pglite", "postgres"]. */
export function databaseTargets(): DatabaseTarget[] {
  return inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

export type TestApp = App & {
  /** JSON request through the real HTTP stack (no socket). */
  api<T = unknown>(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
};

/**
 * The actor of the tests' credential-less in-process requests: a system administrator, as the local operator was
 * before accounts existed. Only app.inject requests get it (never a socket), and only apps created with it.
 */
export const testOperator: Actor = { id: "local-operator", name: "local operator (tests)", kind: "system", role: "system_admin", scope: {} };

export type TestAppOptions = Omit<AppOptions, "pglite"> & {
  /** false: credential-less requests are the anonymous public, as over a socket (auth and permission tests). */
  asOperator?: boolean;
  /** Extra environment for the configuration (e.g. SHANHAI_TRUST_PROXY). */
  env?: Record<string, string>;
};

export async function startTestApp(target: DatabaseTarget, testOptions: TestAppOptions = {}): Promise<TestApp> {
  const { asOperator = true, env = {}, ...appOptions } = testOptions;
  const options: Omit<AppOptions, "pglite"> = { ...(asOperator ? { inProcessActor: testOperator } : {}), ...appOptions };
  const config = loadConfig({ LOG_LEVEL: "silent", SHANHAI_DEMO: "off", ...env });
  let app: App;
  let cleanup = async () => {};
  if (target === "pglite") {
    const dump = await readFile(inject("pgliteTemplate"));
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
    app = await createApp(config, { ...options, pglite });
    cleanup = () => pglite.close();
  } else {
    const pgTemplate = inject("postgresTemplate");
    if (!pgTemplate) throw new Error("no PostgreSQL server for this run");
    const name = `shanhai_t_${randomBytes(5).toString("hex")}`;
    await adminQuery(pgTemplate.adminUrl, `create database ${name} template ${pgTemplate.template}`);
    app = await createApp({ ...config, databaseUrl: withDatabase(pgTemplate.adminUrl, name) }, options);
    cleanup = () => adminQuery(pgTemplate.adminUrl, `drop database if exists ${name} with (force)`);
  }
  const close = app.close;
  return Object.assign(app, {
    async close() {
      await close();
      await cleanup();
    },
    async api<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await app.http.inject({
        method: method as "GET",
        url,
        headers,
        ...(body === undefined ? {} : typeof body === "string" ? { payload: body, headers: { "content-type": "application/json", ...headers } } : { payload: body as object }),
      });
      const type = String(response.headers["content-type"] ?? "");
      return { status: response.statusCode, body: (type.includes("json") ? response.json() : response.body) as T, headers: response.headers };
    },
  });
}
