/**
 * Edit distance (insertions, deletions, substitutions) counted in Unicode code points,
 * so a letter outside the BMP counts as one, as it does for the person typing it.
 *
 * @example
 * levenshtein('chat', 'chats'); // 1
 */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Two rows are enough: row i only depends on row i - 1.
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const substitution = (previous[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[t.length] as number;
}

/** Length in code points, the unit `levenshtein` counts in. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
