// The session cookie: `__Host-shanhai_session` when the request came over HTTPS (x-forwarded-proto counts only
// with SHANHAI_TRUST_PROXY), else `shanhai_session`; HttpOnly, SameSite=Lax, Path=/, Secure on HTTPS. It lives as
// long as the browser session; the server ends it on idle and at its absolute lifetime.
import type { FastifyRequest } from "fastify";

export const plainCookieName = "shanhai_session";
export const httpsCookieName = "__Host-shanhai_session";

const https = (request: FastifyRequest): boolean => request.protocol === "https";

export function sessionCookieName(request: FastifyRequest): string {
  return https(request) ? httpsCookieName : plainCookieName;
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const name = sessionCookieName(request);
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || undefined; // base64url: nothing to decode
  }
  return undefined;
}

function attributes(request: FastifyRequest): string {
  return `Path=/; HttpOnly; SameSite=Lax${https(request) ? "; Secure" : ""}`;
}

export function sessionCookie(request: FastifyRequest, token: string): string {
  return `${sessionCookieName(request)}=${token}; ${attributes(request)}`;
}

export function clearedSessionCookie(request: FastifyRequest): string {
  return `${sessionCookieName(request)}=; ${attributes(request)}; Max-Age=0`;
}
