/**
 * Writes public/easy-read/<name>.svg from the picture catalogue (src/platform/easy-read/pictures.ts),
 * the one place the Easy Read pictures are drawn. Run after changing a drawing:
 * `node --import tsx scripts/draw-easy-read-pictures.ts` (a unit test fails until you do).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PICTURE_NAMES, pictureSvg } from '../src/platform/easy-read/index.ts';

const folder = fileURLToPath(new URL('../public/easy-read/', import.meta.url));
for (const name of PICTURE_NAMES) writeFileSync(`${folder}${name}.svg`, pictureSvg(name));
console.log(`Wrote ${PICTURE_NAMES.length} pictures to ${folder}`);
