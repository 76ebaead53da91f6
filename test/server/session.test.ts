/// <reference types="node" />
// Cookie sessions on the reference backend: the demo sign-in, the cookie's attributes, the CSRF header, and
// 401 once the session is over (signed out on the server, expired, or the server restarted).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ParticipantSchema } from '../../src/core/schemas.js';
import { DEFAULT_SESSION_TTL_MS } from '../../demo/server/session.js';
import { assertProblem, assertSchema, startServer, tempDir, type TestServer } from './helpers.js';

const CSRF = { 'X-IOP-CSRF': '1' };

/** Signs in through the demo route and returns the cookie pair ("iop_session=...") and the full Set-Cookie. */
async function signIn(s: TestServer, participant = 'alex'): Promise<{ cookie: string; setCookie: string }> {
  const response = await s.api('/session', {
    method: 'POST',
    token: null,
    headers: CSRF,
    body: JSON.stringify({ participant }),
  });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { id: string; displayName: string };
  assert.equal(body.id, participant);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, setCookie };
}

describe('cookie sessions', () => {
  test('the demo sign-in sets an HttpOnly, SameSite=Strict cookie for /api only (no Secure on plain http)', async () => {
    const s = await startServer();
    try {
      const { cookie, setCookie } = await signIn(s);
      assert.match(cookie, /^iop_session=[A-Za-z0-9_-]{43}$/, '256 random bits');
      const attributes = setCookie.split(';').map((a) => a.trim());
      assert.ok(attributes.includes('HttpOnly'));
      assert.ok(attributes.includes('SameSite=Strict'));
      assert.ok(attributes.includes('Path=/api'));
      assert.ok(attributes.includes(`Max-Age=${DEFAULT_SESSION_TTL_MS / 1000}`));
      assert.ok(!attributes.includes('Secure'), 'a browser would drop a Secure cookie set over http');
      const again = await signIn(s);
      assert.notEqual(again.cookie, cookie, 'a fresh session id on every sign-in');
    } finally {
      await s.close();
    }
  });

  test('with the cookie and the CSRF header every endpoint answers as the signed-in person', async () => {
    const s = await startServer();
    try {
      const { cookie } = await signIn(s, 'jordan');
      const me = await s.api('/me', { token: null, headers: { Cookie: cookie, ...CSRF } });
      assert.equal(me.status, 200);
      assert.equal(assertSchema(ParticipantSchema, await me.json()).id, 'jordan');
      const event = await s.api('/crisis/events', {
        method: 'POST',
        token: null,
        headers: { Cookie: cookie, ...CSRF },
        body: JSON.stringify({
          id: '6a1f3c8e-2b4d-4e9a-9c1b-3d5e7f9a1b2c',
          type: 'crisis-action',
          at: '2026-11-27T12:00:00.000Z',
          action: 'call-988',
        }),
      });
      assert.equal(event.status, 202);
    } finally {
      await s.close();
    }
  });

  test('a request with the cookie but without the CSRF header is refused with 403, reads and writes alike', async () => {
    const s = await startServer();
    try {
      const { cookie } = await signIn(s);
      await assertProblem(
        await s.api('/me', { token: null, headers: { Cookie: cookie } }),
        403,
        'csrf-header-required',
      );
      await assertProblem(
        await s.api('/preferences', {
          method: 'PATCH',
          token: null,
          headers: { Cookie: cookie, 'If-Match': '"1"' },
          body: JSON.stringify({ petFriendly: true }),
        }),
        403,
        'csrf-header-required',
      );
      const empty = await s.api('/me', { token: null, headers: { Cookie: cookie, 'X-IOP-CSRF': '' } });
      await assertProblem(empty, 403, 'csrf-header-required');
      // The sign-in itself needs it too (no login CSRF).
      const forged = await s.api('/session', {
        method: 'POST',
        token: null,
        body: JSON.stringify({ participant: 'alex' }),
      });
      await assertProblem(forged, 403, 'csrf-header-required');
      assert.equal(forged.headers.get('set-cookie'), null);
    } finally {
      await s.close();
    }
  });

  test('DELETE /session ends it on the server: the same cookie then gets 401 and an expired cookie', async () => {
    const s = await startServer();
    try {
      const { cookie } = await signIn(s);
      const out = await s.api('/session', {
        method: 'DELETE',
        token: null,
        headers: { Cookie: cookie, ...CSRF },
      });
      assert.equal(out.status, 204);
      assert.match(
        out.headers.get('set-cookie') ?? '',
        /^iop_session=; HttpOnly; SameSite=Strict; Path=\/api; Max-Age=0/,
      );
      const after = await s.api('/me', { token: null, headers: { Cookie: cookie, ...CSRF } });
      await assertProblem(after, 401, 'session-ended');
      assert.match(after.headers.get('set-cookie') ?? '', /Max-Age=0/);
      assert.match(after.headers.get('www-authenticate') ?? '', /^Bearer/);
    } finally {
      await s.close();
    }
  });

  test('an expired session gets 401; the bearer token still works beside it', async () => {
    const s = await startServer({ sessionTtlMs: 60_000 });
    try {
      const { cookie } = await signIn(s);
      assert.equal(
        (await s.api('/coverage', { token: null, headers: { Cookie: cookie, ...CSRF } })).status,
        200,
      );
      s.clock.ms += 60_000;
      await assertProblem(
        await s.api('/coverage', { token: null, headers: { Cookie: cookie, ...CSRF } }),
        401,
        'session-ended',
      );
      assert.equal((await s.api('/coverage')).status, 200, 'bearer tokens are unaffected');
    } finally {
      await s.close();
    }
  });

  test('an unknown cookie, an unknown participant and a wrong method are refused clearly', async () => {
    const s = await startServer();
    try {
      await assertProblem(
        await s.api('/me', { token: null, headers: { Cookie: 'iop_session=made-up', ...CSRF } }),
        401,
        'session-ended',
      );
      const nobody = await s.api('/session', {
        method: 'POST',
        token: null,
        headers: CSRF,
        body: JSON.stringify({ participant: 'mallory' }),
      });
      assert.equal(nobody.status, 400);
      const get = await s.api('/session', { token: null });
      assert.equal(get.status, 405);
      assert.equal(get.headers.get('allow'), 'POST, DELETE');
    } finally {
      await s.close();
    }
  });

  test('over https the cookie is Secure as well', async () => {
    const s = await startServer();
    const dir = await tempDir('iop-kit-tls-');
    // A throw-away self-signed certificate, so the reference backend's own handler runs behind real TLS.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const tls = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => s.server.emit('request', req, res),
    );
    try {
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      const { port } = tls.address() as AddressInfo;
      const setCookie = await new Promise<string>((resolve, reject) => {
        const body = JSON.stringify({ participant: 'alex' });
        const req = httpsRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/v1/session',
            method: 'POST',
            rejectUnauthorized: false,
            headers: { 'Content-Type': 'application/json', ...CSRF },
          },
          (res) => {
            res.resume();
            resolve(String(res.headers['set-cookie'] ?? ''));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      assert.ok(
        setCookie
          .split(';')
          .map((a) => a.trim())
          .includes('Secure'),
        setCookie,
      );
      assert.ok(setCookie.includes('HttpOnly'));
    } finally {
      const closed = new Promise<void>((resolve) => tls.close(() => resolve()));
      tls.closeAllConnections();
      await closed;
      await s.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
