// Background jobs on pg-boss (DESIGN §3): a queue in the same database, so a job is as durable as the data it
// works on. On PostgreSQL pg-boss gets a small pool of its own; on the embedded database it runs in-process
// through `fromPglite`. The runner starts lazily, at the first job sent (most processes never need it), and stops before
// the database closes. Handlers must be idempotent: a job may run again after a crash or a stop.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PgBoss, fromPglite, type Db as BossDb } from "pg-boss";
import type { Database } from "./database.ts";

/** A job's work. `signal` aborts when the runner stops: finish the current step and throw. */
export type JobHandler = (data: Record<string, unknown>, signal: AbortSignal) => Promise<void>;

export type QueueSettings = {
  /** Seconds a job may run before pg-boss takes it for lost and runs it again (default 3600). */
  expireInSeconds?: number;
  /** How often a failed job is tried again (default 3). */
  retryLimit?: number;
};

export type Jobs = {
  /** Declares a queue and its handler; before the first `send`. */
  define(queue: string, handler: JobHandler, settings?: QueueSettings): void;
  /** Queues a job (starting the runner if it is not running yet); returns the job's id. */
  send(queue: string, data: Record<string, unknown>): Promise<string>;
  /** Stops taking jobs, aborts the running ones at their next step and waits for them. Idempotent. */
  stop(): Promise<void>;
  readonly started: boolean;
};

export type JobsOptions = {
  /** Seconds between polls for new jobs (pg-boss allows 0.5 at least). */
  pollingIntervalSeconds?: number;
  /** Where errors of the runner itself go (a failing job is retried, not reported here). */
  onError?: (error: unknown) => void;
};

export function createJobs(database: Database, databaseUrl: string | undefined, options: JobsOptions = {}): Jobs {
  const handlers = new Map<string, { handler: JobHandler; settings: QueueSettings }>();
  const running = new Set<Promise<unknown>>();
  const stopping = new AbortController();
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  let stopped = false;
  let closeConnections = async () => {};

  async function start(): Promise<PgBoss> {
    let db: BossDb;
    if (database.pglite) db = pgliteAdapter(database);
    else {
      const adapter = postgresAdapter(databaseUrl, options.onError);
      db = adapter.db;
      closeConnections = adapter.close;
    }
    const instance = new PgBoss({
      db,
      ...(database.pglite ? { backend: "pglite" as const } : {}),
      schedule: false,
      registerInstance: false,
      persistWarnings: false,
      monitorVacuum: false,
    });
    instance.on("error", (error) => options.onError?.(error));
    await instance.start();
    for (const [queue, { handler, settings }] of handlers) {
      await instance.createQueue(queue, { expireInSeconds: settings.expireInSeconds ?? 3600, retryLimit: settings.retryLimit ?? 3, retryDelay: 2 });
      await instance.work(queue, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 }, async ([job]) => {
        if (!job) return;
        const work = handler(job.data as Record<string, unknown>, stopping.signal);
        running.add(work);
        try {
          await work;
        } finally {
          running.delete(work);
        }
      });
    }
    return instance;
  }

  return {
    define(queue, handler, settings = {}) {
      if (starting) throw new Error(`jobs: define ${queue} before the first job is sent`);
      handlers.set(queue, { handler, settings });
    },
    async send(queue, data) {
      if (stopped) throw new Error("jobs: the runner has stopped");
      if (!handlers.has(queue)) throw new Error(`jobs: no handler for the queue ${queue}`);
      starting ??= start().then((instance) => (boss = instance));
      const id = await (await starting).send(queue, data);
      if (!id) throw new Error(`jobs: pg-boss did not queue the job on ${queue}`);
      return id;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopping.abort();
      await Promise.allSettled([...running]);
      const instance = starting ? await starting.catch(() => undefined) : undefined;
      await instance?.stop({ graceful: true, timeout: 5000 });
      await closeConnections();
      boss = undefined;
    },
    get started() {
      return boss !== undefined;
    },
  };
}

/**
 * pg-boss on PGlite. PGlite is one session: a statement pg-boss sent while the application's transaction is open
 * would run inside it (and pg-boss's own BEGIN … COMMIT blocks would commit it half-way). So every pg-boss
 * statement first takes the application pool's only connection, which a transaction holds until it ends, and
 * runs while holding it: pg-boss and the application take turns, never interleave.
 */
function pgliteAdapter(database: Database): BossDb {
  const direct = fromPglite(database.pglite as PGlite);
  return {
    executeSql: (text, values) => database.db.connection().execute(() => direct.executeSql(text, values)),
  };
}

/**
 * pg-boss on PostgreSQL, through a pool of three connections of its own. Each connection gets an error listener
 * for its whole life: a connection still closing when its pool has ended (a test dropping its database, a
 * server restart) reports its error here instead of as an unhandled one.
 */
function postgresAdapter(databaseUrl: string | undefined, onError: ((error: unknown) => void) | undefined): { db: BossDb; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: "shanhai-jobs" });
  const report = (error: unknown) => onError?.(error);
  pool.on("error", report);
  pool.on("connect", (client) => client.on("error", report));
  return {
    db: {
      async executeSql(text, values) {
        // Several statements in one text (pg-boss's locked blocks) answer with one result each: their rows together.
        const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
        return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows };
      },
    },
    close: () => pool.end(),
  };
}
