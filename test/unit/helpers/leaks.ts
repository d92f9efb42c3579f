// How much of a token a text gives away: the longest run of the token's characters that appears in it.

/** The length of the longest substring of `token` found in `text` (0 when none of it is there). */
export function longestLeak(text: string, token: string): number {
  let best = 0;
  for (let start = 0; start < token.length - best; start++) {
    // Grow the run from `start` while it is still in the text; only runs longer than the best so far matter.
    let length = best + 1;
    while (start + length <= token.length && text.includes(token.slice(start, start + length))) length++;
    best = Math.max(best, length - 1);
  }
  return best;
}
