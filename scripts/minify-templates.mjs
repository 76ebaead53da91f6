// Minifies the static text of Lit templates in the browser build (the JS minifier leaves template strings alone):
// css`...` loses comments and needless whitespace, html`...` and svg`...` have whitespace runs collapsed to one
// space (never inside <pre> or <textarea>). Only the literal parts change; `${...}` expressions are untouched.
import { parseSync } from 'vite';
import { sourceTransform, walkAst } from './source-transform.mjs';

const CSS_TAGS = new Set(['css']);
const MARKUP_TAGS = new Set(['html', 'svg']);

/**
 * Minifies one literal part of a css`` template. `atStart`/`atEnd` say whether the part begins or ends the whole
 * template (there its outer whitespace can go); next to an expression a single space is kept.
 */
export function minifyCssPart(text, { atStart = true, atEnd = true } = {}) {
  let out = '';
  let i = 0;
  let space = false; // whitespace (or a comment) seen since the last emitted character
  const emitSpace = () => {
    if (!space) return;
    space = false;
    const prev = out.at(-1);
    // Spaces next to these are never needed; a space before ':' is kept (`a :hover` is not `a:hover`).
    if (prev === undefined ? !atStart : !'{};,>:('.includes(prev)) out += ' ';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      space = true;
      continue;
    }
    if (/\s/.test(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      // A string, verbatim (escapes included).
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      emitSpace();
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '\\') {
      emitSpace();
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (/^url\(/i.test(text.slice(i, i + 4))) {
      // url(...) verbatim: unquoted data URLs may hold characters we would otherwise touch.
      const end = text.indexOf(')', i);
      const j = end === -1 ? text.length : end + 1;
      emitSpace();
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if ('{};,>)'.includes(c)) {
      space = false; // no space before these
      // `;}` -> `}`: the last declaration needs no semicolon.
      if (c === '}' && out.at(-1) === ';') out = out.slice(0, -1);
      out += c;
      i++;
      continue;
    }
    emitSpace();
    out += c;
    i++;
  }
  // Before an expression: one space, unless the last character needs none.
  if (space && !atEnd && (out === '' ? !atStart : !'{};,>:('.includes(out.at(-1)))) out += ' ';
  return out;
}

/** Collapses whitespace runs of one literal part of an html``/svg`` template, except inside <pre>/<textarea>. */
export function collapseMarkupPart(text, state = { raw: null }) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (state.raw) {
      const close = text.toLowerCase().indexOf(`</${state.raw}`, i);
      if (close === -1) return out + text.slice(i);
      out += text.slice(i, close);
      i = close;
      state.raw = null;
      continue;
    }
    const open = /<(pre|textarea)\b/i.exec(text.slice(i));
    const until = open ? i + open.index : text.length;
    out += text.slice(i, until).replace(/\s+/g, ' ');
    if (!open) break;
    const tagEnd = text.indexOf('>', until);
    out += text.slice(until, tagEnd === -1 ? text.length : tagEnd + 1);
    i = tagEnd === -1 ? text.length : tagEnd + 1;
    state.raw = open[1].toLowerCase();
  }
  return out;
}

/** Every tagged template (`css`, `html`, `svg`) in an ESTree program, innermost included. */
function findTemplates(program) {
  const found = [];
  walkAst(program, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag?.type !== 'Identifier') return;
    const tag = node.tag.name;
    if (CSS_TAGS.has(tag) || MARKUP_TAGS.has(tag)) found.push({ tag, quasis: node.quasi.quasis });
  });
  return found;
}

/** Returns `code` with the literal parts of its Lit templates minified, or undefined when nothing changed. */
export function minifyTemplates(code, filename = 'module.js') {
  if (!/\b(css|html|svg)`/.test(code)) return undefined;
  const { program, errors } = parseSync(filename, code);
  if (errors?.length) return undefined;
  const edits = [];
  for (const { tag, quasis } of findTemplates(program)) {
    const state = { raw: null };
    quasis.forEach((quasi, index) => {
      // The parser's range may include the delimiters (a backtick or `}` before, `${` or a backtick after).
      const raw = quasi.value.raw;
      let start = quasi.start;
      if (code.slice(start, start + raw.length) !== raw) start += 1;
      const end = start + raw.length;
      if (code.slice(start, end) !== raw) return; // e.g. CRLF sources (raw is normalized): leave the part as is
      const next = CSS_TAGS.has(tag)
        ? minifyCssPart(raw, { atStart: index === 0, atEnd: index === quasis.length - 1 })
        : collapseMarkupPart(raw, state);
      if (next !== raw) edits.push({ start, end, text: next });
    });
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Vite plugin: minifies Lit templates of the kit's own modules (build only, after TypeScript is compiled). */
export function minifyLitTemplates() {
  return sourceTransform('iop-kit:minify-lit-templates', minifyTemplates);
}
