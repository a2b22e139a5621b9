import { loadConfig } from "../../server/src/config/config.ts";
import { openDatabase } from "../../server/src/platform/database.ts";
import { migrateToLatest } from "../../server/src/platform/migrations.ts";
import type { Command } from "./index.ts";

export const migrateCommand: Command = {
  summary: "apply pending database migrations",
  help: "shanhai migrate\n\nApplies the forward-only migrations in db/migrations that the database has not run yet.",
  async run() {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const { applied } = await migrateToLatest(database.db);
      process.stdout.write(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}\n`).join("")}` : "The database is up to date.\n");
      return 0;
    } finally {
      await database.close();
    }
  },
};
