// Forward-only SQL migrations from db/migrations, named YYYYMMDDHHMM_<module>_<concern>.sql and applied in name
// order by Kysely's Migrator (which records them and holds a lock while it runs). There is no "down": a mistake
// is mended by a new migration.
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";
import type { Db } from "./database.ts";

const migrationsDir = fileURLToPath(new URL("../../../db/migrations/", import.meta.url));

class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(migrationsDir + file, "utf8");
      migrations[file.replace(/\.sql$/, "")] = { up: async (db) => void (await sql.raw(text).execute(db)) };
    }
    return migrations;
  }
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: new SqlFileProvider(), migrationTableName: "platform_migration", migrationLockTableName: "platform_migration_lock" });
}

export type MigrationOutcome = { applied: string[] };

export async function migrateToLatest(db: Db): Promise<MigrationOutcome> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${reason}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

/** Applies the migrations up to and including `name` (tests of a migration on the data before it). */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

export type MigrationStatus = { current: boolean; applied: number; pending: string[] };

export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const all = await migrator(db).getMigrations();
  const pending = all.filter((m) => m.executedAt === undefined).map((m) => m.name);
  return { current: pending.length === 0, applied: all.length - pending.length, pending };
}
