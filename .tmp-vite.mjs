import { build } from 'vite';
import { brotliCompressSync, constants } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
const dir = process.cwd() + '/.tmp-app'; mkdirSync(dir, { recursive: true });
writeFileSync(dir + '/app.js', "import 'iop-kit/iop-crisis-connect';\n");
const out = await build({ configFile: false, root: dir, logLevel: 'warn', build: { write: false, target: 'es2022', minify: true, modulePreload: false, rolldownOptions: { input: dir + '/app.js' } } });
const br = (c) => brotliCompressSync(c, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
for (const o of (Array.isArray(out) ? out : [out])[0].output) if (o.isEntry) writeFileSync('/tmp/peerswork/vite-app.js', o.code);
for (const o of (Array.isArray(out) ? out : [out])[0].output) if (o.type === 'chunk') console.log(o.fileName, o.isEntry, o.code.length, br(o.code), o.imports, o.dynamicImports);
