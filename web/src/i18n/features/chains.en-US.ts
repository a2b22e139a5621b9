// Labels of the console's chains pages in en-US: the same keys as chains.zh-CN.ts.
import type { chainsZhCN } from "./chains.zh-CN.ts";

export const chainsEnUS: Record<keyof typeof chainsZhCN, string> = {
};
