// What this server offers, read at run time: whether it is a demo instance (/api/health) and which APIs exist
// (/api/openapi.json). Menus for sign-in, settlements and the industry chain appear only when their API does.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { api, ApiError } from "../api/client.ts";

export type Capabilities = {
  loaded: boolean;
  demo: boolean;
  /** GET /api/v1/session exists: the console asks for sign-in. */
  session: boolean;
  settlements: string | undefined;
  chains: string | undefined;
  paths: readonly string[];
};

/** The server marks a demo instance in the page it serves, so the banner shows before any request. */
function demoFromPage(): boolean {
  return document.querySelector('meta[name="shanhai-demo"]')?.getAttribute("content") === "true";
}

const initial: Capabilities = {
  loaded: false,
  demo: false,
  session: false,
  settlements: undefined,
  chains: undefined,
  paths: [],
};

/** The features the console knows how to find in an OpenAPI document's paths. */
export function capabilitiesOf(
  paths: readonly string[],
): Pick<Capabilities, "session" | "settlements" | "chains"> {
  const first = (pattern: RegExp) =>
    paths.filter((p) => pattern.test(p) && !p.includes("{")).sort((a, b) => a.length - b.length)[0];
  return {
    session: paths.includes("/api/v1/session"),
    settlements: first(/^\/api\/v1\/(settlement|settlements|settlement-runs|sharing)(\/|$)/),
    chains: first(/^\/api\/v1\/(chains|industry-chains)(\/|$)/),
  };
}

const CapabilitiesContext = createContext<Capabilities>(initial);

export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<Capabilities>(() => ({ ...initial, demo: demoFromPage() }));
  useEffect(() => {
    let live = true;
    const health = api<{ demo?: boolean }>("/api/health").catch(() => undefined);
    const openapi = api<{ paths?: Record<string, unknown> }>("/api/openapi.json").catch(
      (error: unknown) => error,
    );
    void Promise.all([health, openapi]).then(([h, doc]) => {
      if (!live) return;
      // An OpenAPI document behind sign-in means accounts exist even though we cannot read the paths.
      const locked = doc instanceof ApiError && (doc.status === 401 || doc.status === 403);
      const paths =
        doc && !(doc instanceof Error) && typeof doc === "object" && "paths" in doc
          ? Object.keys(doc.paths ?? {})
          : [];
      const found = capabilitiesOf(paths);
      setValue({
        loaded: true,
        demo: h?.demo ?? demoFromPage(),
        paths,
        ...found,
        session: found.session || locked,
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return <CapabilitiesContext.Provider value={value}>{children}</CapabilitiesContext.Provider>;
}

export function useCapabilities(): Capabilities {
  return useContext(CapabilitiesContext);
}
