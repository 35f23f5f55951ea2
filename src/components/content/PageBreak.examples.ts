import { componentExamples } from '../../schema/component-example';

/** Page ends of each kind, as the importer marks them (content/documents/ and the Milburn parish fixture). */
export default componentExamples('PageBreak', [
  {
    name: 'page number',
    description: 'A printed page number ("Page 1 of 2") where a page ended: announced as the end of that page, not read as text.',
    props: { kind: 'page-number', printed: 'Page 1 of 2', page: 1, line: 40 },
    expect: {
      text: ['Page 1 ends'],
      elements: [
        { selector: 'div.page-break[role="separator"][aria-label="Page 1 ends"][data-source-line="40"][data-pagefind-ignore]', text: 'Page 1 ends' },
      ],
    },
  },
  {
    name: 'running head with a page number',
    description: 'The heading printed at the top of page 2: names the page that starts, not the words repeated on every page.',
    props: { kind: 'running-head', printed: 'Milburn Parish Council - 6th November 2018', page: 2, line: 41 },
    expect: {
      text: ['Page 2'],
      elements: [{ selector: '[role="separator"][aria-label="Page 2"][data-source-line="41"]', text: 'Page 2' }],
    },
  },
  {
    name: 'running head, page not printed',
    description: 'A running head on a page that printed no number: only that a new page starts.',
    props: { kind: 'running-head', printed: 'Leicestershire County Council Strategic Plan 2014-18', line: 118 },
    expect: {
      text: ['New page'],
      elements: [{ selector: '[role="separator"][aria-label="New page"]', text: 'New page' }],
    },
  },
  {
    name: 'page',
    description: 'The last page of the parish minutes ("Page 2 of 2"), where its number stands at the top.',
    props: { kind: 'page', printed: 'Page 2 of 2', page: 2, line: 86 },
    expect: {
      text: ['Page 2'],
      elements: [{ selector: '[role="separator"][aria-label="Page 2"][data-source-line="86"]', text: 'Page 2' }],
    },
  },
  {
    name: 'blank page',
    description: '"This page is intentionally left blank": kept so page numbers still match the pack.',
    props: { kind: 'blank-page', printed: 'This page is intentionally left blank', line: 212 },
    expect: {
      text: ['Blank page in the printed pack'],
      elements: [{ selector: '[role="separator"][aria-label="Blank page in the printed pack"]', text: 'Blank page in the printed pack' }],
    },
  },
  {
    name: 'draft stamp',
    description: 'A page stamped DRAFT across it: said in words, not shouted in capitals.',
    props: { kind: 'draft-stamp', printed: 'DRAFT', line: 324 },
    expect: {
      text: ['Page marked draft'],
      elements: [{ selector: '[role="separator"][aria-label="Page marked draft"][data-source-line="324"]', text: 'Page marked draft' }],
    },
  },
]);
