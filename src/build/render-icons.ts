// Renders public/icon/selge.svg to the PNG sizes the extension manifests use.
// WXT picks up public/icon/<size>.png and lists them under "icons" by itself.
// Run: npx tsx src/build/render-icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const iconDir = join(dirname(fileURLToPath(import.meta.url)), '../../public/icon');

export function renderIcon(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    shapeRendering: 2, // geometricPrecision: anti-aliased edges
    background: 'rgba(0,0,0,0)',
  });
  return resvg.render().asPng();
}

function main(): void {
  const svg = readFileSync(join(iconDir, 'selge.svg'), 'utf8');
  for (const size of ICON_SIZES) {
    const png = renderIcon(svg, size);
    const out = join(iconDir, `${size}.png`);
    writeFileSync(out, png);
    console.log(`${out} (${png.length} bytes)`);
  }
}

main();
