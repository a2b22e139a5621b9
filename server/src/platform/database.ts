// One door to the database: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL), both behind
// Kysely over a pg.Pool, so the same SQL and the same migrations run on both.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.ts";

// Dates stay "YYYY-MM-DD" strings: a JS Date would shift them by the time zone. bigint and numeric already
// arrive as strings, which keeps money exact.
pg.types.setTypeParser(1082, (value: string) => value);

/** Tables are declared per module; repositories widen this with db.withTables<TheirTables>(). */
export type Db = Kysely<object>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** True when this start created a new embedded database (the demo case loads then). */
  created: boolean;
  pglite: PGlite | undefined;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** An already-open PGlite (tests start each database from a migrated template). */
  pglite?: PGlite;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, a dropped database, one still closing when the pool has
    // ended) is taken out of the pool, and the next query opens another; a query in flight gets its own error.
    // Without a listener, the pool's "error" event would crash the process.
    pool.on("error", () => {});
    return wrap(pool, "postgres", false, undefined, undefined);
  }
  if (options.pglite) {
    await tuneEmbedded(options.pglite);
    return wrap(new pg.Pool(createPgConfig(options.pglite)), "pglite", false, options.pglite, undefined);
  }
  const dataDir = resolve(options.dataDir ?? "./data");
  const lock = lockDataDir(dataDir);
  try {
    const storeDir = join(dataDir, "pgdata");
    const created = !existsSync(join(storeDir, "PG_VERSION"));
    const pglite = await PGlite.create(storeDir);
    await tuneEmbedded(pglite);
    return wrap(new pg.Pool(createPgConfig(pglite)), "pglite", created, pglite, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The embedded database's one session: new WAL segments are not filled with zeros first (PostgreSQL's
 * wal_init_zero; it writes the segment's last byte instead). In memory, zero-filling preallocates nothing and,
 * written 8 KB at a time into a growing file, cost a third of a second per 50 MB of WAL (a large settlement run).
 */
async function tuneEmbedded(pglite: PGlite): Promise<void> {
  await pglite.exec("set wal_init_zero = off");
}

function wrap(
  pool: pg.Pool,
  kind: Database["kind"],
  created: boolean,
  pglite: PGlite | undefined,
  lock: DataDirLock | undefined,
): Database {
  const db = new Kysely<object>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
  let closed = false;
  return {
    db,
    kind,
    created,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      if (pglite && lock) await pglite.close(); // a PGlite handed in by the caller stays the caller's
      lock?.release();
    },
  };
}
