// Labels of the console's settlements pages in en-US: the same keys as settlements.zh-CN.ts.
import type { settlementsZhCN } from "./settlements.zh-CN.ts";

export const settlementsEnUS: Record<keyof typeof settlementsZhCN, string> = {
};
