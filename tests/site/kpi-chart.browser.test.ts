import { describe, expect, test } from 'vitest';
import { CHART_SIZES } from '../../src/charts/config';
import { REFLOW_WIDTH } from '../../src/model/accessibility';
import { paths, withBase } from '../../src/model/url';
import { servedSite, watchForErrors } from '../helpers/browser';
import { BASE } from '../helpers/dist';
import { contentGraph } from '../helpers/graph';

const site = servedSite();
// A measure printed in several editions: several lines and a key, the chart that most needs the room.
const kpis = contentGraph().kpis;
const kpi = kpis.find((k) => k.data.editions.length > 1) ?? kpis[0]!;

/** The interactive chart at a window width: its drawn size, and the key entries Chart.js fitted in. */
async function drawnAt(width: number) {
  const context = await site.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const watched = watchForErrors(page);
  await page.goto(new URL(withBase(BASE, paths.kpiInteractive(kpi.id)), site.server.origin).href);
  await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('#kpi-chart')?.style.height ?? '') !== '');
  const box = await page.locator('#kpi-chart').boundingBox();
  await context.close();
  expect(watched.problems).toEqual([]);
  return { width: box!.width, height: box!.height };
}

describe('the interactive KPI chart', () => {
  test(`on a ${REFLOW_WIDTH} px phone it is drawn in the narrow layout, as tall as the narrow picture is for its width`, async () => {
    const drawn = await drawnAt(REFLOW_WIDTH);
    const narrow = CHART_SIZES.narrow.height / CHART_SIZES.narrow.width;
    expect(drawn.height / drawn.width).toBeCloseTo(narrow, 1);
  });

  test('on a desktop it keeps the wide layout', async () => {
    const drawn = await drawnAt(1280);
    expect(drawn.height / drawn.width).toBeCloseTo(CHART_SIZES.wide.height / CHART_SIZES.wide.width, 1);
  });
});
