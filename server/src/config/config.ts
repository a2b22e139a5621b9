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
  SHANHAI_TRUST_PROXY: z.enum(["on", "off", "true", "false", "1", "0"]).default("off"),
  SHANHAI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SHANHAI_SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(168).default(8),
  SHANHAI_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  SHANHAI_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SHANHAI_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(8),
  SHANHAI_PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  SHANHAI_PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  SHANHAI_SIGN_IN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SHANHAI_SIGN_IN_PER_USERNAME_PER_MINUTE: z.coerce.number().int().min(1).default(10),
});

/** Sign-in, sessions and passwords (docs/security.md). */
export type SecurityConfig = {
  /** Trust x-forwarded-proto / x-forwarded-for from a reverse proxy (only behind one). */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  passwordMinLength: number;
  passwordMinClasses: number;
  /** 0: passwords do not expire. */
  passwordMaxAgeDays: number;
  signInPerIpPerMinute: number;
  signInPerUsernamePerMinute: number;
};

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
  security: SecurityConfig;
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
    security: {
      trustProxy: ["on", "true", "1"].includes(e.SHANHAI_TRUST_PROXY),
      sessionIdleMinutes: e.SHANHAI_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.SHANHAI_SESSION_MAX_HOURS,
      lockoutAttempts: e.SHANHAI_LOCKOUT_ATTEMPTS,
      lockoutMinutes: e.SHANHAI_LOCKOUT_MINUTES,
      passwordMinLength: e.SHANHAI_PASSWORD_MIN_LENGTH,
      passwordMinClasses: e.SHANHAI_PASSWORD_MIN_CLASSES,
      passwordMaxAgeDays: e.SHANHAI_PASSWORD_MAX_AGE_DAYS,
      signInPerIpPerMinute: e.SHANHAI_SIGN_IN_PER_IP_PER_MINUTE,
      signInPerUsernamePerMinute: e.SHANHAI_SIGN_IN_PER_USERNAME_PER_MINUTE,
    },
  };
}
