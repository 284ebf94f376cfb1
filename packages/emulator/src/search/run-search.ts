import type { KeyCase, SearchType } from '@actorkit/api';
import type { Request } from 'express';
import type { Store } from '../store/store.js';
import { fieldConditions, type FieldCondition } from './field-filters.js';
import { matchesAll } from './filter-match.js';
import { searchCorpus, type SearchScope } from './search-corpus.js';
import { searchDisplay } from './search-display.js';
import { searchPaging } from './search-paging.js';
import { parseTextSearch, textScore, textSearchString } from './text-search.js';

export interface SearchInput {
  type: SearchType;
  /** The query parameters in order, first value of each (`queryParams`). */
  params: readonly (readonly [string, string])[];
  /** Equality conditions on the stored document added by a list route (snake keys, values compared as given). */
  prefill: Readonly<Record<string, string>>;
  keyCase: KeyCase;
  scope: SearchScope;
}

/** The search result in camel case, as `SearchResultDisplaySchema` describes it. */
export interface SearchOutput {
  _metadata: { totalCount: number; recordsSkipped: number; recordLimit: number; countReturned: number };
  search: Record<string, unknown>[];
}

/**
 * One search (fidelity §7): the caller's documents of the type, kept when the full text and every field filter
 * match, sorted by text score (descending; ties keep insertion order), then skipped and limited. Bad input throws
 * an HttpError 400 before any document is read. Linear in the tenant's documents of the type.
 */
export function runSearch(store: Store, req: Request, input: SearchInput): SearchOutput {
  const first = (name: string) => input.params.find(([k]) => k === name)?.[1];
  const paging = searchPaging(first('skip'), first('limit'));
  const text = parseTextSearch(textSearchString(input.scope.tenant, first('search'), first('exactsearch')));
  const conditions: FieldCondition[] = [
    ...fieldConditions(input.params, input.keyCase),
    ...Object.entries(input.prefill).map(([key, value]): FieldCondition => ({
      key,
      path: key.split('.'),
      operator: 'eq',
      value,
    })),
  ];
  const scored = searchCorpus(store, req, input.type, input.scope).flatMap((doc, order) => {
    if (!matchesAll(doc, conditions)) return [];
    const score = textScore(doc, text);
    return score === null ? [] : [{ doc, score, order }];
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const page = paging.limit === 0 ? [] : scored.slice(paging.skip, paging.skip + paging.limit);
  return {
    _metadata: {
      totalCount: scored.length,
      recordsSkipped: paging.skip,
      recordLimit: paging.limit,
      countReturned: page.length,
    },
    search: page.map(({ doc }) => searchDisplay(input.type, doc)),
  };
}
