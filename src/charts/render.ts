/**
 * Draws a KPI chart at build time: Chart.js in Node onto @napi-rs/canvas, saved as PNG. Charts are cached by a hash
 * of their configuration and of the renderer, so a rebuild redraws only the charts whose figures changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { CHART_SIZE, type KpiChartConfig } from '../model/kpi';
import { definitionBreaks } from './definition-breaks';

Chart.register(...registerables, definitionBreaks);

/** Drawn at twice the layout size, so text stays sharp on high-density phone screens. */
const SCALE = 2;
/** Fonts found on Debian and CI images first; the browser's interactive chart uses the page's own font. */
const FONT = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
/** Anything that changes the pixels without changing the configuration goes in here, so the cache misses. */
const RENDERER = `chart.js ${Chart.version}; @napi-rs/canvas; ${SCALE}x; ${FONT}; ${CHART_SIZE.width}x${CHART_SIZE.height}`;

/** The cache key of a chart: a hash of its configuration and of how it is drawn. */
export function chartKey(config: KpiChartConfig): string {
  return createHash('sha256').update(RENDERER).update(JSON.stringify(config)).digest('hex').slice(0, 20);
}

/** Where drawn charts are kept between builds: beside Astro's own cache (`CHAMBER_CACHE_DIR`, as astro.config). */
export const chartCacheDir = (env: Record<string, string | undefined>): string =>
  resolve(env['CHAMBER_CACHE_DIR'] ?? 'node_modules/.astro', 'charts');

/** Draws a chart to PNG, or returns the cached PNG of an identical chart. */
export async function renderChart(config: KpiChartConfig, cacheDir: string): Promise<Buffer> {
  const file = join(cacheDir, `${chartKey(config)}.png`);
  if (existsSync(file)) return readFileSync(file);
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      devicePixelRatio: SCALE,
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
    const png = await canvas.encode('png');
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
