/**
 * Reads the search index's packed files for Pagefind (src/model/search-pack.ts). Pagefind fetches each fragment and
 * index chunk by its own address; this answers those requests, and only those, from the part's pack with an HTTP
 * range request, after reading the table of where the file lies (once per table). A host that ignores ranges sends
 * the whole pack: it is kept and the file cut from it, so search still works, at the cost of that download.
 */
import { PACK_FOLDER, packedRange, packedRequest, tablePath, type PackTable } from '../model/search-pack';

/** Makes every later `fetch` of a packed file of the search bundle at `bundle` (a path ending in `/`) read its pack. */
export function readPacks(bundle: string): void {
  const fetchFile = globalThis.fetch.bind(globalThis);
  const tables = new Map<string, Promise<PackTable>>();
  /**
   * For each pack, once its host has answered the first request for a range of it: null when it sent the range, else
   * the whole pack it sent instead. Requests made meanwhile wait for that answer, so a pack comes whole only once.
   */
  const hosts = new Map<string, Promise<ArrayBuffer | null>>();

  const ok = (response: Response, url: string): Response => {
    if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
    return response;
  };

  /** Bytes `start` to `end` (exclusive) of the pack at `url`. */
  const readRange = async (url: string, start: number, end: number): Promise<ArrayBuffer> => {
    const range = async () => ok(await fetchFile(url, { headers: { Range: `bytes=${start}-${end - 1}` } }), url);
    let host = hosts.get(url);
    if (!host) {
      const first = range();
      host = first.then((response) => (response.status === 206 ? null : response.arrayBuffer()));
      hosts.set(url, host);
      // A failed download is tried again by the next search, not remembered.
      host.catch(() => hosts.delete(url));
      const response = await first;
      if (response.status === 206) return response.arrayBuffer();
    }
    const whole = await host;
    return whole ? whole.slice(start, end) : (await range()).arrayBuffer();
  };

  globalThis.fetch = async (input, init) => {
    const request = packedRequest(new URL(input instanceof Request ? input.url : input, location.href).pathname, bundle);
    if (!request) return fetchFile(input, init);
    const tableUrl = `${request.index}${tablePath(request.shard)}`;
    let loading = tables.get(tableUrl);
    if (!loading) {
      loading = fetchFile(tableUrl).then(async (response) => (await ok(response, tableUrl).json()) as PackTable);
      tables.set(tableUrl, loading);
      loading.catch(() => tables.delete(tableUrl));
    }
    const table = await loading;
    const range = packedRange(table, request.path);
    if (!range) return new Response(null, { status: 404, statusText: `${request.path} is not in its pack` });
    const bytes = await readRange(`${request.index}${PACK_FOLDER}/${table.pack}`, ...range);
    return new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
  };
}
