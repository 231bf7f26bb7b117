// The checker's one rule for splitting a short stretch of text into words; used wherever
// two pieces of text are compared word by word (expansions, explanations).

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
