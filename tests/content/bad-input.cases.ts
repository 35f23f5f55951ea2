/**
 * Bad-input scenarios: each breaks the valid fixture site in one way and says what the error must name.
 * Shared by the validator unit test and the build test, so both prove the same cases.
 */
export interface BadInputCase {
  name: string;
  file: string;
  from: string | RegExp;
  to: string;
  /** Field path the message must name ('' when the problem is the file itself). */
  field: string;
  /** Line the message must point at. */
  line: number;
  /** Text the message must contain (what was expected). */
  expect: RegExp;
}

export const MEETING = 'meetings/leicestershire/scrutiny-commission/2015-04-22.yaml';
export const REPORT = 'documents/leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan.mdx';

export const badInputCases: BadInputCase[] = [
  {
    name: 'a missing required field',
    file: MEETING,
    from: 'status: held\n',
    to: '',
    field: 'status',
    line: 1,
    expect: /is missing: expected one of "scheduled", "held", "cancelled"/,
  },
  {
    name: 'a field of the wrong type',
    file: MEETING,
    from: 'pages: { from: 35, to: 60 }',
    to: 'pages: { from: "thirty-five", to: 60 }',
    field: 'agenda[0].pages.from',
    line: 18,
    expect: /expected number, got "thirty-five"/,
  },
  {
    name: 'a value outside its list',
    file: REPORT,
    from: 'status: final',
    to: 'status: published',
    field: 'status',
    line: 8,
    expect: /expected one of "draft", "final", .*, got "published"/,
  },
  {
    name: 'a date that does not exist',
    file: MEETING,
    from: 'start: 2015-04-22T14:00:00+01:00',
    to: 'start: 2015-13-22T14:00:00+01:00',
    field: 'start',
    line: 3,
    expect: /a date written YYYY-MM-DD, or a date-time such as 2015-04-22T14:00:00\+01:00, got "2015-13-22T14:00:00\+01:00"/,
  },
  {
    name: 'a start on another day than its file is named for',
    file: MEETING,
    from: 'start: 2015-04-22T14:00:00+01:00',
    to: 'start: 2015-04-23T14:00:00+01:00',
    field: 'start',
    line: 3,
    expect: /the meeting starts on 2015-04-23, but its file is named for 2015-04-22: rename the file, or correct the date/,
  },
  {
    name: 'an unknown reference',
    file: MEETING,
    from: 'body: leicestershire/scrutiny-commission',
    to: 'body: leicestershire/scrutiny-comission',
    field: 'body',
    line: 2,
    expect: /unknown bodies id "leicestershire\/scrutiny-comission": expected a file content\/bodies\/leicestershire\/scrutiny-comission\.yaml/,
  },
  {
    name: 'an unknown person on a body',
    file: 'bodies/leicestershire/scrutiny-commission.yaml',
    from: 'person: leicestershire/s-j-galton',
    to: 'person: leicestershire/s-galton',
    field: 'terms[0].members[0].person',
    line: 8,
    expect: /unknown people id "leicestershire\/s-galton"/,
  },
  {
    name: 'broken MDX',
    file: REPORT,
    from: 'The purpose of this report',
    to: 'The {purpose of this report',
    field: '',
    line: 16,
    expect: /MDX: .*closing brace/,
  },
  {
    name: 'an element left open, whose message names where it opened in the file',
    file: REPORT,
    from: 'The purpose of this report',
    to: 'The <b>purpose of this report',
    field: '',
    line: 16,
    expect: /MDX: Expected a closing tag for `<b>` \(16:5\)/,
  },
  {
    name: 'an export line that is not even valid code',
    file: REPORT,
    from: 'The purpose of this report',
    to: 'export const total = ;\n\nThe purpose of this report',
    field: '',
    line: 16,
    expect: /MDX: import and export lines are code, not content, and are not allowed/,
  },
  {
    name: 'an unknown MDX component',
    file: REPORT,
    from: 'The purpose of this report',
    to: '<Chart /> The purpose of this report',
    field: '',
    line: 16,
    expect: /unknown component <Chart>/,
  },
  {
    name: 'a content component without a prop it needs',
    file: REPORT,
    from: 'The purpose of this report',
    to: '<DataTable head={[]} rows={[["Total", "3,340"]]} />\n\nThe purpose of this report',
    field: '<DataTable> lines',
    line: 16,
    expect: /is missing: expected (array|tuple)/,
  },
  {
    name: 'a content component prop of the wrong type',
    file: REPORT,
    from: 'The purpose of this report',
    to: '<Minute number={173} title={"Minutes."} />\n\nThe purpose of this report',
    field: '<Minute> number',
    line: 16,
    expect: /expected string, got 173/,
  },
  {
    name: 'a content component prop it does not take',
    file: REPORT,
    from: 'The purpose of this report',
    to: '<Resolved id={"decision-1-a"} printedAs={"RESOLVED"} kind={"resolution"} colour={"red"} />\n\nThe purpose of this report',
    field: '<Resolved>',
    line: 16,
    expect: /unknown field\(s\) colour/,
  },
  {
    name: 'broken YAML (a key given twice)',
    file: MEETING,
    from: 'status: held\n',
    to: 'status: held\nstatus: cancelled\n',
    field: '',
    line: 5,
    expect: /YAML: Map keys must be unique/,
  },
  {
    // Astro's YAML reader refuses a tag it does not know, where a reader that only warns would let the build fail later.
    name: 'a value that starts with "!", which YAML reads as a tag',
    file: MEETING,
    from: 'venue: Sparkenhoe',
    to: 'venue: !Sparkenhoe',
    field: '',
    line: 5,
    expect: /YAML: unknown tag !Sparkenhoe: .*in quotes/,
  },
];
