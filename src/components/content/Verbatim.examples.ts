import { componentExamples } from '../../schema/component-example';

/** Text the importer kept as printed, for each reason it gives (scripts/import/render/body.ts). */
export default componentExamples('Verbatim', [
  {
    name: 'columns cut words in two',
    description: 'A three-column plan whose columns the PDF text split mid-word: kept line for line, tabs and all, with the line it starts on.',
    props: {
      text: 'PRIORITY\tPLANS/ACTIONS\tMEASUREMENT/TARGETS\nImplement\tImplement LTP3 Implementation Plan\t29.4 mph average vehicle\nStrategic\t2014 to 2017 and Network Management\tspeed at peak times - more\nTransport\tPlan. Support Strategic Economic Plan\tconsistent and reliable journey',
      line: 340,
      reason: 'columns cut words in two',
    },
    expect: {
      text: ['Shown as printed (line 340 of the source: columns cut words in two)', 'PRIORITY', 'Implement LTP3 Implementation Plan'],
      elements: [
        { selector: 'div.verbatim[data-source-line="340"] > p.verbatim-label[data-pagefind-ignore]', text: 'Shown as printed (line 340 of the source: columns cut words in two)' },
        { selector: 'div.verbatim > pre' },
      ],
    },
  },
  {
    name: 'letters from another alphabet',
    description: 'A contents line where extraction put a Cyrillic letter inside English words: kept exactly, so an editor can find and fix it.',
    props: { text: 'Т\transfo\trmation objectives and principles\t. 6', line: 795, reason: 'letters from another alphabet' },
    expect: {
      text: ['Shown as printed (line 795 of the source: letters from another alphabet)', 'Т', 'rmation objectives and principles'],
      elements: [{ selector: '[data-source-line="795"] > pre' }],
    },
  },
  {
    name: 'markup not understood',
    description: 'A line of HTML in a Word document the importer could not read: shown as text, never run as markup.',
    props: { text: '<font face="Arial"><b>Item 7: Play area</b></font>', line: 12, reason: 'markup not understood' },
    expect: {
      text: ['Shown as printed (line 12 of the source: markup not understood)', '<font face="Arial"><b>Item 7: Play area</b></font>'],
      elements: [{ selector: 'pre', text: '<font face="Arial"><b>Item 7: Play area</b></font>' }],
      absent: ['font', 'b'],
    },
  },
]);
