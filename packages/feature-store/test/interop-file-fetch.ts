import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ICEBERG_FIXTURES } from './iceberg-fixtures.js';

/** Where icebird sends `s3://hyperparam-iceberg/...` (it rewrites S3 URIs to virtual-hosted HTTPS). */
const FIXTURE_BUCKET_URL = 'https://hyperparam-iceberg.s3.amazonaws.com/';

/**
 * A `fetch` for icebird that serves `file://` URLs and the fixture bucket's HTTPS URLs from local disk, with
 * `Range: bytes=a-b` support (206). Every other URL is refused, so a test can never reach the network.
 */
export async function fileFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  let path: string;
  if (url.startsWith('file://')) path = fileURLToPath(url);
  else if (url.startsWith(FIXTURE_BUCKET_URL))
    path = `${ICEBERG_FIXTURES}hyperparam-iceberg/${url.slice(FIXTURE_BUCKET_URL.length)}`;
  else return new Response(`no network in tests: ${url}`, { status: 403 });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return new Response('not found', { status: 404 });
  }
  const range = new Headers(init?.headers).get('Range');
  const match = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
  if (!match) return new Response(new Uint8Array(bytes), { status: 200 });
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]) + 1, bytes.length) : bytes.length;
  return new Response(new Uint8Array(bytes.subarray(start, end)), {
    status: 206,
    headers: { 'Content-Range': `bytes ${start}-${end - 1}/${bytes.length}` },
  });
}
