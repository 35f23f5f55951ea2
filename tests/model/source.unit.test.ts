import { describe, expect, test } from 'vitest';
import { fileSize, originalDownloadLabel, pageAnchor, pageLines, publishedOriginal } from '../../src/model/source';
import { reportFacets, siteFilterValues, filterValues } from '../../src/model/search-facets';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { contentGraph } from '../helpers/graph';

const parish = contentGraph(PARISH_FIXTURE);

describe('the original file of a source', () => {
  test.each([
    [850, '850 bytes'],
    [1, '1 byte'],
    [114_181, '112 KB'],
    [250_880, '245 KB'],
    [1_258_291, '1.2 MB'],
    [2_097_152, '2 MB'],
  ])('%i bytes is "%s"', (bytes, printed) => expect(fileSize(bytes)).toBe(printed));

  test('is offered in words that say what it is and how big', () => {
    expect(originalDownloadLabel('pdf', 250_880)).toBe('Download the original PDF (245 KB)');
    expect(originalDownloadLabel('docx', 20_480)).toBe('Download the original Word document (20 KB)');
    expect(originalDownloadLabel('html', 12_288)).toBe('Download the original web page, as HTML text (12 KB)');
  });

  test('is published under its own name, except a web page, which is published as text', () => {
    const source = parish.source.get('milburn-parish-council-full-council-2018-11-06-minutes')!;
    expect(publishedOriginal(source.data)).toBe('milburn-parish-council-full-council-2018-11-06-minutes.pdf');
    expect(publishedOriginal({ format: 'html', original: 'minutes.html' })).toBe('minutes.html.txt');
    expect(publishedOriginal({ format: 'txt', original: undefined })).toBeUndefined();
  });
});

describe('pages of a source', () => {
  test('each page runs from its first line to the line before the next page; the last to the end', () => {
    expect(pageLines([1, 42])).toEqual([{ page: 1, from: 1, to: 41 }, { page: 2, from: 42, to: undefined }]);
    expect(pageLines([])).toEqual([]);
    expect(pageAnchor(2)).toBe('page-2');
  });
});

describe('sources and documents without a date', () => {
  test('are indexed with no date and no year, never 1970', () => {
    const undated = parish.document.get('milburn/2019/meeting-dates')!;
    expect(parish.source.get(undated.data.source.pack)!.data.date).toBeUndefined();
    const facets = reportFacets(parish, undated);
    expect(facets).toMatchObject({ type: 'forward-plan', council: 'Milburn Parish Council' });
    expect(facets.date).toBeUndefined();
    expect(filterValues(facets).year).toBeUndefined();
    expect(siteFilterValues(parish).year).toEqual(['2018']);
  });
});
