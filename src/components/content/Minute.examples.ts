import { componentExamples } from '../../schema/component-example';

/** Minutes from the Leicestershire Scrutiny Commission (content/minutes/) and the Milburn parish fixture (tests/fixtures/parish/). */
export default componentExamples('Minute', [
  {
    name: 'numbered, as printed',
    description: 'A county minute printed "173." before its title: the number as printed, an anchor from the number, and a permalink naming the minute.',
    props: { number: '173', label: '173.', title: 'Minutes.' },
    slot: '<p>The minutes of the meeting held on 28 January 2015 were taken as read, confirmed and signed subject to Mr. Shepherd being included in the list of declarations under Minute 164.</p>',
    expect: {
      text: ['173. Minutes.', 'Link to minute 173', 'The minutes of the meeting held on 28 January 2015'],
      elements: [
        { selector: 'section.minute#minute-173[aria-labelledby="minute-173-name"]' },
        { selector: 'h2#minute-173-title > #minute-173-name', text: '173. Minutes.' },
        { selector: '.minute-number', text: '173.' },
        { selector: 'h2 > a.anchor[href="#minute-173"]', text: 'Link to minute 173' },
        { selector: 'section > p', text: 'The minutes of the meeting held on 28 January 2015 were taken as read, confirmed and signed subject to Mr. Shepherd being included in the list of declarations under Minute 164.' },
      ],
    },
  },
  {
    name: 'numbered, no printed label',
    description: 'A parish minute with a dotted number and no label of its own: shown with a full stop, anchored with hyphens.',
    props: { number: '18.11.1', title: 'Apologies' },
    slot: '<p>A Armstrong EDC and M Armstrong</p>',
    expect: {
      text: ['18.11.1. Apologies', 'Link to minute 18.11.1', 'A Armstrong EDC and M Armstrong'],
      elements: [
        { selector: 'section#minute-18-11-1[aria-labelledby="minute-18-11-1-name"]' },
        { selector: '.minute-number', text: '18.11.1.' },
        { selector: 'a.anchor[href="#minute-18-11-1"]', text: 'Link to minute 18.11.1' },
      ],
    },
  },
  {
    name: 'label printed without a full stop',
    description: 'A minute whose number was printed bare: the label is shown exactly, with no full stop added.',
    props: { number: '18.11.7', label: '18.11.7', title: 'Finance' },
    slot: '<p>A letter asking for a donation has been received from The Fellrunner Village Bus</p>',
    expect: {
      text: ['18.11.7 Finance', 'Link to minute 18.11.7'],
      elements: [{ selector: '#minute-18-11-7-name', text: '18.11.7 Finance' }, { selector: '.minute-number', text: '18.11.7' }],
    },
  },
  {
    name: 'unnumbered',
    description: 'A section the minutes do not number ("Present"): no number shown, an anchor from the title, and a permalink naming the title.',
    props: { title: 'Present' },
    slot: '<p>Councillors D Richardson (Chair) R Healey, N Cresswell and P Moran</p>\n<p>Clerk J Connelly</p>',
    expect: {
      text: ['Present', 'Link to “Present”', 'Councillors D Richardson (Chair)', 'Clerk J Connelly'],
      elements: [
        { selector: 'section#minute-present[aria-labelledby="minute-present-name"]' },
        { selector: '#minute-present-name', text: 'Present' },
        { selector: 'a.anchor[href="#minute-present"]', text: 'Link to “Present”' },
      ],
      absent: ['.minute-number'],
    },
  },
  {
    name: 'Welsh, unnumbered',
    description: 'The same section in the Welsh minutes ("Yn bresennol"), on a page whose language is Welsh.',
    lang: 'cy',
    props: { title: 'Yn bresennol' },
    slot: '<p>Y Cynghorwyr D Richardson (Cadeirydd), R Healey, N Cresswell a P Moran</p>',
    expect: {
      text: ['Yn bresennol', 'Y Cynghorwyr D Richardson (Cadeirydd)'],
      elements: [
        { selector: 'section#minute-yn-bresennol[aria-labelledby="minute-yn-bresennol-name"]' },
        { selector: 'a.anchor[href="#minute-yn-bresennol"]', text: 'Link to “Yn bresennol”' },
      ],
      absent: ['.minute-number'],
    },
  },
]);
