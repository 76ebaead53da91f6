import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collapseMarkupPart, minifyCssPart, minifyTemplates } from '../../scripts/minify-templates.mjs';

test('css: comments, whitespace and the last semicolon go; values keep their spaces', () => {
  const input = `
    /* the host */
    :host {
      display: block;
      margin: 0 auto;
      width: calc(100% - 2 * var(--_space-4));
    }
    .a > .b,
    .c { color: red ; }
  `;
  assert.equal(
    minifyCssPart(input),
    ':host{display:block;margin:0 auto;width:calc(100% - 2 * var(--_space-4))}.a>.b,.c{color:red}',
  );
});

test('css: a space before a colon is a descendant combinator and stays', () => {
  assert.equal(minifyCssPart('.a :hover { color: red; }'), '.a :hover{color:red}');
  assert.equal(minifyCssPart(':host ::slotted(p) { margin: 0; }'), ':host ::slotted(p){margin:0}');
  assert.equal(
    minifyCssPart('@media (prefers-reduced-motion: reduce) and (min-width: 30rem) { a { b: c } }'),
    '@media (prefers-reduced-motion:reduce) and (min-width:30rem){a{b:c}}',
  );
});

test('css: strings and url() are kept verbatim', () => {
  assert.equal(minifyCssPart(".x::after { content: ' '; }"), ".x::after{content:' '}");
  assert.equal(minifyCssPart('.x { content: "a  /* b */  ,  c"; }'), '.x{content:"a  /* b */  ,  c"}');
  assert.equal(
    minifyCssPart(".x { background: url(data:image/svg+xml;utf8,<svg/>) , url( 'a b.png' ); }"),
    ".x{background:url(data:image/svg+xml;utf8,<svg/>),url( 'a b.png' )}",
  );
  assert.equal(minifyCssPart(".x { content: '\\'' ; }"), ".x{content:'\\''}");
});

test('css: next to an expression a single space is kept', () => {
  assert.equal(minifyCssPart('  a {  ', { atStart: true, atEnd: false }), 'a{');
  assert.equal(minifyCssPart('  color:  ', { atStart: false, atEnd: false }), ' color:');
  assert.equal(minifyCssPart('  solid  ', { atStart: false, atEnd: false }), ' solid ');
  assert.equal(minifyCssPart(';\n  }\n', { atStart: false, atEnd: true }), '}');
});

test('markup: whitespace runs become one space, except inside <pre> and <textarea>', () => {
  assert.equal(collapseMarkupPart('<p>\n    a   b\n  </p>'), '<p> a b </p>');
  assert.equal(collapseMarkupPart('<pre>  a\n  b</pre>  <i> x </i>'), '<pre>  a\n  b</pre> <i> x </i>');
  assert.equal(
    collapseMarkupPart('<TEXTAREA rows="2">\n  keep\n</TEXTAREA>\n\n<b>'),
    '<TEXTAREA rows="2">\n  keep\n</TEXTAREA> <b>',
  );
  // A <pre> that spans an expression stays verbatim in the next part too.
  const state = { raw: null };
  assert.equal(collapseMarkupPart('<pre>  a  ', state), '<pre>  a  ');
  assert.equal(collapseMarkupPart('  b  </pre>\n  <p>', state), '  b  </pre> <p>');
});

test('a module: only literal parts change; expressions, nested templates and other strings stay', () => {
  const code = [
    'const s = css`',
    '  :host {',
    '    color: ${unsafeCSS("red  blue")};',
    '  }',
    '`;',
    'const t = html`<ul>',
    '    ${items.map((i) => html`<li   class="a  b">  ${i}  </li>`)}',
    '  </ul>`;',
    'const plain = `keep   this`;',
    'const other = tag`keep   this`;',
  ].join('\n');
  assert.equal(
    minifyTemplates(code, 'x.ts'),
    [
      'const s = css`:host{color:${unsafeCSS("red  blue")}}`;',
      'const t = html`<ul> ${items.map((i) => html`<li class="a b"> ${i} </li>`)} </ul>`;',
      'const plain = `keep   this`;',
      'const other = tag`keep   this`;',
    ].join('\n'),
  );
});

test('a module without Lit templates is left alone', () => {
  assert.equal(minifyTemplates('const a = `x   y`;', 'a.ts'), undefined);
});
