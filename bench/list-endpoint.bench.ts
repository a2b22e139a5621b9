// List-endpoint requests/s ÷ a hello-world route on the same server, same process, same run.
import { PGlite } from "@electric-sql/pglite";
import { loadConfig } from "../server/src/config/config.ts";
import { demoPassword } from "../server/src/demo/demo-accounts.ts";
import { loadDemoCase } from "../server/src/demo/index.ts";
import { createApp } from "../server/src/main.ts";
import { ratioLine, requestsPerSecond } from "./measure.ts";

export async function benchListEndpoint(): Promise<string[]> {
  const pglite = await PGlite.create();
  const app = await createApp(loadConfig({ LOG_LEVEL: "silent", SHANHAI_DEMO: "off" }), {
    pglite,
    onReady: async (modules, database) => {
      await loadDemoCase(modules, database.db);
      return true;
    },
    extraRoutes: (http) => http.get("/bench/hello", async () => ({ hello: "world" })),
  });
  try {
    const base = await app.http.listen({ port: 0, host: "127.0.0.1" });
    const total = 1500;
    const concurrency = 8;
    await requestsPerSecond(`${base}/bench/hello`, 200, concurrency); // warm-up
    const hello = await requestsPerSecond(`${base}/bench/hello`, total, concurrency);
    // The lists are read as a signed-in viewer (a demo account): each request pays for its session check.
    const signIn = await fetch(`${base}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "viewer", password: demoPassword }) });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const lines = [];
    for (const path of ["/api/v1/enterprises?pageSize=50", "/api/v1/regions"]) {
      await requestsPerSecond(`${base}${path}`, 100, concurrency, { cookie });
      const list = await requestsPerSecond(`${base}${path}`, total, concurrency, { cookie });
      lines.push(ratioLine(`GET ${path}`, list, "req/s", "hello-world route", hello));
    }
    return lines;
  } finally {
    await app.close();
    await pglite.close();
  }
}
