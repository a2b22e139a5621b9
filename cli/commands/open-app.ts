// Opens the app (database, migrations, modules, demo case) for CLI commands, from the environment's config.
import { loadConfig, type Config } from "../../server/src/config/config.ts";
import { demoOnStart } from "../../server/src/demo/index.ts";
import { createApp, type App } from "../../server/src/main.ts";
import { progressBar } from "../progress.ts";

export async function openApp(overrides: Partial<Config> = {}): Promise<App> {
  const config = { ...loadConfig(), logLevel: "warn", ...overrides };
  const bar = progressBar("Loading the demo case");
  const app = await createApp(config, { onReady: demoOnStart(config, bar) });
  bar.finish();
  return app;
}
