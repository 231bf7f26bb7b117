// The peers Selge is measured against, each wrapped as "text in, number of findings out".
// write-good: a fast rule-based English prose linter. retext-simplify: wooorm's unified
// plugin that flags complex words, the closest well-known library to a jargon checker.

import { retext } from 'retext';
import retextSimplify from 'retext-simplify';
import writeGood from 'write-good';

export type Tool = (text: string) => number;

export const writeGoodTool: Tool = (text) => writeGood(text).length;

const simplify = retext().use(retextSimplify);

export const retextSimplifyTool: Tool = (text) => simplify.processSync(text).messages.length;
