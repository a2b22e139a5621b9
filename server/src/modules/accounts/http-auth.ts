// Who is calling: a bearer token, else the session cookie (writes with it need the CSRF header), else nobody
// (null: the app decides what an anonymous caller is). A stale cookie on an API route is a 401 that also clears
// the cookie; elsewhere (the home page, the docs) the caller is simply anonymous.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.ts";
import { DomainError } from "../../platform/errors.ts";
import { clearedSessionCookie, readSessionCookie } from "./session-cookie.ts";
import { SessionEnded, type SessionsService } from "./sessions.service.ts";

export const signInRoute = "/api/v1/session";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function requestContext(request: FastifyRequest): { remoteAddress: string | null; userAgent: string | null } {
  const agent = request.headers["user-agent"];
  return { remoteAddress: request.ip ?? null, userAgent: typeof agent === "string" ? agent.slice(0, 300) : null };
}

export function httpAuthenticator(sessions: SessionsService): (request: FastifyRequest, reply: FastifyReply) => Promise<Actor | null> {
  return async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!bearer?.[1]) throw new DomainError("unauthenticated", "auth.invalid_token", "The Authorization header must be: Bearer <API token>.");
      return sessions.authenticateToken(bearer[1], requestContext(request));
    }
    const token = readSessionCookie(request);
    if (!token) return null;
    // Signing in replaces whatever session the browser had; the sign-in route reads the old cookie itself.
    if (request.method === "POST" && request.routeOptions.url === signInRoute) return null;
    const csrf = request.headers["x-csrf-token"];
    try {
      return await sessions.authenticateSession(token, {
        ...requestContext(request),
        unsafe: !safeMethods.has(request.method),
        csrfToken: typeof csrf === "string" ? csrf : undefined,
      });
    } catch (error) {
      if (!(error instanceof SessionEnded)) throw error;
      reply.header("set-cookie", clearedSessionCookie(request));
      if (request.url.startsWith("/api/")) throw error;
      return null;
    }
  };
}
