import { HttpError } from './http-error.js';

/**
 * A minimal reader of `multipart/form-data` bodies (RFC 7578), for what the service reads through Flask's
 * `request.form`: the text fields, e.g. `curl -F message=hello`. File parts (those with a filename) are not
 * form fields, in Flask as here, and are skipped. The body is already in memory and capped by the body parser;
 * the number of parts and the size of each part's headers are capped here.
 */
export interface MultipartLimits {
  maxParts: number;
  maxHeaderBytes: number;
}

export const DEFAULT_MULTIPART_LIMITS: MultipartLimits = { maxParts: 1000, maxHeaderBytes: 16 * 1024 };

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function malformed(why: string): HttpError {
  return HttpError.badRequest(
    `the multipart/form-data body is malformed (${why}); send the fields as curl -F name=value does, or as JSON`,
  );
}

/** The parameters of a header value such as `form-data; name="a"; filename="b.txt"`, lower-cased names. */
export function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  let i = value.indexOf(';');
  while (i !== -1 && i < value.length) {
    i++;
    while (value[i] === ' ' || value[i] === '\t') i++;
    const eq = value.indexOf('=', i);
    if (eq === -1) break;
    const name = value.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    let param = '';
    if (value[j] === '"') {
      // A quoted string: a backslash escapes the next character (curl writes `\"` inside names).
      for (j++; j < value.length && value[j] !== '"'; j++)
        param += value[j] === '\\' ? (value[++j] ?? '') : value[j];
      j = value.indexOf(';', j);
    } else {
      const end = value.indexOf(';', j);
      param = value.slice(j, end === -1 ? undefined : end).trim();
      j = end;
    }
    params.set(name, param);
    i = j;
  }
  return params;
}

/** The boundary of a `multipart/form-data` content type; null when there is none. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const boundary = headerParams(contentType).get('boundary');
  return boundary && boundary.length <= 70 ? boundary : null;
}

/** The text fields of a multipart body, in order; a repeated name keeps its first value (Flask's `form.get`). */
export function multipartFields(
  body: Buffer,
  boundary: string,
  limits: MultipartLimits = DEFAULT_MULTIPART_LIMITS,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.concat([CRLF, delimiter]);
  // The first delimiter opens the body, or follows a preamble and a CRLF.
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(next);
  if (at === -1) throw malformed(`no boundary ${boundary} in the body`);
  if (at > 0) at += CRLF.length;
  for (let parts = 0; ; parts++) {
    at += delimiter.length;
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return fields; // `--`: the closing delimiter
    if (parts >= limits.maxParts) throw malformed(`more than ${limits.maxParts} parts`);
    while (body[at] === 0x20 || body[at] === 0x09) at++; // transport padding
    if (!body.subarray(at, at + 2).equals(CRLF)) throw malformed('a boundary line does not end with CRLF');
    at += CRLF.length;
    const headersEnd = body.indexOf(HEADER_END, at);
    if (headersEnd === -1 || headersEnd - at > limits.maxHeaderBytes) {
      throw malformed('a part has no end to its headers, or headers longer than 16 KiB');
    }
    const headers = body.subarray(at, headersEnd).toString('latin1').split('\r\n');
    const contentEnd = body.indexOf(next, headersEnd + HEADER_END.length);
    if (contentEnd === -1) throw malformed('a part is not closed by the boundary');
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h));
    if (!disposition) throw malformed('a part has no Content-Disposition header');
    const params = headerParams(disposition.slice(disposition.indexOf(':') + 1));
    const name = params.get('name');
    if (name === undefined) throw malformed('a part has no name');
    const isFile = params.has('filename') || params.has('filename*');
    // Names arrive as raw bytes in the header; browsers and curl send them as UTF-8.
    const key = Buffer.from(name, 'latin1').toString('utf8');
    if (!isFile && !Object.hasOwn(fields, key)) {
      // Defined, not assigned: a field named __proto__ is a field like any other.
      Object.defineProperty(fields, key, {
        value: body.subarray(headersEnd + HEADER_END.length, contentEnd).toString('utf8'),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    at = contentEnd + CRLF.length;
  }
}
