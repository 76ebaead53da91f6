/// <reference types="node" />
// Static files for the demos: the landing page, the built kit (/dist), the demo pages (/demo, never
// demo/server), the Storybook build (/storybook) and the OpenAPI document. Every path is resolved
// segment by segment and must stay inside its root: no `..`, no encoded separators, no dotfiles,
// no symlink escapes.
import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_SECURITY_HEADERS, HttpProblem } from './http.js';

/** Where the static content lives. Every entry is an absolute path. */
export interface StaticDirs {
  /** The landing page served at `/`. */
  landing: string;
  /** The built kit, served under /dist/. */
  dist: string;
  /** The demo pages, served under /demo/ (its `server` folder is never served). */
  demo: string;
  /** The Storybook build, served under /storybook/ when it exists. */
  storybook: string;
  /** The committed OpenAPI document, served at /openapi.json. */
  openapi: string;
}

/** The repository root, found from this file's location (demo/server/static.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The standard layout of the repository. */
export function defaultStaticDirs(root: string = REPO_ROOT): StaticDirs {
  return {
    landing: join(root, 'demo', 'index.html'),
    dist: join(root, 'dist'),
    demo: join(root, 'demo'),
    storybook: join(root, 'storybook-static'),
    openapi: join(root, 'openapi.json'),
  };
}

/**
 * The strict policy for every page of the kit and the demos: nothing inline, nothing third-party,
 * and DOM sinks only through the kit's and Lit's Trusted Types policies.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types iop-kit lit-html',
].join('; ');

/**
 * The portal demo: the page policy, except that Lit's Trusted Types policy may be created twice. The portal loads
 * `<iop-check-in>` from its own file (dist/browser/iop-check-in.js) beside the drop-in, which leaves the check-in
 * out for its size; each file brings its own Lit, and each Lit creates the `lit-html` policy (the embedding docs
 * say the same for any page with two copies). Every other page keeps the strict policy.
 */
export const PORTAL_CSP = PAGE_CSP.replace(
  'trusted-types iop-kit lit-html',
  "trusted-types iop-kit lit-html 'allow-duplicates'",
);

/**
 * Storybook only. Its build boots from inline <script> blocks, its manager styles itself with
 * runtime-injected <style> (emotion), some addons compile code with `new Function`, and it writes
 * HTML through innerHTML, so it cannot run under the page policy: it gets 'unsafe-inline' and
 * 'unsafe-eval' scripts, inline styles, no Trusted Types, and may frame its own preview iframe.
 * It is still same-origin only (no third-party loads). The kit itself is proven under PAGE_CSP by
 * the demo pages, not by Storybook.
 */
export const STORYBOOK_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "form-action 'self'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** The content type for a file name; unknown types are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

interface Mount {
  prefix: string;
  root: string;
  storybook: boolean;
  /** First path segments that are never served under this mount. */
  hidden: readonly string[];
}

/**
 * Serves a static file when the path belongs to a static route. Returns false when no static
 * route matches (the caller answers 404); throws HttpProblem 404 for a route that matches but
 * names no servable file, and 400 for a path that tries to escape its root.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  dirs: StaticDirs,
): Promise<boolean> {
  if (pathname === '/' || pathname === '/index.html') {
    await sendFile(req, res, dirs.landing, false);
    return true;
  }
  if (pathname === '/openapi.json') {
    await sendFile(req, res, dirs.openapi, false);
    return true;
  }
  const mounts: Mount[] = [
    { prefix: '/dist', root: dirs.dist, storybook: false, hidden: [] },
    // demo/server and demo/fhir-server are the backends' source code: never serve them.
    { prefix: '/demo', root: dirs.demo, storybook: false, hidden: ['server', 'fhir-server'] },
    { prefix: '/storybook', root: dirs.storybook, storybook: true, hidden: [] },
  ];
  for (const mount of mounts) {
    if (pathname === mount.prefix) {
      redirect(res, mount.prefix + '/');
      return true;
    }
    if (!pathname.startsWith(mount.prefix + '/')) continue;
    const segments = decodeSegments(pathname.slice(mount.prefix.length + 1));
    if (segments.length > 0 && mount.hidden.includes(segments[0]!)) throw notFound();
    let file = await resolveInside(mount.root, segments);
    let info = await statOrNull(file);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        redirect(res, pathname + '/');
        return true;
      }
      file = join(file, 'index.html');
      info = await statOrNull(file);
    }
    if (!info?.isFile()) throw notFound();
    await sendFile(req, res, file, mount.storybook, info);
    return true;
  }
  return false;
}

/**
 * Splits a URL path into decoded segments, refusing anything that could leave the root:
 * `.`/`..`, encoded `/` or `\`, NUL, and dotfiles (`.env`, `.git`).
 */
export function decodeSegments(path: string): string[] {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new HttpProblem(400, 'bad-path', 'The path is not correctly percent-encoded.');
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) {
      throw new HttpProblem(400, 'bad-path', 'The path leaves the folder it names.');
    }
    segments.push(segment);
  }
  return segments;
}

async function resolveInside(root: string, segments: string[]): Promise<string> {
  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + sep)) {
    throw new HttpProblem(400, 'bad-path', 'The path leaves the folder it names.');
  }
  // A symlink inside the root may still point outside it.
  try {
    const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)]);
    if (realFile !== realBase && !realFile.startsWith(realBase + sep)) throw notFound();
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    // Missing file: the caller's stat answers 404.
  }
  return file;
}

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

function notFound(): HttpProblem {
  return new HttpProblem(404, 'not-found', 'There is no file at this address.');
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { ...BASE_SECURITY_HEADERS, Location: location, 'Content-Length': '0' });
  res.end();
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  storybook: boolean,
  known?: Stats,
): Promise<void> {
  const info = known ?? (await statOrNull(file));
  if (!info?.isFile()) throw notFound();
  const type = contentTypeFor(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': type,
    // Demo content changes while people develop: always revalidate (cheap thanks to the ETag).
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
  if (type.startsWith('text/html'))
    headers['Content-Security-Policy'] = storybook
      ? STORYBOOK_CSP
      : /[/\\]demo[/\\]portal[/\\]index\.html$/.test(file)
        ? PORTAL_CSP
        : PAGE_CSP;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = String(info.size);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolveDone, reject) => {
    const stream = createReadStream(file);
    stream.on('error', (error) => {
      res.destroy(error);
      reject(error);
    });
    stream.on('end', () => resolveDone());
    stream.pipe(res);
  });
}
