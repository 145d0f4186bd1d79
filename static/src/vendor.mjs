// Copy third-party browser bundles from node_modules into static/vendor/.
// Usage: npm run vendor
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dest = join(root, 'static', 'vendor');
const files = [
  ['node_modules/htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['node_modules/sortablejs/Sortable.min.js', 'Sortable.min.js'],
];

mkdirSync(dest, { recursive: true });
for (const [src, name] of files) {
  copyFileSync(join(root, src), join(dest, name));
  console.log(`vendored ${src} -> static/vendor/${name}`);
}
