// The acting user, passed explicitly to every service call (DESIGN §2.8). Accounts and roles arrive with the
// accounts work; until then the HTTP API acts as the local operator and the CLI as the shell user.
import { userInfo } from "node:os";

export type Actor = {
  id: string;
  name: string;
  kind: "user" | "system" | "cli";
};

export const systemActor = (purpose: string): Actor => ({ id: `system:${purpose}`, name: `system (${purpose})`, kind: "system" });

export const localOperator: Actor = { id: "local-operator", name: "local operator", kind: "user" };

export function cliActor(): Actor {
  const name = safeUserName();
  return { id: `cli:${name}`, name: `${name} (command line)`, kind: "cli" };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown"; // containers without a passwd entry for the uid
  }
}
