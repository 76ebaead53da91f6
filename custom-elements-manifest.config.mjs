// Config for @custom-elements-manifest/analyzer:
//   npx cem analyze --config custom-elements-manifest.config.mjs
// writes custom-elements.json at the repository root (Storybook's autodocs and the package's exports read it).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';

/** Where each component registers its tag: `defineElement('<tag>', <Class>)` in src/components/<name>/define.ts. */
const COMPONENTS_DIR = 'src/components';

/** Every src/components/<name>/define.ts that exists right now. */
function defineFiles() {
  return readdirSync(COMPONENTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(COMPONENTS_DIR, entry.name, 'define.ts'))
    .filter((file) => existsSync(file));
}

/**
 * Reads the `defineElement('<tag>', <Class>)` calls of one define.ts and resolves each class to the module it
 * is imported from (`./button.js` -> src/components/button/button.ts).
 */
function readDefineCalls(ts, file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const importedFrom = new Map();
  const calls = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        const target = join(dirname(file), node.moduleSpecifier.text).replace(/\.js$/, '.ts');
        for (const element of bindings.elements) importedFrom.set(element.name.text, target);
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'defineElement' &&
      node.arguments.length >= 2 &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      ts.isIdentifier(node.arguments[1])
    ) {
      calls.push({ tag: node.arguments[0].text, className: node.arguments[1].text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls.map((call) => ({ ...call, module: importedFrom.get(call.className) ?? file }));
}

/**
 * The analyzer only understands `customElements.define()`. Our components register through
 * `defineElement(tag, Class)` (idempotent, version-aware) in define.ts files, which are not analysed (they
 * hold no API). This plugin reads those calls, fills `tagName` on each class, and adds a `define.ts` module
 * whose `custom-element-definition` export says which file registers which tag. A `@tag` JSDoc that
 * disagrees with the define call fails the run.
 */
function defineElementPlugin() {
  let ts;
  return {
    name: 'iop-kit:define-element',
    collectPhase({ ts: analyzerTs }) {
      ts ??= analyzerTs;
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const file of defineFiles()) {
        const exports = [];
        for (const { tag, className, module } of readDefineCalls(ts, file)) {
          const modulePath = relative('.', module);
          const klass = modules
            .find((m) => m.path === modulePath)
            ?.declarations?.find((d) => d.kind === 'class' && d.name === className);
          if (!klass)
            throw new Error(
              `${file}: defineElement('${tag}', ${className}): ${className} not found in ${modulePath}`,
            );
          if (klass.tagName && klass.tagName !== tag) {
            throw new Error(
              `${modulePath}: @tag ${klass.tagName} disagrees with defineElement('${tag}') in ${file}`,
            );
          }
          klass.tagName = tag;
          klass.customElement = true;
          exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: modulePath },
          });
        }
        if (exports.length)
          modules.push({ kind: 'javascript-module', path: relative('.', file), declarations: [], exports });
      }
    },
  };
}

/**
 * Keeps the public API only: private and protected members (`internals`, `locale`), the attributes the analyzer
 * infers for private reactive state, and static class plumbing
 * (`styles`, `formAssociated`, `shadowRootOptions`, `kitVersion`) are implementation details, and Storybook
 * would otherwise list them as controls on every Docs page.
 */
function publicApiOnlyPlugin() {
  /** `Class` -> the properties its `static properties` declares `state: true` (Lit gives them no attribute). */
  const states = new Map();
  return {
    name: 'iop-kit:public-api-only',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties')
          continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer))
            continue;
          const isState = property.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (!isState) continue;
          if (!states.has(node.name.text)) states.set(node.name.text, new Set());
          states.get(node.name.text).add(property.name.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          // A public field that is reactive state (the pet toggle's `phase`) is a property, not an attribute.
          const state = states.get(declaration.name) ?? new Set();
          if (declaration.attributes)
            declaration.attributes = declaration.attributes.filter((a) => !state.has(a.fieldName));
          for (const member of declaration.members ?? []) if (state.has(member.name)) delete member.attribute;
          // Every event of the contract is documented with `@fires`. The analyzer also reports the events it
          // sees dispatched in code, such as the dialog's `dispatchEvent(new CustomEvent(name, ...))` helper as
          // an event named "name": an undocumented event is not one.
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.description);
          if (!declaration.members) continue;
          const isPublic = (member) => (member.privacy ?? 'public') === 'public';
          // Internal reactive state (`static properties = { selected: { state: true } }` on a private field)
          // is listed by the analyzer as an attribute: it is not one, and types generated from it would lie.
          const internal = new Set(declaration.members.filter((m) => !isPublic(m)).map((m) => m.name));
          if (declaration.attributes)
            declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
          declaration.members = declaration.members.filter((member) => !member.static && isPublic(member));
        }
      }
    },
  };
}

/**
 * The analyzer lists modules in the order its file walk finished, which changes from run to run; sorted by path,
 * the committed manifest changes only when the API does.
 */
function stableOrderPlugin() {
  return {
    name: 'iop-kit:stable-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  // The base class is analysed too, so its `theme` attribute and CSS properties are inherited into every tag.
  // IopWidget too: without it the analyzer cannot follow the widgets' `extends WidgetMixin(IopElement)` and they
  // would lose `theme` and the base's CSS properties.
  globs: ['src/components/**/*.ts', 'src/internal/iop-element.ts', 'src/internal/iop-widget.ts'],
  exclude: [
    'src/components/**/*.styles.ts',
    'src/components/**/define.ts',
    'src/components/**/*.messages.ts',
  ],
  // CEM_OUTDIR: where to write it instead (test/node/manifest.test.ts analyses into a temporary folder).
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // Otherwise the analyzer writes a `customElements` field into package.json on every run.
  packagejson: false,
  plugins: [defineElementPlugin(), publicApiOnlyPlugin(), stableOrderPlugin()],
};
