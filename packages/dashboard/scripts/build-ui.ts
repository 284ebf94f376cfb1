/** `npm run build`: writes the page to dist/ui and prints what a page load fetches. */
import { writeUi } from '../src/build-ui.js';

const built = await writeUi();
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
process.stdout.write(
  `dashboard: ${built.files.length} files in dist/ui; a page load fetches ${kb(built.pageBytes.raw)} (${kb(built.pageBytes.gzip)} gzipped)\n`,
);
