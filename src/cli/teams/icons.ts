import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];

const BRAND: Rgba = [0x0b, 0x6e, 0x69, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** True when (x, y), in units of the icon size, lies on the rebound glyph: an open ring ending in an arrowhead. */
export function onGlyph(x: number, y: number): boolean {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI; // 0 = right, 90 = down
  // The ring: radius 0.28 +- 0.07, open between -60 and 0 degrees (upper right), where the arrow points back in.
  const onRing = r > 0.21 && r < 0.35 && !(angle > -70 && angle < 5);
  return onRing || inTriangle(x, y, [0.5 + 0.28, 0.5 - 0.18], [0.5 + 0.46, 0.5 - 0.02], [0.5 + 0.12, 0.5 - 0.02]);
}

function inTriangle(px: number, py: number, a: number[], b: number[], c: number[]): boolean {
  const sign = (p: number[], q: number[], r: number[]) => (p[0]! - r[0]!) * (q[1]! - r[1]!) - (q[0]! - r[0]!) * (p[1]! - r[1]!);
  const pt = [px, py];
  const d1 = sign(pt, a, b);
  const d2 = sign(pt, b, c);
  const d3 = sign(pt, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function draw(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

/** The 192x192 colour icon: a white rebound glyph on a brand-coloured disc, transparent corners. */
export function colorIcon(): Buffer {
  return draw(192, (x, y) => (Math.hypot(x - 0.5, y - 0.5) > 0.5 ? [0, 0, 0, 0] : onGlyph(x, y) ? WHITE : BRAND));
}

/** The 32x32 outline icon: the glyph in white on a transparent background, as Teams requires. */
export function outlineIcon(): Buffer {
  return draw(32, (x, y) => (onGlyph(x, y) ? WHITE : [0, 0, 0, 0]));
}
