import { z } from 'zod';

/** The four stores `GET /search/{type}` reads (the type is matched case-insensitively by the service). */
export const SEARCH_TYPES = ['actors', 'executions', 'workers', 'logs'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * One search document: the stored document, not an object's display, so it is an open record. Its top-level keys
 * are camelCase or snake_case with the server's key case; times are display strings.
 */
export const SearchDocumentSchema = z.record(z.string(), z.unknown());
export type SearchDocument = z.output<typeof SearchDocumentSchema>;

const count = z.number().int().min(0);

/** `_metadata` of a search: the count before paging, the paging applied, and how many documents came back. */
export const searchMetadataShape = {
  totalCount: count,
  recordsSkipped: count,
  recordLimit: count,
  countReturned: count,
};

/** The search result, `{_metadata, search}`, in camel case: the one definition of its wire shape. */
export const searchResultShape = {
  _metadata: z.strictObject(searchMetadataShape),
  search: z.array(SearchDocumentSchema),
};

/** What the emulator replies through (strict: an unknown key is a bug of the emulator). */
export const SearchResultDisplaySchema = z.strictObject(searchResultShape);

/** What the client accepts: lenient, with defaults, from the same shape. */
export const SearchResultSchema = z.looseObject({
  _metadata: z.looseObject({
    totalCount: searchMetadataShape.totalCount.default(0),
    recordsSkipped: searchMetadataShape.recordsSkipped.default(0),
    recordLimit: searchMetadataShape.recordLimit.default(0),
    countReturned: searchMetadataShape.countReturned.default(0),
  }),
  search: searchResultShape.search.default([]),
});
export type SearchResult = z.output<typeof SearchResultSchema>;
