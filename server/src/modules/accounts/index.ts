// The accounts module's one door: users (one role each), sign-in sessions, API tokens, and the HTTP
// authenticator that turns a request's credentials into its actor.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SecurityConfig } from "../../config/config.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import type { AccountsDependencies } from "./accounts-context.ts";
import { accountsRoutes } from "./accounts.routes.ts";
import { httpAuthenticator } from "./http-auth.ts";
import { createSessionsService, type SessionsService } from "./sessions.service.ts";
import { createTokensService, type TokensService } from "./tokens.service.ts";
import { createUsersService, type UsersService } from "./users.service.ts";

export { httpsCookieName, plainCookieName } from "./session-cookie.ts";
export { hashPassword, passwordProblems } from "./passwords.ts";
export type { AccountsDependencies, SessionsService, TokensService, UsersService };

export type AccountsModule = {
  users: UsersService;
  sessions: SessionsService;
  tokens: TokensService;
  /** The actor of a request's credentials; null when it carries none. */
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null>;
  routes(app: HttpApp): void;
};

export type AccountsOptions = {
  security: SecurityConfig;
  /** The clock of the session rules (tests move it). */
  now?: () => Date;
  /** Whether this is a demo instance (known once the demo case is loaded). */
  isDemo?: () => boolean;
};

export function createAccountsModule(db: Db, deps: AccountsDependencies, options: AccountsOptions): AccountsModule {
  const context = { db, deps, security: options.security, now: options.now ?? (() => new Date()) };
  const users = createUsersService(context);
  const sessions = createSessionsService(context);
  const tokens = createTokensService(context);
  const isDemo = options.isDemo ?? (() => false);
  return {
    users,
    sessions,
    tokens,
    authenticate: httpAuthenticator(sessions),
    routes: (app) => accountsRoutes(app, { users, sessions, tokens }, { demo: isDemo }),
  };
}
