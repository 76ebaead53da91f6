import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
const br = (c) => brotliCompressSync(c, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const dynExternal = { name: 'dyn', setup(b) { b.onResolve({ filter: /.*/ }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined); } };
for (const entry of [process.argv[2]]) {
  const r = await build({ stdin: { contents: `import '${entry}';`, resolveDir: process.cwd(), sourcefile: 'app.js' }, bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, metafile: true, legalComments: 'none', plugins: [dynExternal], tsconfig: 'tsconfig.json' });
  const c = r.outputFiles[0].contents; console.log(entry, c.length, br(c));
  if (process.argv[3]) for (const [i, b] of Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log('  ', b.bytesInOutput, i);
}
