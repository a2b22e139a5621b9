// Data shown in the console's language where the record has both, and marked with its own language (lang) where
// it has only the other one — so screen readers read it right and no label is ever left untranslated.
import type { ReactNode } from "react";
import { useI18n, type Locale } from "../i18n/i18n.tsx";

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
const latin = /[A-Za-z]/;

/** The language a piece of data is written in, as far as the script tells: zh-CN, en-US, or neither (digits). */
export function languageOf(text: string): Locale | undefined {
  if (cjk.test(text)) return "zh-CN";
  if (latin.test(text)) return "en-US";
  return undefined;
}

/** Data text: a <span lang> when its language is not the console's. */
export function DataText({ text, children }: { text: string | null | undefined; children?: ReactNode }) {
  const { locale } = useI18n();
  if (!text) return <>{children ?? null}</>;
  const lang = languageOf(text);
  return lang && lang !== locale ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/** Picks the text of the console's language from a zh/en pair, falling back to the other. */
export function pick(locale: Locale, zh: string | null | undefined, en: string | null | undefined): string {
  return (locale === "zh-CN" ? zh || en : en || zh) ?? "";
}

export function Localized({ zh, en }: { zh: string | null | undefined; en: string | null | undefined }) {
  const { locale } = useI18n();
  return <DataText text={pick(locale, zh, en)} />;
}
