import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiToken, SessionInfo, User } from "../../contracts/accounts.ts";
import type { AuditEntry } from "../src/platform/audit.ts";
import { searchAudit } from "../src/platform/audit.ts";
import { cookieOf, createAccount, sessionHeaders, signIn, testPassword, type Session } from "./support/accounts.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorBody = { error: { code: string; message: string; details: { field?: string; message: string }[] } };

const minute = 60_000;

describe.each(databaseTargets())("accounts and sign-in on %s", (target) => {
  let app: TestApp;
  let now = new Date("2026-11-24T01:00:00Z");
  const advance = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
  };
  // Each sign-in test starts a fresh rate-limit window and comes from its own address.
  let address = 1;
  const from = () => ({ remoteAddress: `10.0.0.${address++}` });

  const post = (url: string, body: unknown, headers: Record<string, string> = {}, remote = from()) =>
    app.http.inject({ method: "POST", url, payload: body as object, headers, ...remote });

  beforeAll(async () => {
    app = await startTestApp(target, { asOperator: false, now: () => now });
    await app.modules.regions.regions.create((await import("./support/test-app.ts")).testOperator, {
      code: "330784",
      nameZh: "永康市",
      nameEn: "Yongkang",
      level: "county",
      kind: "developed",
      parentCode: null,
      facts: [],
      illustrative: false,
    });
    for (const [name, role] of [
      ["admin", "system_admin"],
      ["security", "security_admin"],
      ["audit", "audit_admin"],
      ["viewer", "viewer"],
      ["locked", "viewer"],
      ["rotate", "viewer"],
      ["idle", "viewer"],
      ["lifetime", "viewer"],
      ["csrf", "viewer"],
      ["tokens", "viewer"],
      ["disabled", "viewer"],
    ] as const) {
      await createAccount(app, name, role);
    }
    await createAccount(app, "yk-official", "county_official", { regionCode: "330784" });
  });
  afterAll(() => app.close());

  const auditOf = async (action: string): Promise<AuditEntry[]> => (await searchAudit(app.database.db, { action, page: 1, pageSize: 500 })).items;

  it("signs in with a session cookie: HttpOnly, SameSite=Lax, Path=/, not Secure over plain HTTP", async () => {
    const response = await post("/api/v1/session", { username: "viewer", password: testPassword });
    expect(response.statusCode).toBe(200);
    const cookie = cookieOf(response.headers["set-cookie"]);
    expect(cookie.name).toBe("shanhai_session");
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
    expect(cookie.attributes).not.toContain("Secure");
    const info = response.json<SessionInfo>();
    expect(info).toMatchObject({ authenticated: true, user: { username: "viewer", role: "viewer" }, demo: false });
    expect(info.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await app.api<SessionInfo>("GET", "/api/v1/session", undefined, { cookie: `${cookie.name}=${cookie.value}` });
    expect(me.status).toBe(200);
    expect(me.body.user?.username).toBe("viewer");
    expect(me.body.permissions).toContain("enterprise.read");
    expect(me.body.permissions).not.toContain("enterprise.update");
    const success = (await auditOf("auth.sign_in")).find((e) => e.outcome === "success" && e.sessionId === me.body.session?.id);
    expect(success?.remoteAddress).toMatch(/^10\.0\.0\./);
  });

  it("answers an anonymous caller as the public", async () => {
    const me = await app.api<SessionInfo>("GET", "/api/v1/session");
    expect(me.body).toMatchObject({ authenticated: false, user: null, session: null, csrfToken: null, actor: { role: "public" } });
  });

  it("names the cookie __Host-shanhai_session and marks it Secure behind an HTTPS proxy it trusts, and only then", async () => {
    const behindProxy = await startTestApp(target, { asOperator: false, env: { SHANHAI_TRUST_PROXY: "on" } });
    try {
      await createAccount(behindProxy, "viewer", "viewer");
      const https = await behindProxy.http.inject({ method: "POST", url: "/api/v1/session", payload: { username: "viewer", password: testPassword }, headers: { "x-forwarded-proto": "https" } });
      const cookie = cookieOf(https.headers["set-cookie"]);
      expect(cookie.name).toBe("__Host-shanhai_session");
      expect(cookie.attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax", "Secure"]));
      expect(https.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
      // The secure cookie is read back over HTTPS, and not over plain HTTP.
      const me = await behindProxy.http.inject({ method: "GET", url: "/api/v1/session", headers: { "x-forwarded-proto": "https", cookie: `${cookie.name}=${cookie.value}` } });
      expect(me.json<SessionInfo>().authenticated).toBe(true);
    } finally {
      await behindProxy.close();
    }
    const untrusted = await post("/api/v1/session", { username: "viewer", password: testPassword }, { "x-forwarded-proto": "https" });
    expect(cookieOf(untrusted.headers["set-cookie"]).name).toBe("shanhai_session");
    expect(untrusted.headers["strict-transport-security"]).toBeUndefined();
  });

  it("refuses a wrong password with 401 and logs the failure", async () => {
    const wrong = await post("/api/v1/session", { username: "viewer", password: "Wrong-pass-1" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<ErrorBody>().error.code).toBe("auth.invalid_credentials");
    const unknown = await post("/api/v1/session", { username: "nobody", password: "Wrong-pass-1" });
    expect(unknown.json<ErrorBody>().error.code).toBe("auth.invalid_credentials");
    const failures = (await auditOf("auth.sign_in")).filter((e) => e.outcome === "failure");
    expect(failures.map((e) => (e.detail as { reason: string }).reason)).toEqual(expect.arrayContaining(["wrong_password", "unknown_username"]));
  });

  it("locks an account after 5 failed sign-ins for 15 minutes, logging the lockout", async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await post("/api/v1/session", { username: "locked", password: "Wrong-pass-1" })).statusCode).toBe(401);
    }
    const fifth = await post("/api/v1/session", { username: "locked", password: "Wrong-pass-1" });
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json<ErrorBody>().error.code).toBe("auth.locked");
    const right = await post("/api/v1/session", { username: "locked", password: testPassword });
    expect(right.json<ErrorBody>().error.code).toBe("auth.locked");
    expect((await auditOf("auth.lockout")).some((e) => (e.detail as { attempts: number }).attempts === 5)).toBe(true);
    advance(14);
    expect((await post("/api/v1/session", { username: "locked", password: testPassword })).statusCode).toBe(403);
    advance(2);
    expect((await post("/api/v1/session", { username: "locked", password: testPassword })).statusCode).toBe(200);
  });

  it("lets a security administrator lift a lockout", async () => {
    for (let attempt = 1; attempt <= 5; attempt++) await post("/api/v1/session", { username: "locked", password: "Wrong-pass-1" });
    expect((await post("/api/v1/session", { username: "locked", password: testPassword })).statusCode).toBe(403);
    const security = await signIn(app, "security");
    const lockedUser = (await app.api<{ items: User[] }>("GET", "/api/v1/users?q=locked", undefined, sessionHeaders(security))).body.items[0];
    expect(lockedUser?.lockedUntil).not.toBeNull();
    const unlocked = await app.api<User>("POST", `/api/v1/users/${lockedUser?.id}/unlock`, undefined, sessionHeaders(security));
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await post("/api/v1/session", { username: "locked", password: testPassword })).statusCode).toBe(200);
  });

  it("gives a new session id at every sign-in and ends the one the browser had", async () => {
    const first = await signIn(app, "rotate");
    const second = await signIn(app, "rotate", testPassword, { cookie: first.cookie });
    expect(second.token).not.toBe(first.token);
    const old = await app.api<ErrorBody>("GET", "/api/v1/session", undefined, { cookie: first.cookie });
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe("auth.session_expired");
    expect(cookieOf(old.headers["set-cookie"]).attributes).toContain("Max-Age=0");
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: second.cookie })).status).toBe(200);
  });

  it("ends a session idle for more than 15 minutes", async () => {
    const session = await signIn(app, "idle");
    advance(14);
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: session.cookie })).status).toBe(200);
    advance(14); // 14 minutes since the last request: still alive
    expect((await app.api("GET", "/api/v1/enterprises", undefined, { cookie: session.cookie })).status).toBe(200);
    advance(16);
    const expired = await app.api<ErrorBody>("GET", "/api/v1/enterprises", undefined, { cookie: session.cookie });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("auth.session_expired");
    expect(expired.body.error.message).toContain("idle");
    expect((await auditOf("auth.session_end")).some((e) => (e.detail as { reason: string }).reason === "idle")).toBe(true);
  });

  it("writes a session's last-seen time at most every 30 seconds, not on every request", async () => {
    const session = await signIn(app, "idle");
    const lastSeen = async () => {
      const rows = await sql<{ at: Date }>`select last_seen_at as at from accounts_session where ended_at is null and user_id = (select id from accounts_user where username = 'idle')`.execute(app.database.db);
      return new Date(rows.rows[0]!.at).getTime();
    };
    const signedInAt = await lastSeen();
    now = new Date(now.getTime() + 20_000);
    expect((await app.api("GET", "/api/v1/enterprises", undefined, { cookie: session.cookie })).status).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    now = new Date(now.getTime() + 20_000);
    expect((await app.api("GET", "/api/v1/enterprises", undefined, { cookie: session.cookie })).status).toBe(200);
    expect(await lastSeen()).toBe(now.getTime());
  });

  it("ends a session at its absolute lifetime of 8 hours, however busy", async () => {
    const session = await signIn(app, "lifetime");
    for (let i = 0; i < 47; i++) {
      advance(10);
      expect((await app.api("GET", "/api/v1/session", undefined, { cookie: session.cookie })).status).toBe(200);
    }
    advance(10); // 480 minutes
    const expired = await app.api<ErrorBody>("GET", "/api/v1/session", undefined, { cookie: session.cookie });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain("8 hours");
  });

  it("refuses a cookie-authenticated write without the session's CSRF token", async () => {
    const session = await signIn(app, "csrf");
    const missing = await app.api<ErrorBody>("DELETE", "/api/v1/session", undefined, { cookie: session.cookie });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe("auth.csrf");
    const wrong = await app.api<ErrorBody>("DELETE", "/api/v1/session", undefined, { cookie: session.cookie, "x-csrf-token": "x".repeat(43) });
    expect(wrong.body.error.code).toBe("auth.csrf");
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: session.cookie })).status).toBe(200);
    const signedOut = await app.api("DELETE", "/api/v1/session", undefined, sessionHeaders(session));
    expect(signedOut.status).toBe(204);
    expect(cookieOf(signedOut.headers["set-cookie"]).attributes).toContain("Max-Age=0");
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: session.cookie })).status).toBe(401);
    expect((await auditOf("auth.sign_out")).length).toBeGreaterThan(0);
    expect((await auditOf("auth.denied")).some((e) => (e.detail as { reason?: string }).reason === "csrf_token_missing_or_wrong")).toBe(true);
  });

  it("makes scoped, revocable API tokens, shown once and used without CSRF", async () => {
    const session = await signIn(app, "tokens");
    const refused = await app.api<ErrorBody>("POST", "/api/v1/api-tokens", { name: "too much", permissions: ["enterprise.update"] }, sessionHeaders(session));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]?.message).toContain("does not hold");
    const created = await app.api<ApiToken & { token: string }>("POST", "/api/v1/api-tokens", { name: "nightly upload", permissions: ["enterprise.read"] }, sessionHeaders(session));
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^shk_/);
    const listed = await app.api<ApiToken[]>("GET", "/api/v1/api-tokens", undefined, sessionHeaders(session));
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await app.api("GET", "/api/v1/enterprises", undefined, bearer)).status).toBe(200);
    const outside = await app.api<ErrorBody>("GET", "/api/v1/projects", undefined, bearer);
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain("token is not scoped");
    expect((await app.api("GET", "/api/v1/api-tokens", undefined, bearer)).status).toBe(403);

    expect((await app.api("DELETE", `/api/v1/api-tokens/${created.body.id}`, undefined, sessionHeaders(session))).status).toBe(204);
    const revoked = await app.api<ErrorBody>("GET", "/api/v1/enterprises", undefined, bearer);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("auth.invalid_token");
  });

  it("lets security administrators list and end sessions, and disabling an account ends its sessions", async () => {
    const security = await signIn(app, "security");
    const victim = await signIn(app, "disabled");
    const sessions = await app.api<{ id: string; username: string }[]>("GET", "/api/v1/sessions", undefined, sessionHeaders(security));
    expect(sessions.status).toBe(200);
    const mine = sessions.body.find((s) => s.username === "disabled");
    expect(mine).toBeDefined();
    expect((await app.api("DELETE", `/api/v1/sessions/${mine?.id}`, undefined, sessionHeaders(security))).status).toBe(204);
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: victim.cookie })).status).toBe(401);

    const again = await signIn(app, "disabled");
    const id = (await app.api<{ items: User[] }>("GET", "/api/v1/users?q=disabled", undefined, sessionHeaders(security))).body.items[0]?.id;
    const disabled = await app.api<User>("POST", `/api/v1/users/${id}/disable`, undefined, sessionHeaders(security));
    expect(disabled.body.disabled).toBe(true);
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: again.cookie })).status).toBe(401);
    const refused = await post("/api/v1/session", { username: "disabled", password: testPassword });
    expect(refused.json<ErrorBody>().error.code).toBe("auth.account_disabled");
    const self = await app.api<ErrorBody>("POST", `/api/v1/users/${(await app.api<SessionInfo>("GET", "/api/v1/session", undefined, sessionHeaders(security))).body.user?.id}/disable`, undefined, sessionHeaders(security));
    expect(self.status).toBe(403);
  });

  it("lets the system administrator create accounts by the password policy and the role's scope; the first sign-in sets a new password", async () => {
    const admin = await signIn(app, "admin");
    const weak = await app.api<ErrorBody>("POST", "/api/v1/users", { username: "newbie", displayName: "New", role: "viewer", password: "short" }, sessionHeaders(admin));
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.map((d) => d.message).join(" ")).toMatch(/at least 8 characters.*at least 3 of/);
    const noScope = await app.api<ErrorBody>("POST", "/api/v1/users", { username: "newbie", displayName: "New", role: "county_official", password: "Initial-pass-1" }, sessionHeaders(admin));
    expect(noScope.body.error.details).toEqual([expect.objectContaining({ field: "regionCode", message: "is required for the role county_official" })]);
    const created = await app.api<User>("POST", "/api/v1/users", { username: "newbie", displayName: "New", role: "viewer", password: "Initial-pass-1" }, sessionHeaders(admin));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: "viewer", passwordMustChange: true, disabled: false });
    expect(JSON.stringify(created.body)).not.toContain("argon2");

    const first = await post("/api/v1/session", { username: "newbie", password: "Initial-pass-1" });
    expect(first.statusCode).toBe(403);
    expect(first.json<ErrorBody>().error.code).toBe("auth.password_change_required");
    const changed = await post("/api/v1/session", { username: "newbie", password: "Initial-pass-1", newPassword: "My-own-pass-7" });
    expect(changed.statusCode).toBe(200);
    expect((await post("/api/v1/session", { username: "newbie", password: "My-own-pass-7" })).statusCode).toBe(200);
    // A security administrator does not create accounts; an account holds one role.
    const security = await signIn(app, "security");
    const notHis = await app.api<ErrorBody>("POST", "/api/v1/users", { username: "other", displayName: "O", role: "viewer", password: "Initial-pass-1" }, sessionHeaders(security));
    expect(notHis.status).toBe(403);
    expect(notHis.body.error.code).toBe("auth.forbidden");
  });

  it("changes one's own password and ends one's other sessions", async () => {
    const one = await signIn(app, "yk-official");
    const two = await signIn(app, "yk-official");
    const wrong = await app.api<ErrorBody>("PUT", "/api/v1/session/password", { currentPassword: "nope", newPassword: "Another-pass-8" }, sessionHeaders(one));
    expect(wrong.status).toBe(400);
    expect((await app.api("PUT", "/api/v1/session/password", { currentPassword: testPassword, newPassword: "Another-pass-8" }, sessionHeaders(one))).status).toBe(204);
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: one.cookie })).status).toBe(200);
    expect((await app.api("GET", "/api/v1/session", undefined, { cookie: two.cookie })).status).toBe(401);
    const me = await app.api<SessionInfo>("GET", "/api/v1/session", undefined, { cookie: one.cookie });
    expect(me.body.actor.scope).toMatchObject({ regionCode: "330784", pairedRegionCodes: [] });
  });

  it("puts the security headers on every answer: pages, API, errors, 404s and the docs", async () => {
    const session: Session = await signIn(app, "viewer");
    const answers = [
      await app.http.inject({ method: "GET", url: "/" }),
      await app.http.inject({ method: "GET", url: "/api/health" }),
      await app.http.inject({ method: "GET", url: "/api/v1/nowhere" }),
      await app.http.inject({ method: "POST", url: "/api/v1/regions/330784/archive" }),
      await app.http.inject({ method: "GET", url: "/docs/" }),
      await app.http.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: session.cookie } }),
    ];
    for (const answer of answers) {
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
      expect(answer.headers["x-shanhai-demo"]).toBeUndefined();
    }
    expect(answers[3]?.statusCode).toBe(401);
    expect(answers[5]?.headers["cache-control"]).toBe("no-store");
  });

  it("limits sign-in attempts per address, answering 429", async () => {
    advance(2);
    const remote = { remoteAddress: "10.9.9.9" };
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) answers.push((await post("/api/v1/session", { username: `probe${i}`, password: "Wrong-pass-1" }, {}, remote)).statusCode);
    expect(answers.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(answers[20]).toBe(429);
    advance(2);
    expect((await post("/api/v1/session", { username: "viewer", password: testPassword }, {}, remote)).statusCode).toBe(200);
  });
});

describe.each(databaseTargets())("the in-process operator on %s", (target) => {
  it("acts for app.inject requests only, never for a request over a socket", async () => {
    const app = await startTestApp(target); // with the test operator for in-process requests
    try {
      expect((await app.api("GET", "/api/v1/enterprises")).status).toBe(200);
      const base = await app.http.listen({ port: 0, host: "127.0.0.1" });
      const overSocket = await fetch(`${base}/api/v1/enterprises`);
      expect(overSocket.status).toBe(401);
      expect(overSocket.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    } finally {
      await app.close();
    }
  });
});

