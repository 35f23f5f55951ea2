import { componentExamples } from '../../schema/component-example';

/** Decisions of each kind from the Leicestershire Scrutiny Commission (content/minutes/) and the Milburn parish fixture. */
export default componentExamples('Resolved', [
  {
    name: 'resolution',
    description: 'A parish council decision, printed "resolved" in the sentence: labelled Decision, with the word as printed.',
    props: { id: 'decision-18-11-7-a', printedAs: 'resolved', kind: 'resolution' },
    slot: '<p>Councillors resolved to donate £65</p>',
    expect: {
      text: ['Decision', '(printed as “resolved”)', 'Link to this decision', 'Councillors resolved to donate £65'],
      elements: [
        { selector: 'div.decision#decision-18-11-7-a[data-decision-kind="resolution"]' },
        { selector: '.decision-label > strong', text: 'Decision' },
        { selector: '.decision-label a.anchor[href="#decision-18-11-7-a"]', text: 'Link to this decision' },
        { selector: 'p.decision-label + p', text: 'Councillors resolved to donate £65' },
      ],
    },
  },
  {
    name: 'recommendation',
    description: 'A commission commending a plan to Cabinet: a recommendation, its lettered part as a list item.',
    props: { id: 'decision-180-a', printedAs: 'RESOLVED', kind: 'recommendation' },
    slot: '<ul>\n<li>(a) That the Enabling Growth Plan be commended for consideration at the Cabinet\'s meeting on 16 March alongside the comments of the Commission;</li>\n</ul>',
    expect: {
      text: ['Recommendation', '(printed as “RESOLVED”)', 'Link to this recommendation', '(a) That the Enabling Growth Plan be commended'],
      elements: [
        { selector: '#decision-180-a[data-decision-kind="recommendation"]' },
        { selector: '.decision-label > strong', text: 'Recommendation' },
        { selector: 'div.decision > ul > li' },
      ],
    },
  },
  {
    name: 'noting, word misspelt as printed',
    description: 'A report noted under "RESVOLED": the misspelling is kept, because it is what the minutes say.',
    props: { id: 'decision-66-a', printedAs: 'RESVOLED', kind: 'noting' },
    slot: '<ul>\n<li>(a) That the report and further information now provided in respect of SEND Services, budget pressures and wider impacts on the SEND transport be noted and welcomed;</li>\n</ul>',
    expect: {
      text: ['Noted', '(printed as “RESVOLED”)', 'Link to this noted', '(a) That the report and further information'],
      elements: [
        { selector: '#decision-66-a[data-decision-kind="noting"]' },
        { selector: '.decision-label .meta', text: '(printed as “RESVOLED”)' },
      ],
    },
  },
  {
    name: 'rejected',
    description: 'A parish council declining a request for a donation: labelled Rejected, so a refusal never reads as a decision to act.',
    props: { id: 'decision-18-11-7-b', printedAs: 'resolved not to support', kind: 'rejected' },
    slot: '<p>the Councillors resolved not to support</p>',
    expect: {
      text: ['Rejected', '(printed as “resolved not to support”)', 'Link to this rejected', 'the Councillors resolved not to support'],
      elements: [
        { selector: '#decision-18-11-7-b[data-decision-kind="rejected"]' },
        { selector: '.decision-label > strong', text: 'Rejected' },
      ],
    },
  },
  {
    name: 'Welsh',
    description: 'The parish decision in the Welsh minutes, printed "penderfynodd", on a page whose language is Welsh.',
    lang: 'cy',
    props: { id: 'decision-18-11-7-a', printedAs: 'penderfynodd', kind: 'resolution' },
    slot: '<p>Penderfynodd y Cynghorwyr roi £65</p>',
    expect: {
      text: ['(printed as “penderfynodd”)', 'Penderfynodd y Cynghorwyr roi £65'],
      elements: [{ selector: '#decision-18-11-7-a[data-decision-kind="resolution"]' }],
    },
  },
]);
