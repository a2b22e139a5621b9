// Links to records by id: the record's page in the console.
import type { ReactNode } from "react";
import { Link } from "../app/router.tsx";

export const recordPath = {
  agreement: (id: string) => `/agreements/${id}`,
  enclave: (id: string) => `/enclaves/${id}`,
  enterprise: (id: string) => `/enterprises/${id}`,
  project: (id: string) => `/projects/${id}`,
  activity: (id: string) => `/cooperation/${id}`,
  region: (code: string) => `/regions/${code}`,
};

export function RecordLink({ to, children }: { to: string; children: ReactNode }) {
  return <Link to={to}>{children}</Link>;
}
