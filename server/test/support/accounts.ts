// Accounts for tests: created directly through the accounts service (as the test operator), signed in through
// the real HTTP route, and requests made with the session cookie and its CSRF token.
import type { AccountRole } from "../../../contracts/accounts.ts";
import type { TestApp } from "./test-app.ts";
import { testOperator } from "./test-app.ts";

export const testPassword = "Test-pass-2026";

export type Scope = { regionCode?: string; enclaveId?: string; enterpriseId?: string };

export async function createAccount(app: TestApp, username: string, role: AccountRole, scope: Scope = {}, password = testPassword): Promise<string> {
  const user = await app.modules.accounts.users.create(
    testOperator,
    {
      username,
      displayName: `${username} (test)`,
      role,
      regionCode: scope.regionCode ?? null,
      enclaveId: scope.enclaveId ?? null,
      enterpriseId: scope.enterpriseId ?? null,
      password,
      illustrative: false,
    },
    { mustChangePassword: false },
  );
  return user.id;
}

export type Session = { cookie: string; csrf: string; token: string; setCookie: string };

export function cookieOf(setCookie: unknown): { name: string; value: string; attributes: string[] } {
  const header = String(Array.isArray(setCookie) ? setCookie[0] : setCookie);
  const [pair = "", ...attributes] = header.split(";").map((p) => p.trim());
  const at = pair.indexOf("=");
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

export async function signIn(app: TestApp, username: string, password = testPassword, headers: Record<string, string> = {}): Promise<Session> {
  const response = await app.api<{ csrfToken: string }>("POST", "/api/v1/session", { username, password }, headers);
  if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const cookie = cookieOf(response.headers["set-cookie"]);
  return { cookie: `${cookie.name}=${cookie.value}`, csrf: response.body.csrfToken, token: cookie.value, setCookie: String(response.headers["set-cookie"]) };
}

/** Headers of a signed-in browser: the cookie, and the CSRF token for writes. */
export function sessionHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, "x-csrf-token": session.csrf };
}
