/**
 * Demo lead illustrations, drawn as SVG and rasterised by sharp: the demo ships no image
 * files from elsewhere, and each picture really shows what its alt text says.
 */
import { images } from '../media/images.js';
import type { DemoImage } from './demo/types.js';

export const DEMO_IMAGE_WIDTH = 1600;
export const DEMO_IMAGE_HEIGHT = 900;

/** A small deterministic generator, so the same demo always draws the same pictures. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(((h % 360) + 360) % 360)} ${s}% ${l}%)`;

function motifShapes(image: DemoImage, rnd: () => number): string {
  const W = DEMO_IMAGE_WIDTH;
  const H = DEMO_IMAGE_HEIGHT;
  const h = image.hue;
  const dark = hsl(h + 200, 30, 14);
  const parts: string[] = [];
  switch (image.motif) {
    case 'city': {
      let x = -20;
      while (x < W) {
        const w = 60 + rnd() * 110;
        const top = H * (0.35 + rnd() * 0.35);
        parts.push(`<rect x="${x.toFixed(0)}" y="${top.toFixed(0)}" width="${w.toFixed(0)}" height="${(H - top).toFixed(0)}" fill="${dark}"/>`);
        for (let wy = top + 20; wy < H - 30; wy += 34) {
          for (let wx = x + 12; wx < x + w - 18; wx += 26) if (rnd() > 0.55) parts.push(`<rect x="${wx.toFixed(0)}" y="${wy.toFixed(0)}" width="10" height="14" fill="${hsl(h + 30, 90, 70)}" opacity="0.8"/>`);
        }
        x += w + 6;
      }
      break;
    }
    case 'sea': {
      parts.push(`<rect x="0" y="${H * 0.55}" width="${W}" height="${H * 0.45}" fill="${hsl(h + 180, 45, 28)}"/>`);
      for (let i = 0; i < 9; i++) {
        const y = H * 0.6 + i * 38;
        let d = `M0 ${y}`;
        for (let x = 0; x <= W; x += 80) d += ` Q ${x + 40} ${y - 14 - rnd() * 10} ${x + 80} ${y}`;
        parts.push(`<path d="${d}" fill="none" stroke="${hsl(h + 180, 40, 60 + i * 2)}" stroke-width="4" opacity="0.7"/>`);
      }
      break;
    }
    case 'hills':
    case 'desert':
    case 'forest': {
      for (let layer = 0; layer < 4; layer++) {
        const base = H * (0.45 + layer * 0.13);
        let d = `M0 ${H} L0 ${base}`;
        for (let x = 0; x <= W; x += 200) d += ` Q ${x + 100} ${base - 60 - rnd() * 90} ${x + 200} ${base - rnd() * 30}`;
        d += ` L${W} ${H} Z`;
        const colour = image.motif === 'desert' ? hsl(h + 30, 55, 60 - layer * 9) : hsl(h + 100, 35, 45 - layer * 8);
        parts.push(`<path d="${d}" fill="${colour}"/>`);
        if (image.motif === 'forest') {
          for (let t = 0; t < 14; t++) {
            const tx = rnd() * W;
            const ty = base + 20 + rnd() * 60;
            const th = 60 + rnd() * 70;
            parts.push(`<path d="M${tx.toFixed(0)} ${(ty - th).toFixed(0)} L${(tx - th / 3).toFixed(0)} ${ty.toFixed(0)} L${(tx + th / 3).toFixed(0)} ${ty.toFixed(0)} Z" fill="${hsl(h + 110, 40, 22 - layer * 3)}"/>`);
          }
        }
      }
      break;
    }
    case 'chamber': {
      const cx = W / 2;
      const cy = H * 0.95;
      for (let row = 0; row < 7; row++) {
        const r = 220 + row * 80;
        const seats = 14 + row * 5;
        for (let i = 0; i <= seats; i++) {
          const a = Math.PI + (Math.PI * i) / seats;
          const colour = i / seats < 0.4 ? hsl(h, 65, 50) : i / seats < 0.55 ? hsl(h + 60, 20, 80) : hsl(h + 180, 55, 45);
          parts.push(`<circle cx="${(cx + r * Math.cos(a)).toFixed(1)}" cy="${(cy + r * Math.sin(a)).toFixed(1)}" r="15" fill="${colour}"/>`);
        }
      }
      break;
    }
    case 'chart': {
      parts.push(`<line x1="160" y1="${H - 120}" x2="${W - 120}" y2="${H - 120}" stroke="${dark}" stroke-width="6"/>`);
      const bars = 10;
      let v = 0.3;
      for (let i = 0; i < bars; i++) {
        v = Math.min(0.95, Math.max(0.1, v + (rnd() - 0.35) * 0.2));
        const bh = v * (H - 260);
        parts.push(`<rect x="${200 + i * 125}" y="${(H - 120 - bh).toFixed(0)}" width="80" height="${bh.toFixed(0)}" rx="6" fill="${hsl(h, 60, 40 + i * 2)}"/>`);
      }
      break;
    }
    case 'stadium': {
      parts.push(`<ellipse cx="${W / 2}" cy="${H * 0.68}" rx="${W * 0.46}" ry="${H * 0.3}" fill="${dark}"/>`);
      parts.push(`<ellipse cx="${W / 2}" cy="${H * 0.7}" rx="${W * 0.34}" ry="${H * 0.19}" fill="${hsl(h + 100, 45, 38)}"/>`);
      parts.push(`<line x1="${W / 2}" y1="${H * 0.51}" x2="${W / 2}" y2="${H * 0.89}" stroke="white" stroke-width="5" opacity="0.8"/>`);
      parts.push(`<ellipse cx="${W / 2}" cy="${H * 0.7}" rx="90" ry="50" fill="none" stroke="white" stroke-width="5" opacity="0.8"/>`);
      for (let i = 0; i < 260; i++) {
        const a = rnd() * Math.PI * 2;
        const r = 0.8 + rnd() * 0.18;
        parts.push(`<circle cx="${(W / 2 + Math.cos(a) * W * 0.42 * r).toFixed(0)}" cy="${(H * 0.68 + Math.sin(a) * H * 0.27 * r).toFixed(0)}" r="5" fill="${hsl(h + rnd() * 120, 70, 60)}"/>`);
      }
      break;
    }
  }
  return parts.join('');
}

export function demoImageSvg(image: DemoImage, seed: number): string {
  const rnd = random(seed);
  const h = image.hue;
  const sunX = 200 + rnd() * 1200;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_IMAGE_WIDTH}" height="${DEMO_IMAGE_HEIGHT}" viewBox="0 0 ${DEMO_IMAGE_WIDTH} ${DEMO_IMAGE_HEIGHT}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hsl(h + 220, 45, 22)}"/><stop offset="0.7" stop-color="${hsl(h, 70, 58)}"/><stop offset="1" stop-color="${hsl(h + 20, 85, 72)}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#sky)"/>
<circle cx="${sunX.toFixed(0)}" cy="${(200 + rnd() * 150).toFixed(0)}" r="${(70 + rnd() * 40).toFixed(0)}" fill="${hsl(h + 40, 95, 82)}" opacity="0.9"/>
${motifShapes(image, rnd)}
</svg>`;
}

/** The illustration as a JPEG original, like a photo an editor would upload. */
export async function renderDemoImage(image: DemoImage, seed: number): Promise<Buffer> {
  return images.rasterise(demoImageSvg(image, seed));
}
