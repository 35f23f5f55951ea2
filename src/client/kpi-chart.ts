/**
 * The interactive KPI chart: the configuration the build drew its PNG from, drawn again in the browser with tooltips
 * and series that can be switched off. Loaded only on the page a reader opens by choosing "Show interactive chart".
 * Only the Chart.js parts a line chart needs are imported, to keep the download small.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
  type LegendItem,
} from 'chart.js';
import type { KpiChartConfig } from '../charts/config';
import { definitionBreaks } from '../charts/definition-breaks';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Title,
  Tooltip,
  definitionBreaks,
);

/** Draws a chart in one of its layouts, with the lines its checkboxes leave shown. */
function draw(canvas: HTMLCanvasElement, layout: 'wide' | 'narrow', toggles: readonly HTMLInputElement[]): Chart {
  const narrow = layout === 'narrow';
  const config = JSON.parse(canvas.dataset[narrow ? 'chartNarrow' : 'chart'] ?? '{}') as KpiChartConfig;
  const chart = new Chart(canvas, {
    ...config,
    options: {
      ...config.options,
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: Number(canvas.dataset[narrow ? 'ratioNarrow' : 'ratio']),
      // Movement only for readers who have not asked their system to reduce it.
      animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 300 },
      interaction: { mode: 'index', intersect: false },
      plugins: {
        ...config.options?.plugins,
        legend: {
          ...config.options?.plugins?.legend,
          // A click on the legend works the matching checkbox, so the two never disagree.
          onClick: (_event: unknown, item: LegendItem) => {
            const box = toggles[item.datasetIndex ?? -1];
            if (box) box.click();
          },
        },
      },
    },
  } as ChartConfiguration);
  for (const box of toggles) chart.setDatasetVisibility(Number(box.dataset['index']), box.checked);
  chart.update();
  return chart;
}

for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
  const toggles = [...document.querySelectorAll<HTMLInputElement>(`input[data-series-of="${canvas.id}"]`)];
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  // The narrow drawing below the width the measure's page gives its narrow picture; drawn again when that changes.
  const phone = matchMedia(canvas.dataset['narrowMedia'] ?? 'not all');
  let chart = draw(canvas, phone.matches ? 'narrow' : 'wide', toggles);
  phone.addEventListener('change', () => {
    chart.destroy();
    chart = draw(canvas, phone.matches ? 'narrow' : 'wide', toggles);
  });
  for (const box of toggles) {
    box.disabled = false;
    box.addEventListener('change', () => {
      chart.setDatasetVisibility(Number(box.dataset['index']), box.checked);
      chart.update();
    });
  }
}
