// Configuration from the environment, parsed once at start. A bad value stops start-up with every bad key listed.
import { z } from "zod";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  SHANHAI_DATA_DIR: z.string().min(1).default("./data"),
  SHANHAI_DEMO: z.enum(["auto", "on", "off"]).default("auto"),
  SHANHAI_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  SHANHAI_UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(20 * 1_048_576),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  /** PostgreSQL server; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** auto: load the demo case on the first start of the embedded database only. */
  demo: "auto" | "on" | "off";
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  logLevel: string;
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.SHANHAI_DATA_DIR,
    demo: e.SHANHAI_DEMO,
    bodyLimitBytes: e.SHANHAI_BODY_LIMIT_BYTES,
    uploadLimitBytes: e.SHANHAI_UPLOAD_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
  };
}
