// A party of a run by name: the region's name in the console's language when the party is a county (its
// GB/T 2260 code), otherwise the name the terms give it, marked with its own language.
import { useRegions } from "../../app/regions.tsx";
import { DataText, Localized, pick } from "../../components/localized-text.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export function PartyName({ code, name }: { code: string; name?: string }) {
  const region = useRegions().byCode.get(code);
  if (region) return <Localized zh={region.nameZh} en={region.nameEn} />;
  return <DataText text={name ?? code} />;
}

/** The same as plain text, for labels and messages. */
export function usePartyText(): (code: string, name?: string) => string {
  const { byCode } = useRegions();
  const { locale } = useI18n();
  return (code, name) => {
    const region = byCode.get(code);
    return region ? pick(locale, region.nameZh, region.nameEn) : (name ?? code);
  };
}
