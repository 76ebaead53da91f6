/// <reference types="node" />
// Test helpers for the reference backend: every test gets a fresh data folder and a server on port 0.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { createServer, type ServerOptions } from '../../demo/server/app.js';

/** The pinned clock of every test: a Friday, 12:00 UTC. */
export const NOW = new Date('2026-11-27T12:00:00.000Z');

export const ALEX = 'demo-alex';
export const JORDAN = 'demo-jordan';

export interface TestServer {
  base: string;
  server: Server;
  dataDir: string;
  logs: string[];
  /** The clock the server reads; tests may move it. */
  clock: { ms: number };
  /** fetch against the API with a bearer token (null: no Authorization header). */
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

/** A fresh temporary folder, removed by the caller (or by `TestServer.close` for its own). */
export function tempDir(prefix = 'iop-kit-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Starts a server on 127.0.0.1:0. Pass `dataDir` to reuse a folder (restart tests); otherwise a
 * fresh one is created and deleted on close.
 */
export async function startServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await tempDir());
  const logs: string[] = [];
  const clock = { ms: NOW.getTime() };
  let server: Server;
  try {
    server = createServer({
      now: () => new Date(clock.ms),
      log: (line) => logs.push(line),
      ...options,
      dataDir,
    });
  } catch (error) {
    if (ownDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    server,
    dataDir,
    logs,
    clock,
    api(path, init = {}) {
      const { token = ALEX, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null) headers.set('Authorization', `Bearer ${token}`);
      if (rest.body !== undefined && !headers.has('Content-Type'))
        headers.set('Content-Type', 'application/json');
      return fetch(`${base}/api/v1${path}`, { ...rest, headers });
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A raw GET that does not normalise `..` or percent-escapes the way fetch() does. */
export function rawGet(
  base: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Parses `value` with a kit schema and fails the test with the valibot issues when it does not match. */
export function assertSchema<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  assert.ok(
    result.success,
    `schema mismatch: ${JSON.stringify(result.issues?.map((i) => [v.getDotPath(i), i.message]))}`,
  );
  return result.output;
}

/** Asserts a problem+json error with the given status and returns the parsed problem. */
export async function assertProblem(
  response: Response,
  status: number,
  slug?: string,
): Promise<{ type: string; title: string; status: number; detail: string; [key: string]: unknown }> {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    [key: string]: unknown;
  };
  assert.equal(problem.status, status);
  assert.equal(typeof problem.title, 'string');
  assert.ok(problem.title.length > 0);
  assert.equal(typeof problem.detail, 'string');
  assert.ok(problem.detail.length > 0);
  assert.match(problem.type, /^https:\/\/iop-kit\.test\/problems\//);
  if (slug) assert.equal(problem.type, `https://iop-kit.test/problems/${slug}`);
  return problem;
}

/** The query string for GET /follow-ups/slots over the seeded two weeks. */
export function slotQuery(kind: string, fromMs = NOW.getTime(), days = 15): string {
  const from = new Date(fromMs).toISOString();
  const to = new Date(fromMs + days * 24 * 3600_000).toISOString();
  return `/follow-ups/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&kind=${kind}`;
}
