import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { requestedRange } from '../../src/model/search-pack';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** One rule of a `_headers` file: a path pattern (`*` matches anything, even nothing) and the headers it sets. */
export interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}

/** Parses a Netlify / Cloudflare Pages `_headers` file. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const rule = rules.at(-1);
      const colon = line.indexOf(':');
      if (!rule || colon < 0) throw new Error(`_headers: a header line outside a rule or without a colon: ${line}`);
      rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/**
 * The headers a CDN would send for `path`. Like Cloudflare Pages, every matching rule applies and a header set by
 * two rules gets both values joined by a comma, so overlapping rules show up in tests as they would in production.
 */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const re = new RegExp(`^${rule.pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (!re.test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

export interface StaticServer {
  /** The site's address including the base path, ending in `/`, e.g. `http://127.0.0.1:41234/archive/`. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site as a static host would: `base` is the path it is deployed under; `dir/` serves
 * `dir/index.html`, `dir` redirects to `dir/`, anything missing gets `404.html` with status 404, and the
 * site's own `_headers` file (when there is one) sets the response headers, Content Security Policy included.
 * `headers: false` leaves them out, to test what a page does without the policy's protection. A request for one range
 * of a file gets it, as from a CDN; `ranges: false` sends the whole file instead, as a host that ignores ranges does.
 */
export async function serveDirectory(dir: string, options: { base?: string; headers?: boolean; ranges?: boolean } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const headersFile = join(root, '_headers');
  const rules = options.headers !== false && existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];

  const send = (res: ServerResponse, status: number, urlPath: string, file: string | undefined, req?: IncomingMessage) => {
    res.statusCode = status;
    for (const [name, value] of Object.entries(headersFor(rules, urlPath))) res.setHeader(name, value);
    if (!file) {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
      return;
    }
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    // As CDNs do, one range of a file is sent on request (the search reads its packs so).
    const size = statSync(file).size;
    const ranges = status === 200 && options.ranges !== false;
    if (ranges) res.setHeader('accept-ranges', 'bytes');
    const asked = ranges ? req?.headers.range : undefined;
    const range = asked === undefined ? undefined : requestedRange(asked, size);
    if (asked !== undefined && !range) {
      res.statusCode = 416;
      res.setHeader('content-range', `bytes */${size}`);
      res.end();
      return;
    }
    if (range) {
      res.statusCode = 206;
      res.setHeader('content-range', `bytes ${range[0]}-${range[1] - 1}/${size}`);
    }
    createReadStream(file, range ? { start: range[0], end: range[1] - 1 } : {}).pipe(res);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, url.pathname, undefined);
    }
    const notFound = () => {
      const page = join(root, '404.html');
      send(res, 404, url.pathname, existsSync(page) ? page : undefined);
    };
    if (`${path}/` === base) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!path.startsWith(base)) return notFound();
    const file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    if (!existsSync(file)) return notFound();
    if (statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = join(file, 'index.html');
      return existsSync(index) ? send(res, 200, url.pathname, index) : notFound();
    }
    send(res, 200, url.pathname, file, req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
