import { adminCommand } from "./admin.command.ts";
import { auditCommand } from "./audit.command.ts";
import { chainCommand } from "./chain.command.ts";
import { demoCommand } from "./demo.command.ts";
import { exportCommand } from "./export.command.ts";
import { figuresCommand } from "./figures.command.ts";
import { importCommand } from "./import.command.ts";
import { migrateCommand } from "./migrate.command.ts";
import { serveCommand } from "./serve.command.ts";
import { settleCommand } from "./settle.command.ts";
import { sharingCommand } from "./sharing.command.ts";
import { statementCommand } from "./statement.command.ts";

export type Command = { summary: string; help: string; run(args: string[]): Promise<number> };

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  export: exportCommand,
  import: importCommand,
  figures: figuresCommand,
  sharing: sharingCommand,
  settle: settleCommand,
  chain: chainCommand,
  statement: statementCommand,
  admin: adminCommand,
  audit: auditCommand,
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `shanhai — the register of a mountain–sea cooperation (山海协作)

Usage: shanhai <command> [options]     (shanhai <command> --help for its options)

Commands:
${lines.join("\n")}

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (a PostgreSQL server; default: the embedded
database in SHANHAI_DATA_DIR, ./data), SHANHAI_DEMO (auto|on|off), LOG_LEVEL.
`;
}
