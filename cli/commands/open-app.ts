// Opens the app (database, migrations, modules, demo case) for CLI commands, from the environment's config.
// The command line is for operators on the server machine: its in-process requests act as the operator, a
// system administrator named after the shell user (cliActor), and obey the permission table like any caller.
// The server (serve) has no such actor: over a socket, a request without credentials is the anonymous public.
import { loadConfig, type Config } from "../../server/src/config/config.ts";
import { demoOnStart } from "../../server/src/demo/index.ts";
import { createApp, type App } from "../../server/src/main.ts";
import { cliActor } from "../../server/src/platform/actor.ts";
import { progressBar } from "../progress.ts";

export async function openApp(overrides: Partial<Config> = {}, options: { asOperator?: boolean } = {}): Promise<App> {
  const config = { ...loadConfig(), logLevel: "warn", ...overrides };
  const bar = progressBar("Loading the demo case");
  const operator = options.asOperator ?? true;
  const app = await createApp(config, { onReady: demoOnStart(config, bar), ...(operator ? { inProcessActor: cliActor() } : {}) });
  bar.finish();
  return app;
}
