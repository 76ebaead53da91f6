/// <reference types="node" />
// The committed openapi.json must match what the valibot schemas generate today.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { OPENAPI_PATH, buildOpenApi, openApiText } from '../../scripts/build-openapi.js';

describe('openapi.json', () => {
  test('is up to date with the valibot schemas (run `npx tsx scripts/build-openapi.ts` after changing them)', () => {
    assert.equal(readFileSync(OPENAPI_PATH, 'utf8'), openApiText());
  });

  const doc = buildOpenApi() as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>
    >;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { scheme: string }> };
    security: unknown[];
  };

  test('is OpenAPI 3.1 with bearer security, or the session cookie together with the CSRF header', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.components.securitySchemes['bearer']?.scheme, 'bearer');
    assert.deepEqual(doc.security, [{ bearer: [] }, { sessionCookie: [], csrfHeader: [] }]);
    const schemes = doc.components.securitySchemes as Record<string, { in?: string; name?: string }>;
    assert.deepEqual(
      [schemes['sessionCookie']?.in, schemes['sessionCookie']?.name],
      ['cookie', 'iop_session'],
    );
    assert.deepEqual([schemes['csrfHeader']?.in, schemes['csrfHeader']?.name], ['header', 'X-IOP-CSRF']);
  });

  test('covers every endpoint of DESIGN.md with its key responses', () => {
    const expected: [string, string, string[]][] = [
      ['/session', 'post', ['200', '403']],
      ['/session', 'delete', ['204', '403']],
      ['/me', 'get', ['200']],
      ['/crisis/resources', 'get', ['200']],
      ['/crisis/telehealth', 'post', ['201']],
      ['/crisis/events', 'post', ['202']],
      ['/safety-plans/current', 'get', ['200', '403']],
      ['/follow-ups/slots', 'get', ['200']],
      ['/follow-ups', 'get', ['200']],
      ['/follow-ups', 'post', ['201', '409']],
      ['/follow-ups/{id}', 'delete', ['204']],
      ['/coverage', 'get', ['200']],
      ['/preferences', 'get', ['200']],
      ['/preferences', 'patch', ['200', '412']],
    ];
    for (const [path, method, statuses] of expected) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method.toUpperCase()} ${path} is documented`);
      // The session routes are how one gets signed in: they answer no 401.
      for (const status of [...statuses, ...(path === '/session' ? [] : ['401']), '500'])
        assert.ok(op.responses[status], `${method} ${path} ${status}`);
    }
    assert.ok(doc.paths['/follow-ups']!['post']!.parameters?.some((p) => p.name === 'Idempotency-Key'));
    assert.ok(doc.paths['/preferences']!['patch']!.parameters?.some((p) => p.name === 'If-Match'));
  });

  test('every $ref points at a component', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    assert.ok(refs.length > 20);
    for (const ref of refs) {
      const target = ref.slice(8, -1);
      const [, section, name] = target.match(/^#\/components\/(schemas|headers)\/(.+)$/) ?? [];
      assert.ok(section && name, `${target} is a component reference`);
      const components = doc.components as unknown as Record<string, Record<string, unknown>>;
      assert.ok(components[section]![name], `${target} exists`);
    }
  });

  test('states money and range rules', () => {
    const text = JSON.stringify(doc.components.schemas);
    assert.match(text, /"coinsurancePct":\{"type":"number","minimum":0,"maximum":100\}/);
    assert.match(text, /"copayCents":\{"type":"integer","minimum":0/);
  });
});
