import type { ChartType, Plugin } from 'chart.js';

/** Where a KPI's definition changed: the first category (x index) measured the new way, and what to call it. */
export interface DefinitionBreak {
  at: number;
  label: string;
}

export interface DefinitionBreaksOptions {
  breaks: DefinitionBreak[];
  color: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    /** Vertical rules where a KPI's definition changed (line charts only); see `definitionBreaks`. */
    definitionBreaks?: TType extends 'line' ? DefinitionBreaksOptions : never;
  }
}

/**
 * Draws a labelled, dashed vertical rule just before the first period measured under a new definition, so the gap
 * in the line reads as "measured differently from here", not as missing data. Shared by the build-time renderer and
 * the interactive chart, so both draw the same picture.
 */
export const definitionBreaks: Plugin<'line', DefinitionBreaksOptions> = {
  id: 'definitionBreaks',
  afterDatasetsDraw(chart, _args, options) {
    const x = chart.scales['x'];
    if (!x || !options.breaks?.length) return;
    const { ctx } = chart;
    const { top, bottom, left, right } = chart.chartArea;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.fillStyle = options.color;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.font = `bold 13px ${chart.options.font?.family ?? 'sans-serif'}`;
    for (const b of options.breaks) {
      const px = Math.min(right, Math.max(left, x.getPixelForValue(b.at - 0.5)));
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      const width = ctx.measureText(b.label).width;
      // Above the plot, clear of the points, on the side with room so it is never clipped at the chart's edge.
      ctx.textAlign = px + width / 2 > right ? 'right' : px - width / 2 < left ? 'left' : 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(b.label, ctx.textAlign === 'right' ? px + 6 : ctx.textAlign === 'left' ? px - 6 : px, top - 6);
    }
    ctx.restore();
  },
};
