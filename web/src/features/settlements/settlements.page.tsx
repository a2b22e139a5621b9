// Settlements: to be built (run, confirm per side, statement with "why this number", downloads).
import { PendingApiPage } from "../pending/pending-api.page.tsx";

export function SettlementsPage() {
  return <PendingApiPage />;
}
