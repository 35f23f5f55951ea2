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
  const wholePacks = new Map<string, Promise<ArrayBuffer>>();

  const load = <T>(cache: Map<string, Promise<T>>, url: string, read: () => Promise<T>): Promise<T> => {
    let loading = cache.get(url);
    if (!loading) {
      loading = read();
      cache.set(url, loading);
      // A failed download is tried again by the next search, not remembered.
      loading.catch(() => cache.delete(url));
    }
    return loading;
  };

  const ok = (response: Response, url: string): Response => {
    if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
    return response;
  };

  globalThis.fetch = async (input, init) => {
    const request = packedRequest(new URL(input instanceof Request ? input.url : input, location.href).pathname, bundle);
    if (!request) return fetchFile(input, init);
    const tableUrl = `${request.index}${tablePath(request.shard)}`;
    const table = await load(tables, tableUrl, async () => (await ok(await fetchFile(tableUrl), tableUrl).json()) as PackTable);
    const range = packedRange(table, request.path);
    if (!range) return new Response(null, { status: 404, statusText: `${request.path} is not in its pack` });
    const [start, end] = range;
    const packUrl = `${request.index}${PACK_FOLDER}/${table.pack}`;
    let bytes: ArrayBuffer;
    if (wholePacks.has(packUrl)) bytes = (await wholePacks.get(packUrl)!).slice(start, end);
    else {
      const response = ok(await fetchFile(packUrl, { headers: { Range: `bytes=${start}-${end - 1}` } }), packUrl);
      if (response.status === 206) bytes = await response.arrayBuffer();
      else {
        const whole = load(wholePacks, packUrl, () => response.arrayBuffer());
        bytes = (await whole).slice(start, end);
      }
    }
    return new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
  };
}
