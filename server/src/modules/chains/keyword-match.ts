// Product text → chain nodes by keyword. Text is compared after NFKC (full-width ＡＢＳ is ABS) and lower-casing.
// Keywords with Chinese characters match as substrings (Chinese has no spaces); the others match whole words, where a
// word is a run of Latin letters and digits (so "die" does not match inside "diecast", and a hyphen or a Chinese
// character ends a word) and a plural -s/-es on a product word is accepted (product "castings" matches "casting").
// A hit inside a longer hit of the same product is dropped: 轴承 (bearings) must not also count as 轴 (shafts).
import type { ChainNode } from "./chain-graph.ts";

export type KeywordHit = { nodePosition: number; product: string; keyword: string };

export type KeywordMatcher = { match(product: string): KeywordHit[] };

type Entry = { keyword: string; nodes: number[] };
type WordEntry = Entry & { tokens: string[] };
type Span = { start: number; end: number; entry: Entry };

const han = /\p{Script=Han}/u;

export const normaliseText = (text: string): string => text.normalize("NFKC").toLowerCase().trim();

export function wordsOf(text: string): string[] {
  return normaliseText(text)
    .split(/[^a-z0-9\u00c0-\u024f]+/)
    .filter((w) => w !== "");
}

const wordMatches = (word: string, keywordWord: string) =>
  word === keywordWord || word === `${keywordWord}s` || word === `${keywordWord}es`;

export function compileKeywords(nodes: readonly ChainNode[]): KeywordMatcher {
  // One entry per distinct normalised keyword, listing every node that carries it.
  const substring = new Map<string, Entry>();
  const words = new Map<string, WordEntry>();
  nodes.forEach((node, position) => {
    for (const keyword of [...node.keywordsZh, ...node.keywordsEn]) {
      const text = normaliseText(keyword);
      if (han.test(text)) {
        const entry = substring.get(text) ?? { keyword, nodes: [] };
        if (!entry.nodes.includes(position)) entry.nodes.push(position);
        substring.set(text, entry);
      } else {
        const tokens = wordsOf(text);
        if (tokens.length === 0) continue;
        const key = tokens.join(" ");
        const entry = words.get(key) ?? { keyword, nodes: [], tokens };
        if (!entry.nodes.includes(position)) entry.nodes.push(position);
        words.set(key, entry);
      }
    }
  });
  // Indexed by first character / first word, so a product is scanned once instead of once per keyword.
  const byFirstChar = new Map<string, [string, Entry][]>();
  for (const [text, entry] of substring) {
    const first = text[0] as string;
    byFirstChar.set(first, [...(byFirstChar.get(first) ?? []), [text, entry]]);
  }
  const byFirstWord = new Map<string, WordEntry[]>();
  for (const entry of words.values()) {
    const first = entry.tokens[0] as string;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), entry]);
  }

  const substringSpans = (text: string): Span[] => {
    const spans: Span[] = [];
    for (let i = 0; i < text.length; i++) {
      for (const [keyword, entry] of byFirstChar.get(text[i] as string) ?? []) {
        if (text.startsWith(keyword, i)) spans.push({ start: i, end: i + keyword.length, entry });
      }
    }
    return spans;
  };

  const wordSpans = (tokens: readonly string[]): Span[] => {
    const spans: Span[] = [];
    tokens.forEach((word, i) => {
      const heads = new Set([
        word,
        word.endsWith("s") ? word.slice(0, -1) : word,
        word.endsWith("es") ? word.slice(0, -2) : word,
      ]);
      for (const head of heads) {
        for (const entry of byFirstWord.get(head) ?? []) {
          const fits = entry.tokens.every((k, j) => {
            const w = tokens[i + j];
            return w !== undefined && wordMatches(w, k);
          });
          if (fits) spans.push({ start: i, end: i + entry.tokens.length, entry });
        }
      }
    });
    return spans;
  };

  return {
    match(product) {
      const text = normaliseText(product);
      const hits: KeywordHit[] = [];
      for (const span of [...outermost(substringSpans(text)), ...outermost(wordSpans(wordsOf(text)))]) {
        for (const nodePosition of span.entry.nodes)
          hits.push({ nodePosition, product: product.trim(), keyword: span.entry.keyword });
      }
      return hits;
    },
  };
}

/** Drops spans lying inside a strictly longer span; spans of equal extent (one keyword, two nodes) all stay. */
function outermost(spans: Span[]): Span[] {
  return spans.filter(
    (s) => !spans.some((o) => o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start),
  );
}
