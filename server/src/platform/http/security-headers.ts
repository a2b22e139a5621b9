// Headers on every response (errors and 404s included): a Content-Security-Policy that forbids framing and
// allows what the home page, the web app and /docs (Swagger UI: its own scripts, inline styles, data: images)
// need; nosniff; no referrer leaving the site; HSTS when the request came over HTTPS; no caching of API answers;
// and, on a demo instance, x-shanhai-demo: true.
import type { HttpApp } from "./app.ts";

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(app: HttpApp, options: { demo: boolean }): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("content-security-policy", contentSecurityPolicy);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    reply.header("cross-origin-opener-policy", "same-origin");
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    if (options.demo) reply.header("x-shanhai-demo", "true");
    return payload;
  });
}
