import { loadConfig } from "../../server/src/config/config.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";

export const serveCommand: Command = {
  summary: "start the server (API, docs, web app); loads the demo case on the first start of the embedded database",
  help: "shanhai serve\n\nStarts the server on HOST:PORT (default 127.0.0.1:3000). Stop it with Ctrl-C.",
  async run() {
    const config = loadConfig();
    const app = await openApp({ logLevel: config.logLevel }, { asOperator: false });
    const address = await app.http.listen({ port: config.port, host: config.host });
    // The first figures import then does not wait for its reader's thread to start.
    void app.modules.indicators.imports.warm().catch(() => undefined);
    const where = app.database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL server";
    process.stderr.write(`shanhai is serving ${address.replace("127.0.0.1", "localhost")} (${where}${app.demo ? ", demo case" : ""})\n`);
    process.stderr.write(`API documentation: ${address.replace("127.0.0.1", "localhost")}/docs\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await app.close();
    return 0;
  },
};
