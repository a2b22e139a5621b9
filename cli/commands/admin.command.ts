import { parseArgs } from "node:util";
import { CreateUser } from "../../contracts/accounts.ts";
import { cliActor } from "../../server/src/platform/actor.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

// There are no default accounts: the first system administrator is created here, by the operator on the server
// machine, with a password typed at a prompt (or piped in). No password ever has a default.
export const adminCommand: Command = {
  summary: "create the first system administrator (shanhai admin create --username NAME)",
  help: `shanhai admin create --username NAME [--name "DISPLAY NAME"] [--password-stdin]

Creates a system administrator account. The password is asked twice at a terminal prompt (not echoed), or read
from standard input with --password-stdin (one line). It must follow the password policy (docs/security.md).
The system administrator then creates the other accounts, the security and audit administrators included
(POST /api/v1/users); one account holds one role.`,
  async run(args) {
    const { values, positionals } = parsed(args);
    if (positionals[0] !== "create" || positionals.length !== 1) throw new UsageError("usage: shanhai admin create --username NAME [--name NAME] [--password-stdin]");
    if (!values.username) throw new UsageError("--username is required");
    const password = values["password-stdin"] ? await passwordFromStdin() : await passwordFromPrompt();
    const input = CreateUser.safeParse({ username: values.username, displayName: values.name ?? values.username, role: "system_admin", password });
    if (!input.success) throw new UsageError(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    const app = await openApp({ demo: "off" });
    try {
      const user = await app.modules.accounts.users.create(cliActor(), input.data, { mustChangePassword: false });
      process.stdout.write(`Created the system administrator ${user.username} (${user.id}).\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};

function parsed(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { username: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean", default: false } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (password === "") throw new UsageError("no password on standard input");
  return password;
}

async function passwordFromPrompt(): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError("no terminal to ask for the password: pipe it in with --password-stdin");
  const first = await askHidden("Password: ");
  const second = await askHidden("Password again: ");
  if (first !== second) throw new UsageError("the two passwords differ");
  return first;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding("utf8");
  input.resume();
  return new Promise((resolve, reject) => {
    let text = "";
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish();
          resolve(text);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          reject(new UsageError("cancelled"));
          return;
        }
        text = ch === "\u007f" || ch === "\b" ? [...text].slice(0, -1).join("") : text + ch;
      }
    };
    input.on("data", onData);
  });
}
