// Sign-in, when the server has accounts (GET/POST/DELETE /api/v1/session, a session cookie, and an
// x-csrf-token header on writes). Without that API the console works without sign-in, as the local operator.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from "../api/client.ts";
import { can, type Access } from "./access.ts";
import { useCapabilities } from "./capabilities.tsx";

export type SessionUser = {
  id: string | undefined;
  name: string;
  roles: string[];
  permissions: string[] | undefined;
};

export type SessionState =
  | { status: "loading" }
  | { status: "disabled" }
  | { status: "signed-out"; expired?: boolean }
  | { status: "signed-in"; user: SessionUser };

export type SessionApi = SessionState & {
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
};

type Loose = Record<string, unknown>;

const asRecord = (v: unknown): Loose | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : undefined;
const asString = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** Reads the session answer leniently: { user, csrfToken }, { account }, or the user itself. */
export function readSession(body: unknown): { user: SessionUser | undefined; csrfToken: string | undefined } {
  const root = asRecord(body);
  if (!root) return { user: undefined, csrfToken: undefined };
  const csrfToken =
    asString(root.csrfToken) ?? asString(root.csrf) ?? asString(asRecord(root.session)?.csrfToken);
  const holder =
    "user" in root ? root.user : "account" in root ? root.account : "actor" in root ? root.actor : root;
  const u = asRecord(holder);
  if (!u) return { user: undefined, csrfToken };
  const rawRoles = Array.isArray(u.roles) ? u.roles : u.role !== undefined ? [u.role] : [];
  const roles = rawRoles
    .map(
      (r) =>
        asString(r) ??
        asString(asRecord(r)?.role) ??
        asString(asRecord(r)?.name) ??
        asString(asRecord(r)?.code),
    )
    .filter((r): r is string => r !== undefined);
  const name =
    asString(u.displayName) ??
    asString(u.name) ??
    asString(u.username) ??
    asString(u.login) ??
    asString(u.id);
  if (!name) return { user: undefined, csrfToken };
  // Permissions may sit beside the user (the session answer) or on it.
  const listed = Array.isArray(root.permissions)
    ? root.permissions
    : Array.isArray(u.permissions)
      ? u.permissions
      : undefined;
  const permissions = listed?.filter((p): p is string => typeof p === "string");
  return { user: { id: asString(u.id), name, roles, permissions }, csrfToken };
}

function csrfFromCookie(): string | undefined {
  const match = document.cookie.split("; ").find((c) => /csrf/i.test(c.split("=")[0] ?? ""));
  return match ? decodeURIComponent(match.slice(match.indexOf("=") + 1)) : undefined;
}

const SessionContext = createContext<SessionApi>({
  status: "disabled",
  signIn: async () => {},
  signOut: async () => {},
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const capabilities = useCapabilities();
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const load = useCallback(async () => {
    try {
      const body = await api<unknown>("/api/v1/session");
      const { user, csrfToken } = readSession(body);
      setCsrfToken(csrfToken ?? csrfFromCookie());
      setState(user ? { status: "signed-in", user } : { status: "signed-out" });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 404))
        setState({ status: "signed-out" });
      else setState({ status: "signed-out" });
    }
  }, []);

  useEffect(() => {
    if (!capabilities.loaded) return;
    if (!capabilities.session) {
      setState({ status: "disabled" });
      return;
    }
    void load();
  }, [capabilities.loaded, capabilities.session, load]);

  useEffect(() => {
    if (state.status !== "signed-in") return;
    // A session that ends on the server (idle timeout, sign-out elsewhere) sends the user back to sign-in.
    setUnauthorizedHandler(() => setState({ status: "signed-out", expired: true }));
    return () => setUnauthorizedHandler(undefined);
  }, [state.status]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const body = await api<unknown>("/api/v1/session", { method: "POST", body: { username, password } });
      const { csrfToken } = readSession(body);
      if (csrfToken) setCsrfToken(csrfToken);
      await load();
    },
    [load],
  );

  const signOut = useCallback(async () => {
    await api<unknown>("/api/v1/session", { method: "DELETE" }).catch(() => undefined);
    setCsrfToken(undefined);
    setState({ status: "signed-out" });
  }, []);

  const value = useMemo(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  return useContext(SessionContext);
}

/** What the signed-in user may do; undefined when the server has no accounts. */
export function useAccess(): Access {
  const session = useSession();
  return session.status === "signed-in"
    ? { roles: session.user.roles, permissions: session.user.permissions }
    : undefined;
}

/** Whether to offer an action that needs `permission` (e.g. "enterprise.create"). */
export function useCan(permission: string): boolean {
  return can(permission, useAccess());
}
