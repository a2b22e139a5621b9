// Migrate once per test run, then every test file starts its databases from that template: a PGlite data-dir
// dump (≈0.5 s to load) and, when a PostgreSQL server is given, a template database (CREATE DATABASE … TEMPLATE).
import { randomBytes } from "node:crypto";
import { writeFile, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/platform/database.ts";
import { migrateToLatest } from "../../src/platform/migrations.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: { adminUrl: string; template: string } | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "shanhai-test-"));
  const pglite = await PGlite.create();
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  await database.close();
  const dump = await pglite.dumpDataDir("gzip");
  await pglite.close();
  const templatePath = join(dir, "template.tar.gz");
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", templatePath);

  const adminUrl = process.env.SHANHAI_TEST_PG_URL;
  if (!adminUrl && process.env.CI === "true") {
    throw new Error("CI=true needs SHANHAI_TEST_PG_URL (a PostgreSQL 15 server) for the PostgreSQL run of the integration tests.");
  }
  let dropTemplate = async () => {};
  if (adminUrl) {
    const template = `shanhai_tpl_${randomBytes(4).toString("hex")}`;
    await adminQuery(adminUrl, `create database ${template}`);
    const pgDatabase = await openDatabase({ databaseUrl: withDatabase(adminUrl, template) });
    await migrateToLatest(pgDatabase.db);
    await pgDatabase.close();
    project.provide("postgresTemplate", { adminUrl, template });
    dropTemplate = () => adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
  } else {
    project.provide("postgresTemplate", null);
  }
  return async () => {
    await dropTemplate();
    await rm(dir, { recursive: true, force: true });
  };
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
