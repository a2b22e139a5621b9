#!/usr/bin/env node
// The `shanhai` command. Each subcommand lives in commands/; this file only dispatches and turns errors into
// a clear message and a non-zero exit code (never a stack trace for a user's mistake).
import { ConfigError } from "../server/src/config/config.ts";
import { DomainError } from "../server/src/platform/errors.ts";
import { commands, usage } from "./commands/index.ts";
import { UsageError } from "./commands/usage-error.ts";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`shanhai: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DomainError || error instanceof UsageError) {
    process.stderr.write(`shanhai: ${error.message}\n`);
    for (const d of error instanceof DomainError ? error.details.slice(0, 50) : []) {
      const where = d.row !== undefined ? `row ${d.row}${d.column ? `, column ${d.column}` : ""}` : (d.field ?? "");
      process.stderr.write(`  - ${where}${where ? ": " : ""}${d.message}${d.value !== undefined ? ` (${JSON.stringify(d.value)})` : ""}\n`);
    }
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } else {
    process.stderr.write(`shanhai: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
