// An amount of fen on screen, in the locale's units (万元/亿元 in Chinese, yuan in English).
import type { MoneyOptions } from "../format/money.ts";
import { useI18n } from "../i18n/i18n.tsx";

export function Money({ fen, ...options }: { fen: string | bigint | null | undefined } & MoneyOptions) {
  const { money } = useI18n();
  if (fen === null || fen === undefined) return <span className="empty-value">—</span>;
  return <span className="money">{money(fen, options)}</span>;
}
