// Copy third-party browser files from node_modules into static/: JS bundles (and Trix's CSS)
// into static/vendor/,
// the public site's fonts (latin subset, woff2, only the weights site.css uses) into
// static/site/fonts/.
// Usage: npm run vendor
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scripts = [
  ['node_modules/htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['node_modules/sortablejs/Sortable.min.js', 'Sortable.min.js'],
  ['node_modules/trix/dist/trix.umd.min.js', 'trix.umd.min.js'],
  ['node_modules/trix/dist/trix.css', 'trix.css'],
];
// package → [weight-style, …] as named by @fontsource: <family>-latin-<weight>-<style>.woff2
const fonts = {
  inter: ['400-normal', '500-normal', '600-normal', '700-normal'],
  'space-grotesk': ['500-normal', '700-normal'],
  fraunces: ['400-normal', '600-normal', '400-italic'],
  'source-serif-4': ['400-normal', '600-normal', '400-italic'],
  'jetbrains-mono': ['400-normal', '700-normal'],
};

function copy(src, dir, name) {
  mkdirSync(join(root, dir), { recursive: true });
  copyFileSync(join(root, src), join(root, dir, name));
  console.log(`vendored ${src} -> ${dir}/${name}`);
}

for (const [src, name] of scripts) {
  copy(src, 'static/vendor', name);
  // The source maps are not vendored: drop the comment that points at them, or Django's
  // manifest storage refuses to collect a file that names a missing one.
  const path = join(root, 'static/vendor', name);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/\n?\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, '\n'));
}
for (const [family, variants] of Object.entries(fonts)) {
  for (const variant of variants) {
    const name = `${family}-latin-${variant}.woff2`;
    copy(`node_modules/@fontsource/${family}/files/${name}`, 'static/site/fonts', name);
  }
  // The SIL Open Font License asks for its text to travel with the fonts.
  copy(`node_modules/@fontsource/${family}/LICENSE`, 'static/site/fonts', `${family}-LICENSE.txt`);
}
