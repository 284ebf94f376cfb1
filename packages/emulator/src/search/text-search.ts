/**
 * The service's full-text search (`arg_parser`): a Mongo `$text` search string that always starts with the phrase
 * `"<tenant>"`, then the `search` words, then the `exactsearch` text as one more phrase. Read as Mongo reads it:
 * - a quoted phrase must appear in the document (case-insensitive; phrases are ANDed);
 * - a word or phrase prefixed with `-` must not appear;
 * - bare words filter only when there is no phrase, which never happens here (the tenant phrase is always there),
 *   so they only rank.
 * The emulator's score (Mongo's `textScore` is not reproduced): the number of distinct bare words found as whole
 * words in the document, plus the number of phrases. Words are compared lower-cased, without stemming.
 */
export interface TextQuery {
  phrases: string[];
  excludedPhrases: string[];
  words: string[];
  excludedWords: string[];
}

/** Words as the text index splits them: runs of letters, digits and underscores, lower-cased. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0);
}

/** The `$search` string the service builds from the query. Empty `search`/`exactsearch` count as absent. */
export function textSearchString(
  tenant: string,
  search: string | undefined,
  exact: string | undefined,
): string {
  let text = `"${tenant}"`;
  if (search) text += ` ${search}`;
  if (exact) text += ` "${exact}"`;
  return text;
}

/** Splits a Mongo `$search` string into phrases and words, with their negations. */
export function parseTextSearch(text: string): TextQuery {
  const query: TextQuery = { phrases: [], excludedPhrases: [], words: [], excludedWords: [] };
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const negated = text[i] === '-';
    const start = negated ? i + 1 : i;
    if (text[start] === '"') {
      const close = text.indexOf('"', start + 1);
      const end = close === -1 ? text.length : close;
      const phrase = text.slice(start + 1, end).toLowerCase();
      if (phrase.trim()) (negated ? query.excludedPhrases : query.phrases).push(phrase);
      i = end + 1;
      continue;
    }
    let end = start;
    while (end < text.length && !/\s/.test(text[end] ?? '') && text[end] !== '"') end++;
    (negated ? query.excludedWords : query.words).push(...wordsOf(text.slice(start, end)));
    i = end;
  }
  return query;
}

/** Every string a value holds, nested ones included. */
function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value as Record<string, unknown>)) stringsIn(v, out);
  }
  return out;
}

/** The strings the text index covers: every stored string field; the `_links` are built for display, not stored. */
function storedStrings(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(doc)) if (key !== '_links') stringsIn(value, out);
  return out;
}

/** The document's score for the query, or null when the query excludes it. */
export function textScore(doc: Record<string, unknown>, query: TextQuery): number | null {
  const strings = storedStrings(doc).map((s) => s.toLowerCase());
  const contains = (phrase: string) => strings.some((s) => s.includes(phrase));
  if (!query.phrases.every(contains)) return null;
  if (query.excludedPhrases.some(contains)) return null;
  const words = new Set(strings.flatMap(wordsOf));
  if (query.excludedWords.some((w) => words.has(w))) return null;
  const found = new Set(query.words.filter((w) => words.has(w)));
  if (query.phrases.length === 0 && query.words.length > 0 && found.size === 0) return null;
  return found.size + query.phrases.length;
}
