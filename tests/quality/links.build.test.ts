import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BASE, DIST, SITE } from '../helpers/dist';
import { checkLinks } from './links';

/** Beside the build, like the build's own scratch folder, so the report never ships with the site. */
const REPORT = join(dirname(DIST), '.chamber', 'reports', 'external-links.txt');

describe(`links in ${DIST}`, () => {
  const report = checkLinks(DIST, { base: BASE, site: SITE });

  test('every internal link and anchor resolves', () => {
    console.log(
      `Link check: ${report.pages} pages, ${report.internal} internal links (${report.anchors} into anchors) checked, ` +
        `${report.broken.length} broken; ${report.external.size} external addresses listed in ${REPORT}`,
    );
    expect(report.pages).toBeGreaterThan(0);
    expect(report.internal).toBeGreaterThan(report.pages);
    expect(report.broken).toEqual([]);
  });

  test('external links use web, mail or phone addresses only, and are listed in a report', () => {
    const lines = [...report.external].sort(([a], [b]) => a.localeCompare(b)).map(([url, pages]) => `${url}\t${pages.join(' ')}`);
    mkdirSync(dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, `# External addresses linked from ${DIST} (not fetched)\n${lines.join('\n')}\n`);
    const hosts = new Map<string, number>();
    for (const url of report.external.keys()) {
      const host = URL.canParse(url) ? new URL(url).host || new URL(url).protocol : url;
      hosts.set(host, (hosts.get(host) ?? 0) + 1);
    }
    console.log(`External addresses by host:\n${[...hosts].map(([h, n]) => `  ${String(n).padStart(4)}  ${h}`).join('\n')}`);
    // A file: or intranet-only scheme copied from a pack would be dead for every reader.
    expect([...report.external.keys()].filter((url) => !/^(https?|mailto|tel):/.test(url))).toEqual([]);
  });
});
