// Which parties the signed-in user may confirm a run for, as far as the console can tell before asking: the
// session's permission (sharing.confirm) and, for an account scoped to a county, that county only
// (docs/permissions.md). The server decides every confirmation; this only hides buttons that cannot work.
import type { SessionInfo } from "../../../../contracts/accounts.ts";
import { useApi } from "../../api/use-api.ts";
import { can, type Access } from "../../app/access.ts";
import { useAccess, useSession } from "../../app/session.tsx";

export function mayConfirmFor(party: string, access: Access, regionScope: string | undefined): boolean {
  if (!can("sharing.confirm", access)) return false;
  return regionScope === undefined || regionScope === party;
}

/** mayConfirm(party), and whether the answer is known yet (the session's scope is read once). */
export function useConfirmScope(): { mayConfirm: (party: string) => boolean; loading: boolean } {
  const session = useSession();
  const access = useAccess();
  const signedIn = session.status === "signed-in";
  const info = useApi<SessionInfo>(signedIn ? "/api/v1/session" : null);
  const regionScope = info.data?.actor.scope.regionCode;
  const loading = signedIn && info.loading;
  return { mayConfirm: (party) => !loading && mayConfirmFor(party, access, regionScope), loading };
}
