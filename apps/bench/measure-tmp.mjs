import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
const require = createRequire(process.cwd() + '/../runtime-smoke/package.json');
const esbuild = require('esbuild');
const entries = {
  wireai: `import { OpenAI } from '@wireai/openai-client'; import { createFetchTransport } from '@wireai/transport-fetch'; export const c = new OpenAI('k', { transport: createFetchTransport() });`,
  openai: `import OpenAI from 'openai'; export const c = new OpenAI({ apiKey: 'k', dangerouslyAllowBrowser: true });`,
};
for (const [name, contents] of Object.entries(entries)) {
  const r = await esbuild.build({ stdin: { contents, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent', external: process.env.EXT ? [process.env.EXT] : [] });
  const code = r.outputFiles[0].contents;
  const by = {};
  for (const [p, i] of Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs)) {
    const m = p.match(/node_modules\/((?:@[^/]+\/)?[^/@]+)(?!.*node_modules)/) ?? p.match(/packages\/([^/]+)/);
    const k = m ? m[1] : p; by[k] = (by[k] ?? 0) + i.bytesInOutput;
  }
  console.log(name, code.length, gzipSync(code).length, by);
}
const r = await esbuild.build({ stdin: { contents: entries.wireai, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent', external: ['zod'] });
const ins = r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs;
for (const [p, i] of Object.entries(ins).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log(i.bytesInOutput, p.replace(/.*packages\//,''));
