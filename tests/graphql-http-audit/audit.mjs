// The GraphQL-over-HTTP conformance audit of graphql-http (`auditServer`, pinned in
// package-lock.json) against one GraphQL endpoint.
//
//   node audit.mjs http://127.0.0.1:4001/graphql
//
// Prints one JSON line per audit, `{"id","name","status","reason"}` (status `ok`, or `notice`
// for a failed MAY, `warn` for a failed SHOULD, `error` for a failed MUST; reason null when ok;
// a failed audit also carries `response`: the status, content type and start of the body it
// got), then one summary line,
// `{"summary":{"total":…,"ok":…,"notice":…,"warn":…,"error":…}}` (with `fatal` when the audit
// could not run at all, e.g. nothing answers at the URL). Always exits 0: the caller
// (tests/tests/it/http_conformance.rs) decides what passes.
//
// The audit's requests are anonymous. `AUDIT_HEADERS` (a JSON object, e.g.
// `{"authorization":"Bearer …"}`) adds headers to every one of them, to see which results
// depend on credentials.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.log(JSON.stringify({ summary: { total: 0, fatal: 'usage: node audit.mjs <url>' } }));
  process.exit(0);
}

/** What a failed audit got back, for the report: status, content type, start of the body. */
async function describe(response) {
  if (!response) return undefined;
  let body;
  try {
    body = (await response.text()).slice(0, 500);
  } catch {
    body = '(body already read)';
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body,
  };
}

let extraHeaders = {};
try {
  extraHeaders = JSON.parse(process.env.AUDIT_HEADERS || '{}');
} catch (error) {
  console.log(JSON.stringify({ summary: { total: 0, fatal: `AUDIT_HEADERS: ${error}` } }));
  process.exit(0);
}

/** fetch, with the extra headers added to each request's own. */
function fetchWithHeaders(input, init = {}) {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return fetch(input, { ...init, headers });
}

let results;
try {
  results = await auditServer({ url, fetchFn: fetchWithHeaders });
} catch (error) {
  const cause = error?.cause ? `\ncause: ${error.cause}` : '';
  console.log(JSON.stringify({ summary: { total: 0, fatal: `${error?.stack ?? error}${cause}` } }));
  process.exit(0);
}

const counts = { total: results.length, ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] = (counts[result.status] ?? 0) + 1;
  const line = {
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.reason ?? null,
  };
  if (result.status !== 'ok') line.response = await describe(result.response);
  console.log(JSON.stringify(line));
}
console.log(JSON.stringify({ summary: counts }));
process.exit(0);
