import { componentExamples } from '../../schema/component-example';

/** Errata as the importer writes them where a pack's figures disagree with themselves (content/documents/). */
export default componentExamples('Erratum', [
  {
    name: 'printed value and the source\'s own',
    description: 'A workshop report that says "six" workshops where its own list names seven: the printed word, the figure the source itself gives, and why.',
    props: {
      subject: 'Number of workshops (line 11)',
      printed: 'six',
      expected: '7',
      note: 'The text says "six" workshops, but the list at lines 40–52 names seven (W1–W7).',
    },
    expect: {
      text: ['Erratum: Number of workshops (line 11).', 'Printed as “six”', 'the source\'s own figures give 7', 'The text says "six" workshops'],
      elements: [
        { selector: 'div.erratum[role="note"]' },
        {
          selector: 'p',
          text: 'Erratum: Number of workshops (line 11). Printed as “six”; the source\'s own figures give 7. The text says "six" workshops, but the list at lines 40–52 names seven (W1–W7).',
        },
      ],
      absent: ['aside'],
    },
  },
  {
    name: 'printed value only',
    description: 'A plan that numbers two priorities 8: nothing to correct it to, so only what was printed and why it is wrong.',
    props: {
      subject: 'Priority 8',
      printed: 'Priority 8',
      note: 'The number 8 is given to two different priorities (lines 577 and 587). Each is kept as printed: the plan lists ten priorities numbered 1 to 9.',
    },
    expect: {
      text: ['Erratum: Priority 8.', 'Printed as “Priority 8”.', 'The number 8 is given to two different priorities'],
      elements: [
        {
          selector: 'div.erratum[role="note"] > p',
          text: 'Erratum: Priority 8. Printed as “Priority 8”. The number 8 is given to two different priorities (lines 577 and 587). Each is kept as printed: the plan lists ten priorities numbered 1 to 9.',
        },
      ],
    },
  },
]);
