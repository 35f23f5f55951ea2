import { componentExamples } from '../../schema/component-example';

const RISK_HEAD = ['Risk', 'Causes (s)', 'Consequences (s)', 'Risk Owner', 'Impact', 'Likelihood', 'Risk Score', 'List of current controls', 'Further Actions / Additional Controls', 'Residual Impact', 'Residual Likelihood', 'Residual Score'];

/** Tables as the importer writes them from the Leicester and Leicestershire packs in content/documents/. */
export default componentExamples('DataTable', [
  {
    name: 'caption, two header rows and money',
    description: 'The Youth Offending Service pooled budget, 2015/16: a caption the importer found above the table, a heading row over the column headings, and figures in pounds.',
    props: {
      caption: 'Youth Offending Service Budget for 2015/16 – Core Funding',
      head: [['Pooled Budget'], ['Agency', 'Staffing Costs', 'Payments in Kind', 'Other Delegated Funds', 'Total']],
      rows: [
        ['Police', '£91,847', '', '£91,687', '£183,534'],
        ['Probation', '£117,326', '£132,523', '£67,067', '£316,916'],
        ['YJ Grant PCC', '', '', '£567,071 £57,600', '£624,671'],
        ['Total', '£671,182', '£132,523', '£1,464,879', '£2,268,584'],
      ],
      lines: [458, 465],
    },
    expect: {
      text: ['Youth Offending Service Budget for 2015/16 – Core Funding', 'Pooled Budget', 'Agency', 'Total', 'Police', '£91,847', '£2,268,584'],
      elements: [
        { selector: 'div.table-scroll[role="region"][aria-label="Youth Offending Service Budget for 2015/16 – Core Funding"][tabindex="0"]' },
        { selector: 'caption', text: 'Youth Offending Service Budget for 2015/16 – Core Funding' },
        { selector: 'thead > tr > th[scope="col"]', text: 'Pooled Budget' },
        { selector: 'tbody th[scope="row"]', text: 'Police' },
        { selector: 'td.num', text: '£91,847' },
      ],
    },
  },
  {
    name: 'no caption: named by its source lines',
    description: 'A report\'s "other implications" table, its rows shorter than its heading row where the pack left cells blank; with no caption, the lines it came from name it.',
    props: {
      head: [['OTHER IMPLICATIONS', 'YES/NO', 'Paragraph Within Supporting information', 'References']],
      rows: [['Equal Opportunities', 'Y', '4.11'], ['Policy', 'N'], ['Crime and Disorder', 'Y', '2.3'], ['Human Rights Act', 'N']],
      lines: [438, 444],
    },
    expect: {
      text: ['Table from lines 438–444 of the source', 'OTHER IMPLICATIONS', 'Equal Opportunities', 'Y', '4.11', 'Human Rights Act', 'N'],
      elements: [
        { selector: '[role="region"][aria-label="Table from lines 438–444 of the source"][data-source-line="438"]' },
        { selector: 'caption', text: 'Table from lines 438–444 of the source' },
        { selector: 'tbody th[scope="row"]', text: 'Equal Opportunities' },
        { selector: 'td', text: 'Y' },
        { selector: 'td.num', text: '4.11' },
      ],
    },
  },
  {
    name: 'no header rows',
    description: 'A contents list printed as a table: no heading row, so no cell is a header and the first column is data like the rest.',
    props: {
      head: [],
      rows: [['1. Role and Purpose', '3'], ['2. Governance', '4'], ['3. Partnership Arrangements', '5']],
      lines: [328, 335],
    },
    expect: {
      text: ['1. Role and Purpose', '3', '3. Partnership Arrangements', '5'],
      elements: [
        { selector: 'tbody > tr > td', text: '1. Role and Purpose' },
        { selector: 'td.num', text: '3' },
      ],
      absent: ['thead', 'th'],
    },
  },
  {
    name: 'wide content',
    description: 'A twelve-column risk register with long cells and its heading row printed again inside the body: the box scrolls sideways and takes keyboard focus.',
    props: {
      head: [RISK_HEAD],
      rows: [
        [
          'The numbers of First Time Entrants (FTEs) each year will level off or increase.',
          '* A significant decrease in 14/15 FTE some attributable to introduction of LASBO changes * Reduction in prevention funding',
          '•Increase in the number of young people entering the CJS * Additional stress on already limited resources',
          'Head of Service', '2', '2', '4',
          '*Monitor numbers of FTEs on a quarterly basis. * Identify areas of poorer performance and resolve issues identified in conjunction with partners.',
          'Introduction of the new Youth Cautions may further reduce the risk of FTEs increasing',
          '2', '1', '2',
        ],
        RISK_HEAD,
        [
          'Low level use of remand and custody not maintained',
          '*spike in number young people committing serious offences',
          '*increase cost to Local Authority to fund remand beds',
          'Head of Service', '2', '2', '4',
          'Maintain current management strategies • Close liaison with the court',
          'Ensure reducing reoffending in high risk group of YP a strategic priority',
          '2', '1', '2',
        ],
      ],
      lines: [612, 622],
    },
    expect: {
      text: ['Risk', 'Residual Score', 'The numbers of First Time Entrants (FTEs) each year will level off or increase.', 'Low level use of remand and custody not maintained'],
      elements: [
        { selector: 'div.table-scroll[role="region"][tabindex="0"] > table' },
        { selector: 'thead > tr > th[scope="col"]', text: 'Risk' },
        { selector: 'tbody th[scope="row"]', text: 'The numbers of First Time Entrants (FTEs) each year will level off or increase.' },
      ],
    },
  },
  {
    name: 'heading row only',
    description: 'An equality action table printed with its headings and no rows yet: the headings stand, and the body is empty.',
    props: {
      head: [['Equality Objective', 'Action', 'Target', 'Officer Responsible', 'By when']],
      rows: [],
      lines: [1285, 1285],
    },
    expect: {
      text: ['Table from lines 1285–1285 of the source', 'Equality Objective', 'By when'],
      elements: [{ selector: 'thead > tr > th[scope="col"]', text: 'Equality Objective' }, { selector: 'tbody' }],
      absent: ['tbody > tr', 'td'],
    },
  },
]);
