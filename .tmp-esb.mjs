import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/peerswork/entry.js', "import 'iop-kit/iop-crisis-connect';\n");
const r = await build({ stdin: { contents: "import 'iop-kit/iop-crisis-connect';", resolveDir: process.cwd(), sourcefile: 'app.js' }, bundle: true, splitting: true, outdir: '/tmp/peerswork/out', minify: true, format: 'esm', target: 'es2022', write: false, metafile: true, legalComments: 'none' });
const br = (c) => brotliCompressSync(c, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const outs = r.metafile.outputs;
for (const f of r.outputFiles) { const k = Object.keys(outs).find(k => f.path.endsWith(k.replace(/^(\.\.\/)+/, ''))); console.log(k, f.contents.length, br(f.contents), outs[k].imports.map(i=>i.kind+':'+i.path).join(' ')); }
for (const [k, v] of Object.entries(outs)) { console.log('==', k); for (const [i, b] of Object.entries(v.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) if (b.bytesInOutput > 50) console.log('  ', b.bytesInOutput, i); }
const st = r.outputFiles.filter(f => /stdin|HHIRGP6E|HH2NHUXQ/.test(f.path)).map(f=>Buffer.from(f.contents));
console.log('concat', br(Buffer.concat(st)));
