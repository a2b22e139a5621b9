// The industry chain: to be built (the chain drawn as a graph, nodes coloured by presence per county).
import { PendingApiPage } from "../pending/pending-api.page.tsx";

export function ChainsPage() {
  return <PendingApiPage />;
}
