// Labels of the console's forms pages in en-US: the same keys as forms.zh-CN.ts.
import type { formsZhCN } from "./forms.zh-CN.ts";

export const formsEnUS: Record<keyof typeof formsZhCN, string> = {
};
