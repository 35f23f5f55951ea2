/**
 * Draws a KPI chart at build time: Chart.js in Node onto @napi-rs/canvas, saved as a 16-colour palette PNG. Charts are
 * cached by a hash of their configuration and of the renderer, so a rebuild redraws only the charts whose figures
 * changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import sharp from 'sharp';
import { CHART_SIZES, type ChartLayout, type KpiChartConfig } from './config';
import { definitionBreaks } from './definition-breaks';

Chart.register(...registerables, definitionBreaks);

/**
 * Pixels drawn per layout pixel: enough to stay sharp on a phone's dense screen and in a desktop column, few enough
 * that a page of 25 charts stays under 300 kB in either layout.
 */
export const CHART_SCALE: Record<ChartLayout, number> = { wide: 1.5, narrow: 1.75 };
/**
 * Colours in the palette. A chart has at most a dozen flat colours; 16 keeps them and the edges of text, in 4 bits a
 * pixel, a quarter of the size of a full-colour PNG. No dithering: it would speckle flat areas and cost bytes.
 */
const PALETTE = { palette: true, colours: 16, dither: 0, effort: 10, compressionLevel: 9 } as const;
/** Fonts found on Debian and CI images first; the browser's interactive chart uses the page's own font. */
const FAMILIES = ['Liberation Sans', 'DejaVu Sans', 'Arial'];
const FONT = `${FAMILIES.map((f) => `'${f}'`).join(', ')}, sans-serif`;

/**
 * The family the charts' text is drawn in on this machine: the first of `FONT`'s that is installed. Installing one
 * (Chromium brings Liberation Sans) changes every chart's pixels with no change to its configuration.
 */
export const drawnIn = (installed: (family: string) => boolean = (family) => GlobalFonts.has(family)): string =>
  FAMILIES.find(installed) ?? 'sans-serif';
/** Asked once: the fonts installed do not change while a build runs. */
const DRAWN_IN = drawnIn();

/** Anything that changes the pixels without changing the configuration goes in here, so the cache misses. */
const RENDERER = `chart.js ${Chart.version}; @napi-rs/canvas; sharp ${sharp.versions.sharp}; ${JSON.stringify(PALETTE)}; ${FONT}`;

/** The cache key of a chart: a hash of its configuration and of how it is drawn, in which font. */
export function chartKey(config: KpiChartConfig, layout: ChartLayout, font = DRAWN_IN): string {
  const size = CHART_SIZES[layout];
  return createHash('sha256')
    .update(`${RENDERER}; drawn in ${font}; ${size.width}x${size.height} at ${CHART_SCALE[layout]}x`)
    .update(JSON.stringify(config))
    .digest('hex')
    .slice(0, 20);
}

/** Where drawn charts are kept between builds: beside Astro's own cache (`CHAMBER_CACHE_DIR`, as astro.config). */
export const chartCacheDir = (env: Record<string, string | undefined>): string =>
  resolve(env['CHAMBER_CACHE_DIR'] ?? 'node_modules/.astro', 'charts');

/** Draws a chart to PNG, or returns the cached PNG of an identical chart. */
export async function renderChart(config: KpiChartConfig, layout: ChartLayout, cacheDir: string): Promise<Buffer> {
  const file = join(cacheDir, `${chartKey(config, layout)}.png`);
  if (existsSync(file)) return readFileSync(file);
  const size = CHART_SIZES[layout];
  const canvas = createCanvas(size.width, size.height);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      devicePixelRatio: CHART_SCALE[layout],
      font: { family: FONT },
    },
    plugins: [
      // A white background: a transparent PNG is unreadable in a dark image viewer.
      {
        id: 'whiteBackground',
        beforeDraw: (c) => {
          c.ctx.save();
          c.ctx.fillStyle = '#ffffff';
          c.ctx.fillRect(0, 0, c.width, c.height);
          c.ctx.restore();
        },
      },
    ],
  } as ChartConfiguration);
  try {
    // The pixels as drawn (opaque, on the white background), straight to the palette encoder.
    const raw = { width: canvas.width, height: canvas.height, channels: 4 } as const;
    const png = await sharp(canvas.data(), { raw }).png(PALETTE).toBuffer();
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a build running beside this one never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, file);
    return png;
  } finally {
    chart.destroy();
  }
}
