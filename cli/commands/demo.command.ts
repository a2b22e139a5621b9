import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../../server/src/config/config.ts";
import { isDemoInstance, loadDemoCase } from "../../server/src/demo/index.ts";
import { lockDataDir } from "../../server/src/platform/data-dir-lock.ts";
import { progressBar } from "../progress.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

export const demoCommand: Command = {
  summary: "load the demo case (Yongkang–Wuyi); --reload starts the embedded database afresh with it",
  help: `shanhai demo [--reload]

Loads the Yongkang–Wuyi demo case into the database. Invented records are flagged illustrative.
  --reload   embedded database only: delete it and create it again with the demo case.
             (On a PostgreSQL server, drop and re-create the database yourself; shanhai never deletes it.)`,
  async run(args) {
    const { values } = parseArgs({ args, options: { reload: { type: "boolean", default: false } } });
    const config = loadConfig();
    if (values.reload) {
      if (config.databaseUrl) throw new UsageError("--reload works on the embedded database only; DATABASE_URL is set.");
      const lock = lockDataDir(config.dataDir); // refuses while a server uses it
      lock.release();
      await rm(join(resolve(config.dataDir), "pgdata"), { recursive: true, force: true });
    }
    const app = await openApp({ demo: "off" });
    try {
      if (await isDemoInstance(app.database.db)) {
        process.stdout.write("The demo case is already loaded. Use --reload to start it afresh.\n");
        return 0;
      }
      const bar = progressBar("Loading the demo case");
      await loadDemoCase(app.modules, app.database.db, bar);
      bar.finish();
      process.stdout.write("The demo case is loaded.\n");
      return 0;
    } finally {
      await app.close();
    }
  },
};
