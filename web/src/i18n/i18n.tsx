// The console's two languages. Each has its own catalogue (messages.zh-CN.ts, messages.en-US.ts, same keys);
// the choice is remembered in localStorage; money, numbers and dates follow the chosen locale.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { formatDate, formatDateTime } from "../format/dates.ts";
import { formatMoney, type Locale, type MoneyOptions } from "../format/money.ts";
import { enUS } from "./messages.en-US.ts";
import { zhCN, type MessageKey } from "./messages.zh-CN.ts";

export type { Locale, MessageKey };

export const locales: readonly Locale[] = ["zh-CN", "en-US"];
export const catalogues: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, "en-US": enUS };

const storageKey = "shanhai.locale";

export function storedLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (stored === "zh-CN" || stored === "en-US") return stored;
  } catch {
    // Storage blocked (private mode): fall back to Chinese, the language of the counties.
  }
  return "zh-CN";
}

/** Fills {name} placeholders in a message. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Has the catalogue this key? For keys built from data (a stage, a field name). */
  has: (key: string) => key is MessageKey;
  money: (fen: string | bigint, options?: MoneyOptions) => string;
  date: (isoDate: string | null | undefined) => string;
  dateTime: (isoInstant: string | null | undefined) => string;
  number: (value: number | bigint) => string;
};

export function makeI18n(locale: Locale, setLocale: (locale: Locale) => void = () => {}): I18n {
  const messages = catalogues[locale];
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    locale,
    setLocale,
    t: (key, params) => interpolate(messages[key], params),
    has: (key: string): key is MessageKey => key in messages,
    money: (fen, options) => formatMoney(fen, locale, options),
    date: (isoDate) => formatDate(isoDate, locale),
    dateTime: (isoInstant) => formatDateTime(isoInstant, locale),
    number: (value) => numberFormat.format(value),
  };
}

const I18nContext = createContext<I18n>(makeI18n("zh-CN"));

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? storedLocale());
  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered, but still switched.
    }
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => makeI18n(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
