/// <reference types="node" />
// Static files: content types, the strict CSP on pages, Storybook's own policy, no directory traversal.
import assert from 'node:assert/strict';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { StaticDirs } from '../../demo/server/static.js';
import { PAGE_CSP, PORTAL_CSP, STORYBOOK_CSP } from '../../demo/server/static.js';
import { rawGet, startServer, tempDir, type TestServer } from './helpers.js';

const SECRET = 'TOP-SECRET-DO-NOT-SERVE';

/** A site tree in a temp folder, with a secret file next to (outside) it and a symlink pointing at it. */
async function makeSite(): Promise<{ root: string; dirs: StaticDirs }> {
  const root = await tempDir('iop-kit-static-');
  const site = join(root, 'site');
  await writeFile(join(root, 'secret.txt'), SECRET);
  const files: Record<string, string> = {
    'landing.html': '<!doctype html><title>landing</title>',
    'openapi.json': '{"openapi":"3.1.0"}',
    'dist/iop-kit.js': 'export const x = 1;',
    'dist/chunks/crisis.js': 'export const y = 2;',
    'dist/iop-kit.css': ':root{}',
    'demo/portal/index.html': '<!doctype html><title>portal</title>',
    'demo/clinic-site/index.html': '<!doctype html><title>clinic</title>',
    'demo/clinic-site/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'demo/server/app.ts': `// ${SECRET}`,
    'demo/fhir-server/server.ts': `// ${SECRET}`,
    'demo/.env': `TOKEN=${SECRET}`,
    'demo/data.bin': 'raw',
    'storybook/index.html': '<!doctype html><title>sb</title><script>1</script>',
    'storybook/iframe.html': '<!doctype html><title>sb-iframe</title>',
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(site, path, '..'), { recursive: true });
    await writeFile(join(site, path), content);
  }
  await symlink(join(root, 'secret.txt'), join(site, 'demo', 'escape.txt'));
  return {
    root,
    dirs: {
      landing: join(site, 'landing.html'),
      openapi: join(site, 'openapi.json'),
      dist: join(site, 'dist'),
      demo: join(site, 'demo'),
      storybook: join(site, 'storybook'),
    },
  };
}

describe('static files', () => {
  let site: { root: string; dirs: StaticDirs };
  let s: TestServer;
  before(async () => {
    site = await makeSite();
    s = await startServer({ staticDirs: site.dirs });
  });
  after(async () => {
    await s.close();
    await rm(site.root, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${s.base}${path}`);

  test('serves the landing page, the kit, the demos and openapi.json with correct content types', async () => {
    const cases: [string, RegExp, string][] = [
      ['/', /^text\/html; charset=utf-8$/, 'landing'],
      ['/openapi.json', /^application\/json/, '"openapi"'],
      ['/dist/iop-kit.js', /^text\/javascript/, 'export const x'],
      ['/dist/chunks/crisis.js', /^text\/javascript/, 'export const y'],
      ['/dist/iop-kit.css', /^text\/css/, ':root'],
      ['/demo/portal/', /^text\/html/, 'portal'],
      ['/demo/portal/index.html', /^text\/html/, 'portal'],
      ['/demo/clinic-site/', /^text\/html/, 'clinic'],
      ['/demo/clinic-site/logo.svg', /^image\/svg\+xml$/, '<svg'],
      ['/demo/data.bin', /^application\/octet-stream$/, 'raw'],
      ['/storybook/', /^text\/html/, 'sb'],
    ];
    for (const [path, type, text] of cases) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', type, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.ok((await response.text()).includes(text), path);
    }
  });

  test('a folder without a trailing slash redirects to it', async () => {
    for (const [path, location] of [
      ['/demo/portal', '/demo/portal/'],
      ['/demo', '/demo/'],
      ['/storybook', '/storybook/'],
    ]) {
      const response = await fetch(`${s.base}${path}`, { redirect: 'manual' });
      assert.equal(response.status, 301, path);
      assert.equal(response.headers.get('location'), location, path);
    }
  });

  test('HTML pages carry the strict CSP with Trusted Types', async () => {
    for (const path of ['/', '/demo/clinic-site/index.html']) {
      const csp = (await get(path)).headers.get('content-security-policy') ?? '';
      assert.equal(csp, PAGE_CSP, path);
    }
    // The portal loads the check-in's own file beside the drop-in: two copies of Lit, so its policy may be
    // created twice; nothing else differs.
    for (const path of ['/demo/portal/', '/demo/portal/index.html'])
      assert.equal((await get(path)).headers.get('content-security-policy'), PORTAL_CSP, path);
    assert.equal(
      PORTAL_CSP,
      PAGE_CSP.replace('trusted-types iop-kit lit-html', "trusted-types iop-kit lit-html 'allow-duplicates'"),
    );
    const directives = PAGE_CSP.split('; ');
    for (const expected of [
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
    ]) {
      assert.ok(directives.includes(expected), expected);
    }
    assert.ok(!PAGE_CSP.includes('unsafe'), 'no unsafe-* anywhere in the page policy');
  });

  test('Storybook pages get their own looser policy; other paths never do', async () => {
    for (const path of ['/storybook/', '/storybook/iframe.html']) {
      assert.equal((await get(path)).headers.get('content-security-policy'), STORYBOOK_CSP, path);
    }
    assert.match(STORYBOOK_CSP, /script-src 'self' 'unsafe-inline' 'unsafe-eval'/);
    assert.match(STORYBOOK_CSP, /object-src 'none'/);
    assert.ok(!/https?:/.test(STORYBOOK_CSP), 'no third-party origin');
  });

  test('API responses forbid everything (they are data, not documents)', async () => {
    const response = await s.api('/me');
    assert.equal(
      response.headers.get('content-security-policy'),
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  test('ETag revalidation answers 304', async () => {
    const first = await get('/dist/iop-kit.js');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const second = await fetch(`${s.base}/dist/iop-kit.js`, { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
  });

  test('HEAD answers headers only', async () => {
    const head = await fetch(`${s.base}/dist/iop-kit.js`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String('export const x = 1;'.length));
    assert.equal(await head.text(), '');
  });

  test('no directory traversal: nothing outside the roots, no demo/server, no dotfiles, no symlink escape', async () => {
    const attempts = [
      '/demo/../secret.txt',
      '/demo/../../secret.txt',
      '/dist/../../secret.txt',
      '/demo/%2e%2e/%2e%2e/secret.txt',
      '/demo/%2E%2E/%2E%2E/secret.txt',
      '/demo/..%2f..%2fsecret.txt',
      '/demo/..%2F..%2Fsecret.txt',
      '/dist/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/demo/..%5c..%5csecret.txt',
      '/demo/..\\..\\secret.txt',
      '/storybook/..%252f..%252fsecret.txt',
      '/demo/%00../secret.txt',
      '/demo/portal/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      '/demo/escape.txt',
      '/demo/server/app.ts',
      '/demo/server/',
      '/demo/fhir-server/server.ts',
      '/demo/fhir-server/',
      '/demo/%73erver/app.ts',
      '/demo//server/app.ts',
      '/demo/.env',
      '/demo/%2eenv',
      '/dist/%E0%A4%A',
      '/..%2fsecret.txt',
    ];
    for (const path of attempts) {
      const response = await rawGet(s.base, path);
      assert.ok([400, 404].includes(response.status), `${path} -> ${response.status}`);
      assert.ok(!response.body.includes(SECRET), `${path} leaked the secret`);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/, path);
    }
  });

  test('paths outside every static route are 404', async () => {
    for (const path of ['/secret.txt', '/package.json', '/src/index.ts', '/node_modules/lit/package.json']) {
      assert.equal((await rawGet(s.base, path)).status, 404, path);
    }
  });
});

describe('static files from the repository layout', () => {
  test('GET / is demo/index.html with the strict CSP; demo/server source is never served', async () => {
    const s = await startServer();
    try {
      const landing = await fetch(`${s.base}/`);
      assert.equal(landing.status, 200);
      assert.equal(landing.headers.get('content-security-policy'), PAGE_CSP);
      const html = await landing.text();
      for (const link of ['/demo/clinic-site/', '/demo/portal/', '/storybook/', '/openapi.json']) {
        assert.ok(html.includes(`href="${link}"`), link);
      }
      for (const path of [
        '/demo/server/app.ts',
        '/demo/server/db.ts',
        '/demo/fhir-server/server.ts',
        '/demo/../package.json',
        '/demo/%2e%2e/package.json',
      ]) {
        const response = await rawGet(s.base, path);
        assert.equal(response.status, 404, path);
        assert.ok(
          !response.body.includes('createServer') && !response.body.includes('"devDependencies"'),
          path,
        );
      }
    } finally {
      await s.close();
    }
  });
});
