/// <reference types="node" />
// VS Code's custom data (dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json), generated at build
// from custom-elements.json: every tag, attribute, value, CSS custom property and part of the manifest is in it,
// and the package ships it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkEvents, elementsOf, eventMapKeys } from '../../scripts/framework-types.mjs';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface HtmlData {
  version: number;
  tags: {
    name: string;
    description: string;
    attributes: { name: string; description?: string; valueSet?: string; values?: { name: string }[] }[];
  }[];
}
interface CssData {
  version: number;
  properties: { name: string; description: string }[];
  pseudoElements: { name: string; description: string }[];
}

const elements = elementsOf(read('custom-elements.json'));
const html = read('dist/vscode.html-custom-data.json') as HtmlData;
const css = read('dist/vscode.css-custom-data.json') as CssData;

test('every tag of the manifest is in the HTML custom data, with each attribute and its description', () => {
  assert.equal(html.version, 1.1);
  assert.ok(elements.length >= 12);
  assert.deepEqual(
    html.tags.map((t) => t.name),
    elements.map((e) => e.tag),
  );
  for (const element of elements) {
    const tag = html.tags.find((t) => t.name === element.tag)!;
    assert.ok(tag.description, `${element.tag} has a description`);
    assert.deepEqual(
      tag.attributes.map((a) => a.name),
      element.attributes.map((a) => a.name),
      `${element.tag}: its attributes`,
    );
    for (const attribute of element.attributes)
      if (attribute.description)
        assert.ok(
          tag.attributes.find((a) => a.name === attribute.name)!.description,
          `${attribute.name} described`,
        );
  }
});

test('attribute values come from the classes: unions (aliases resolved), numbers, booleans as valueless', () => {
  const attribute = (tag: string, name: string) =>
    html.tags.find((t) => t.name === tag)!.attributes.find((a) => a.name === name)!;
  const values = (tag: string, name: string) => attribute(tag, name).values?.map((v) => v.name);
  assert.deepEqual(values('iop-crisis-connect', 'variant'), ['floating', 'inline', 'compact']);
  // `region?: Region`: an alias, read through the type checker.
  assert.deepEqual(values('iop-crisis-connect', 'region')?.sort(), ['AU', 'CA', 'GB', 'US']);
  assert.deepEqual(values('iop-follow-up-scheduler', 'kind')?.sort(), [
    'couples',
    'crisis-debrief',
    'individual',
    'substance-use',
  ]);
  assert.deepEqual(values('iop-card', 'heading-level'), ['2', '3', '4', '5', '6']);
  assert.equal(attribute('iop-crisis-connect', 'include-partner').valueSet, 'v');
  assert.equal(attribute('iop-pet-friendly-toggle', 'checked').valueSet, 'v');
  // A free string has neither.
  const baseUrl = attribute('iop-provider', 'base-url');
  assert.equal(baseUrl.values ?? baseUrl.valueSet, undefined);
});

test('every CSS custom property and part of the manifest is in the CSS custom data, saying on which tags', () => {
  assert.equal(css.version, 1.1);
  for (const element of elements) {
    for (const property of element.cssProperties) {
      const entry = css.properties.find((p) => p.name === property.name);
      assert.ok(entry?.description.includes(`<${element.tag}>`), `${property.name} on <${element.tag}>`);
    }
    for (const part of element.cssParts) {
      const entry = css.pseudoElements.find((p) => p.name === `::part(${part.name})`);
      assert.ok(entry?.description.includes(`<${element.tag}>`), `::part(${part.name}) on <${element.tag}>`);
    }
  }
  assert.ok(css.properties.every((p) => p.name.startsWith('--iop-')));
});

test('the package ships the custom data and a types condition for every subpath export', () => {
  const pkg = read('package.json') as {
    files: string[];
    exports: Record<string, string | { types?: string; default?: string }>;
  };
  assert.ok(pkg.files.includes('dist'));
  assert.equal(pkg.exports['./vscode.html-custom-data.json'], './dist/vscode.html-custom-data.json');
  assert.equal(pkg.exports['./vscode.css-custom-data.json'], './dist/vscode.css-custom-data.json');
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string')
      assert.match(target, /\.json$/, `${subpath}: only JSON goes without types`);
    else assert.ok(target.types, `${subpath} has a types condition`);
  }
});

test('the build fails when src/events.ts and the manifest disagree on the events', () => {
  const keys = eventMapKeys();
  assert.doesNotThrow(() => checkEvents(elements, keys));
  assert.throws(() => checkEvents(elements, keys.concat('iop-renamed')), /no element documents iop-renamed/);
  assert.throws(
    () =>
      checkEvents(
        elements,
        keys.filter((k) => k !== 'iop-booked'),
      ),
    /no detail type for iop-booked/,
  );
});
