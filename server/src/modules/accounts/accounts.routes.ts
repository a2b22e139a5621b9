// Routes for signing in and out, one's own session and password, accounts (administrators), active sessions
// (security administrators) and API tokens. Handlers stay thin: parse, call one service function, send.
import { z } from "zod";
import {
  ActiveSession,
  ApiToken,
  ChangePassword,
  CreateApiToken,
  CreatedApiToken,
  CreateUser,
  SessionInfo,
  SetPassword,
  SignIn,
  UpdateUser,
  User,
  UserFilters,
} from "../../../../contracts/accounts.ts";
import { invalid } from "../../platform/errors.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import { requestContext, signInRoute } from "./http-auth.ts";
import { clearedSessionCookie, readSessionCookie, sessionCookie } from "./session-cookie.ts";
import type { SessionsService } from "./sessions.service.ts";
import type { TokensService } from "./tokens.service.ts";
import type { UsersService } from "./users.service.ts";

const tags = ["Accounts"];
const Id = z.object({ id: z.string().min(1).max(100) });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const HistorySchema = z.array(z.object({ version: z.number(), action: z.string(), changedAt: z.string(), actor: z.object({ id: z.string(), name: z.string() }), before: z.unknown(), after: z.unknown() }));
const UserPage = z.object({ items: z.array(User), total: z.number(), page: z.number(), pageSize: z.number() });

export type AccountsServices = { users: UsersService; sessions: SessionsService; tokens: TokensService };

export function accountsRoutes(app: HttpApp, services: AccountsServices, options: { demo: () => boolean }): void {
  const { users, sessions, tokens } = services;

  app.post(
    signInRoute,
    {
      bodyLimit: 4096,
      schema: {
        tags,
        summary: "Sign in with username and password: sets the session cookie (a new session at every sign-in) and answers the session with its CSRF token",
        body: SignIn,
        response: { 200: SessionInfo, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const signedIn = await sessions.signIn(request.body, { ...requestContext(request), previousToken: readSessionCookie(request) });
      return reply.header("set-cookie", sessionCookie(request, signedIn.token)).send({ ...signedIn.info, demo: options.demo() });
    },
  );

  app.get(
    "/api/v1/session",
    { schema: { tags, summary: "Who am I: the actor, its role, scope and permissions, the session's times and CSRF token", response: { 200: SessionInfo, 401: ErrorSchema } } },
    async (request) => sessions.whoAmI(request.actor, options.demo()),
  );

  app.delete(
    "/api/v1/session",
    { schema: { tags, summary: "Sign out: ends the session on the server and clears the cookie", response: { 204: z.null(), 400: ErrorSchema, 401: ErrorSchema } } },
    async (request, reply) => {
      await sessions.signOut(request.actor);
      return reply.code(204).header("set-cookie", clearedSessionCookie(request)).send(null);
    },
  );

  app.put(
    "/api/v1/session/password",
    { schema: { tags, summary: "Change one's own password (other sessions of the account end)", body: ChangePassword, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await sessions.changePassword(request.actor, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/sessions",
    { schema: { tags, summary: "Active sessions of all accounts (security administrators)", response: { 200: z.array(ActiveSession), 401: ErrorSchema, 403: ErrorSchema } } },
    async (request) => sessions.list(request.actor),
  );

  app.delete(
    "/api/v1/sessions/:id",
    { schema: { tags, summary: "End a session (security administrators)", params: Id, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await sessions.end(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/users",
    { schema: { tags, summary: "List accounts", querystring: UserFilters, response: { 200: UserPage, ...errors } } },
    async (request) => users.list(request.actor, request.query),
  );

  app.post(
    "/api/v1/users",
    { schema: { tags, summary: "Create an account with one role (system administrators); the initial password must be changed at the first sign-in", body: CreateUser, response: { 201: User, ...errors } } },
    async (request, reply) => reply.code(201).send(await users.create(request.actor, request.body)),
  );

  app.get("/api/v1/users/:id", { schema: { tags, summary: "Read an account", params: Id, response: { 200: User, ...errors } } }, async (request) =>
    users.get(request.actor, request.params.id),
  );

  app.get(
    "/api/v1/users/:id/history",
    { schema: { tags, summary: "Every change to an account: who, when, before and after", params: Id, response: { 200: HistorySchema, ...errors } } },
    async (request) => users.history(request.actor, request.params.id),
  );

  app.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags,
        summary: "Change an account's name, role or scope (a change of rights ends its sessions and revokes its tokens); If-Match: <version> refuses a change over someone else's",
        params: Id,
        body: UpdateUser,
        response: { 200: User, ...errors },
      },
    },
    async (request) => users.update(request.actor, request.params.id, request.body, expectedVersion(request.headers["if-match"])),
  );

  app.put(
    "/api/v1/users/:id/password",
    { schema: { tags, summary: "Set a new initial password (to be changed at the next sign-in); ends the account's sessions", params: Id, body: SetPassword, response: { 200: User, ...errors } } },
    async (request) => users.setPassword(request.actor, request.params.id, request.body.password),
  );

  for (const action of ["disable", "enable", "unlock"] as const) {
    const summary = { disable: "Disable an account (ends its sessions)", enable: "Enable a disabled account", unlock: "Lift a lockout after failed sign-ins" }[action];
    app.post(`/api/v1/users/:id/${action}`, { schema: { tags, summary, params: Id, response: { 200: User, ...errors } } }, async (request) =>
      users[action](request.actor, request.params.id),
    );
  }

  app.get(
    "/api/v1/api-tokens",
    { schema: { tags, summary: "API tokens: one's own (security administrators: all)", response: { 200: z.array(ApiToken), 401: ErrorSchema, 403: ErrorSchema } } },
    async (request) => tokens.list(request.actor),
  );

  app.post(
    "/api/v1/api-tokens",
    {
      schema: {
        tags,
        summary: "Create an API token limited to some of one's permissions; the token is in this answer only (send it as Authorization: Bearer <token>)",
        body: CreateApiToken,
        response: { 201: CreatedApiToken, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await tokens.create(request.actor, request.body)),
  );

  app.delete(
    "/api/v1/api-tokens/:id",
    { schema: { tags, summary: "Revoke an API token", params: Id, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await tokens.revoke(request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
}

function expectedVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const text = (Array.isArray(header) ? header[0] : header)?.replace(/^W\//, "").replace(/"/g, "").trim() ?? "";
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw invalid("If-Match", "must be the record's version number", header);
  return version;
}
