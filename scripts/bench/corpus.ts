import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Action, Body, Council, Decision, Declaration, Document, DocumentInput, Kpi, KpiEdition, MeetingInput, Minutes, MinutesInput, Person, PersonMention, Plan, Risk, SourceInput, Workshop } from '../../src/schema';
import { learnProse, paragraph, placeName, sentence, type ProseModel } from './prose';
import { Random } from './random';

/** What to generate: `documents` entries of the documents collection, and everything they belong to. */
export interface CorpusOptions {
  documents: number;
  seed: number;
  /** Extracted text of the seed packs; the prose is learnt from it. */
  seedTexts: readonly string[];
  /**
   * Give the last pack all its reports and appendices, going a few documents over `documents`, instead of cutting it
   * short at the count: a pack held back as the newest is then a whole one. The packs before it are the same.
   */
  wholePacks?: boolean;
}

/** One content file, its path relative to the content folder. */
export interface CorpusFile {
  path: string;
  text: string;
  /**
   * Which meeting pack the file came with, counting from 0 in the order they were made: the meeting, its documents,
   * its source and the minutes of the body's previous meeting. None for councils, people, bodies and KPI series,
   * which span packs.
   */
  pack?: number;
}

/** How many entries of each kind a corpus has, and its size on disk. */
export interface CorpusSummary {
  councils: number;
  bodies: number;
  people: number;
  sources: number;
  meetings: number;
  minutes: number;
  documents: number;
  kpis: number;
  workshops: number;
  /** MDX entries (documents, minutes, workshops): the pages the plain-Astro baseline builds. */
  mdx: number;
  files: number;
  bytes: number;
}

const COUNCIL_NAMES = ['Northshire', 'Eastvale', 'Westmoor', 'Southwold', 'Midhurst', 'Riverford', 'Oakdene', 'Highcliffe', 'Lakeside', 'Stonebridge'];

const BODY_KINDS: ReadonlyArray<{ slug: string; name: string; kind: Body['kind']; description: string }> = [
  { slug: 'cabinet', name: 'Cabinet', kind: 'cabinet', description: 'Takes the executive decisions of the council.' },
  { slug: 'scrutiny-commission', name: 'Scrutiny Commission', kind: 'commission', description: 'Examines the decisions and performance of the Cabinet.' },
  { slug: 'health-and-wellbeing-board', name: 'Health and Wellbeing Board', kind: 'board', description: 'Plans health and care services with the NHS and partners.' },
  { slug: 'planning-committee', name: 'Development Control and Regulatory Board', kind: 'committee', description: 'Decides planning applications the council determines.' },
];

const AUTHORS = ['Chief Executive', 'Director of Corporate Resources', 'Director of Adults and Communities', 'Director of Children and Family Services', 'Director of Environment and Transport', 'Director of Public Health', 'Director of Law and Governance'];

const TOPICS = ['Medium Term Financial Strategy Monitoring', 'Quarterly Performance Report', 'Enabling Growth Plan', 'Highways Maintenance Programme', 'Adult Social Care Market Position', 'Schools Capital Programme', 'Library Services Review', 'Municipal Waste Strategy', 'Local Flood Risk Management', 'Public Health Annual Report', 'Corporate Complaints and Compliments', 'Treasury Management Outturn', 'Children in Care Sufficiency', 'Home to School Transport Policy', 'Superfast Broadband Rollout', 'Carbon Reduction Roadmap', 'Corporate Asset Investment Fund', 'Community Safety Partnership', 'Special Educational Needs Provision', 'Domestic Abuse Services', 'Workforce Strategy', 'Rural Bus Services', 'Trading Standards Service Plan', 'Heritage and Museums Collections'];

const TOPIC_SUFFIXES = ['', ' Update', ' - Period 6', ' - Quarter 3', ': Consultation Outcome', ' Annual Report', ': Progress Report'];

const SECTION_HEADINGS = ['Policy Framework and Previous Decisions', 'Background', 'Progress to Date', 'Consultation', 'Performance', 'Resource Implications', 'Risk Assessment', 'Timetable for Decisions', 'Conclusions', 'Equality and Human Rights Implications', 'Environmental Implications', 'Partnership Working and Associated Issues', 'Background Papers'];

const SERVICES = ['Adults and Communities', 'Children and Family Services', 'Environment and Transport', 'Public Health', 'Corporate Resources', 'Chief Executive', 'Schools', 'Highways', 'Waste Management', 'Libraries', 'Trading Standards', 'Youth Offending'];

const PLAN_SERIES: ReadonlyArray<{ slug: string; title: string; kind: Document['kind']; owner: string; kpis: ReadonlyArray<{ slug: string; name: string; unit: string; direction: Kpi['direction'] }> }> = [
  {
    slug: 'youth-justice-plan', title: 'Youth Justice Strategic Plan', kind: 'plan', owner: 'Director of Children and Family Services',
    kpis: [
      { slug: 'youth-justice-first-time-entrants', name: 'First time entrants to the youth justice system', unit: 'per 100,000 young people', direction: 'lower' },
      { slug: 'youth-justice-reoffending', name: 'Rate of proven re-offending', unit: '%', direction: 'lower' },
      { slug: 'youth-justice-custody', name: 'Use of custody', unit: 'per 1,000 young people', direction: 'lower' },
    ],
  },
  {
    slug: 'communities-strategy', title: 'Communities Strategy Action Plan', kind: 'action-plan', owner: 'Chief Executive',
    kpis: [
      { slug: 'volunteering-rate', name: 'Adults volunteering at least once a month', unit: '%', direction: 'higher' },
      { slug: 'community-managed-libraries', name: 'Libraries run by community groups', unit: 'libraries', direction: 'higher' },
      { slug: 'voluntary-sector-grants', name: 'Grants to voluntary and community groups', unit: '£', direction: 'neither' },
    ],
  },
  {
    slug: 'strategic-plan', title: 'County Council Strategic Plan', kind: 'strategy', owner: 'Chief Executive',
    kpis: [
      { slug: 'local-economic-growth', name: 'Gross value added', unit: '£ million', direction: 'higher' },
      { slug: 'household-waste-recycled', name: 'Household waste sent for reuse, recycling or composting', unit: '%', direction: 'higher' },
      { slug: 'road-condition', name: 'Principal roads where maintenance should be considered', unit: '%', direction: 'lower' },
    ],
  },
  {
    slug: 'health-and-wellbeing-strategy', title: 'Joint Health and Wellbeing Strategy', kind: 'strategy', owner: 'Director of Public Health',
    kpis: [
      { slug: 'smoking-prevalence', name: 'Smoking prevalence in adults', unit: '%', direction: 'lower' },
      { slug: 'healthy-life-expectancy', name: 'Healthy life expectancy at birth', unit: 'years', direction: 'higher' },
      { slug: 'delayed-transfers-of-care', name: 'Delayed transfers of care from hospital', unit: 'per 100,000 adults', direction: 'lower' },
    ],
  },
];

const SURNAMES = ['Galton', 'Camamile', 'Jennings', 'Dickinson', 'Lewis', 'Feltham', 'Lynch', 'Hill', 'Shepherd', 'Hunt', 'Spence', 'Osborne', 'Pain', 'Orson', 'Rhodes', 'Kaufman', 'Bentley', 'Blunt', 'Bray', 'Coxon', 'Fryer', 'Gillard', 'Hart', 'Houseman', 'Ould', 'Pearson', 'Rushton', 'Sharp', 'Smith', 'Taylor', 'Wyatt', 'Bill', 'Boulter', 'Chapman', 'Charlesworth', 'Crook', 'Fox', 'Gamble', 'Grimley', 'Hack', 'Kershaw', 'Knaggs', 'Merrie', 'Morgan', 'Page', 'Poland', 'Radford', 'Richardson', 'Sheahan', 'Snartt', 'Tillotson', 'Whelband', 'White', 'Bools', 'Breckon', 'Cooke', 'Dann', 'Field', 'Ghattoraya', 'Harrison'];
const HONORIFICS = ['Mr.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.'];
const INITIALS = 'ABCDEGHJKLMNPRST';

const VERBATIM_REASONS = ['a table whose columns cut words in two', 'letters from another alphabet inside a word', 'a chart whose labels were extracted as text'];

/** `Wednesday, 22 April 2015`, as the packs print dates. */
function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).replace(/^(\w+) /, '$1, ');
}

/** The UTC offset in force in Europe/London on a day, as `+01:00` or `+00:00`. */
function londonOffset(iso: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${iso}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name === 'GMT+1' ? '+01:00' : '+00:00';
}

const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const slugify = (text: string): string => text.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** `2016/17` for a financial year starting in 2016. */
const financialYear = (year: number): string => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

const yaml = (data: unknown): string => stringify(data, { lineWidth: 0 });
const mdx = (data: unknown, body: string): string => `---\n${yaml(data)}---\n\n${body.trimEnd()}\n`;
/** A JSX prop as JSON, the only form the validator's safety check allows. */
const prop = (value: unknown): string => `{${JSON.stringify(value)}}`;

interface CouncilPlan {
  id: string;
  name: string;
  people: Array<{ id: string; person: Person; printed: string }>;
  bodies: BodyPlan[];
  /** The year of each plan series' latest edition: a council publishes a plan once a year at most. */
  lastEdition: Map<string, number>;
}

interface BodyPlan {
  id: string;
  slug: string;
  name: string;
  council: CouncilPlan;
  members: Array<{ id: string; printed: string }>;
  firstDate: string;
  meetings: number;
  minuteNumber: number;
  /** The body's previous meeting, whose minutes the next pack carries. */
  previous?: { id: string; date: string; items: Array<{ title: string; documents: string[]; substantive: boolean }>; present: Array<{ id: string; printed: string }> };
}

/** A pack's text as it is put together: each document's lines are appended, so `lines` ranges are real. */
class PackText {
  private parts: string[] = [];
  private line = 1;

  add(text: string): { from: number; to: number } {
    const count = text.split('\n').length;
    const range = { from: this.line, to: this.line + count - 1 };
    this.parts.push(text);
    this.line += count + 1;
    return range;
  }

  get text(): string {
    return `${this.parts.join('\n\n')}\n`;
  }
}

/** Writes MDX bodies shaped like the importer's output for the seed packs. */
class Writer {
  constructor(
    readonly model: ProseModel,
    readonly random: Random,
  ) {}

  paragraph(): string {
    return paragraph(this.model, this.random);
  }

  list(): string {
    return Array.from({ length: this.random.int(3, 8) }, () => `- ${sentence(this.model, this.random, 4, 16)}`).join('\n');
  }

  figure(): string {
    return `£${this.random.int(10, 9_999).toLocaleString('en-GB')},${String(this.random.int(0, 999)).padStart(3, '0')}`;
  }

  table(line: number, periods: string[]): string {
    const head = [['Service', ...periods, 'Variance']];
    const rows = this.random.sample(SERVICES, this.random.int(3, 9)).map((s) => [s, ...periods.map(() => this.figure()), `${this.random.int(-15, 15)}.${this.random.int(0, 9)}%`]);
    return `<DataTable head=${prop(head)} rows=${prop(rows)} lines=${prop([line, line + rows.length + 1])} />`;
  }

  pageBreak(page: number, line: number): string {
    return `<PageBreak kind=${prop('page-number')} printed=${prop(String(page))} page=${prop(page)} line=${prop(line)} />`;
  }

  /**
   * A report or appendix: numbered paragraphs under headings, lists, tables of figures and page breaks, until the
   * body is about `size` characters long. Returns the body with any errata and review flags it printed.
   */
  report(opts: { heading: string[]; size: number; year: number }): { body: string; errata: Document['errata']; review: Document['review'] } {
    const r = this.random;
    const blocks: string[] = [...opts.heading];
    const errata: Document['errata'] = [];
    const review: Document['review'] = [];
    let size = blocks.join('\n').length;
    let n = 1;
    let page = r.int(3, 40);
    const headings = ['Purpose of the Report', ...r.sample(SECTION_HEADINGS, SECTION_HEADINGS.length), 'Recommendations'];
    let h = 0;
    while (size < opts.size) {
      const heading = headings[h++] ?? `${placeName(r)} ${r.pick(['Update', 'Scheme', 'Review', 'Proposals'])}`;
      const section = [`## ${heading}`];
      // About where in the document's text the section starts; tables and page breaks carry a source line.
      const line = 1 + Math.round(size / 80);
      for (let p = r.int(1, 4); p > 0; p--) section.push(`${n++}\\. ${this.paragraph()}`);
      if (r.chance(0.3)) section.push(this.list());
      if (r.chance(0.3)) section.push(this.table(line, [financialYear(opts.year - 2), financialYear(opts.year - 1), financialYear(opts.year)]));
      if (r.chance(0.03)) {
        const subject = `Total of the ${r.pick(SERVICES)} table`;
        const erratum = { subject, printed: this.figure(), expected: this.figure(), note: 'The printed total is not the sum of the rows above it; both are kept as printed.' };
        errata.push(erratum);
        section.push(`<Erratum subject=${prop(erratum.subject)} printed=${prop(erratum.printed)} expected=${prop(erratum.expected)} note=${prop(erratum.note)} />`);
      }
      if (r.chance(0.02)) {
        const reason = r.pick(VERBATIM_REASONS);
        review.push({ line, reason });
        section.push(`<Verbatim text=${prop(`${sentence(this.model, r, 4, 10)}\n${r.pick(SERVICES)}\t${this.figure()}\t${this.figure()}`)} line=${prop(line)} reason=${prop(reason)} />`);
      }
      if (r.chance(0.5)) section.push(this.pageBreak(page++, line));
      const text = section.join('\n\n');
      blocks.push(text);
      size += text.length;
    }
    return { body: blocks.join('\n\n'), errata, review };
  }

  /**
   * Minutes of a body's previous meeting: who was there, a numbered minute per agenda item (numbers run on from
   * meeting to meeting), declarations under the declarations item, and one to three decisions per report.
   */
  minutes(
    body: BodyPlan,
    previous: NonNullable<BodyPlan['previous']>,
    chair: { printed: string },
    lead: { printed: string },
  ): { data: Pick<Minutes, 'items' | 'decisions' | 'declarations'>; body: string } {
    const { model, random } = this;
    const items: Minutes['items'] = [];
    const decisions: Decision[] = [];
    const declarations: Declaration[] = [];
    const blocks = [
      `Minutes of a meeting of the ${body.name} held at County Hall on ${longDate(previous.date)}.`,
      '## PRESENT',
      `${previous.present[0]?.printed ?? chair.printed} (in the Chair)`,
      previous.present.slice(1).map((m) => m.printed).join('\n'),
      'In Attendance:',
      `${lead.printed}, Cabinet Lead Member for ${random.pick(SERVICES)}`,
    ];
    for (const item of previous.items) {
      const number = String(body.minuteNumber++);
      items.push({ number, title: item.title, considers: item.documents });
      const text: string[] = [];
      if (item.title.startsWith('Declarations')) {
        const declaring = random.sample(previous.present, random.int(0, 4));
        const interest = `personal interest in respect of ${random.pick(['all substantive items as a District/Borough Council member', 'the item on rural bus services as a holder of a concessionary travel pass', 'the item on schools as a school governor'])}`;
        for (const d of declaring) declarations.push({ person: d.id, printed: d.printed, interest, minute: number });
        text.push(declaring.length === 0 ? 'No declarations were made.' : `The following members each declared a ${interest}:`, declaring.map((d) => d.printed).join('\n'));
      } else if (!item.substantive) {
        text.push(sentence(model, random, 8, 30));
      } else {
        text.push(...Array.from({ length: random.int(1, 4) }, () => this.paragraph()));
        if (random.chance(0.6)) text.push('Arising from discussion, the following points were noted:', this.list());
        const count = random.int(1, 3);
        text.push('RESOLVED:');
        for (let d = 0; d < count; d++) {
          const kind = random.pick<Decision['kind']>(['resolution', 'recommendation', 'noting']);
          const id = count === 1 ? `minute-${number}` : `minute-${number}-${'abc'[d]}`;
          const decisionText = kind === 'noting' ? 'That the report be noted.' : `That ${sentence(model, random, 8, 30).replace(/^\p{Lu}/u, (ch) => ch.toLowerCase())}`;
          const printedAs = random.chance(0.02) ? 'RESOVLED' : 'RESOLVED';
          decisions.push({ id, minute: number, printedAs, text: decisionText, kind, followUps: random.chance(0.1) ? [{ text: 'Report back in six months.', status: random.pick(['open', 'done', 'unknown'] as const) }] : [] });
          text.push(`<Resolved id=${prop(id)} printedAs=${prop(printedAs)} kind=${prop(kind)}>\n\n${decisionText}\n\n</Resolved>`);
        }
      }
      blocks.push(`<Minute number=${prop(number)} title=${prop(item.title)}>\n\n${text.join('\n\n')}\n\n</Minute>`);
    }
    return { data: { items, decisions, declarations }, body: blocks.join('\n\n') };
  }
}

/**
 * Every file of a synthetic corpus with `documents` documents: councils, committees, councillors, meeting packs with
 * agendas, reports and appendices (tables, figures, page breaks, the odd erratum and verbatim passage), minutes with
 * numbered minutes, decisions and declarations, strategies and plans with priorities, actions, risks and KPI series
 * across editions, consultation workshops, and a few documents printed twice. The same options give the same files.
 */
export function* corpusFiles(options: CorpusOptions): Generator<CorpusFile, CorpusSummary> {
  const random = new Random(options.seed);
  const model = learnProse(options.seedTexts);
  const write = new Writer(model, random);
  const summary: CorpusSummary = { councils: 0, bodies: 0, people: 0, sources: 0, meetings: 0, minutes: 0, documents: 0, kpis: 0, workshops: 0, mdx: 0, files: 0, bytes: 0 };
  let packNumber: number | undefined;
  const file = (path: string, text: string): CorpusFile => {
    summary.files++;
    summary.bytes += Buffer.byteLength(text);
    return packNumber === undefined ? { path, text } : { path, text, pack: packNumber };
  };

  // A county publishes about 2,000 documents a decade: more documents means more councils, as in a national archive.
  const councilCount = Math.max(1, Math.round(options.documents / 2_000));
  const councils: CouncilPlan[] = [];
  for (let c = 0; c < councilCount; c++) councils.push(yield* councilFiles(c, random, file, summary));

  const bodies = councils.flatMap((c) => c.bodies);
  const kpis = new Map<string, Kpi>();

  for (let i = 0; summary.documents < options.documents; i++) {
    packNumber = i;
    const body = bodies[i % bodies.length]!;
    const council = body.council;
    // Each body meets about every six weeks.
    const date = addDays(body.firstDate, body.meetings * 42);
    const year = Number(date.slice(0, 4));
    body.meetings++;
    const meetingId = `${body.id}/${date}`;
    const packId = `${council.id}-${body.slug}-${date}`;
    const pack = new PackText();
    const title = `${body.name} meeting pack, ${longDate(date).replace(/^\w+, /, '')}`;
    const hour = random.pick(['10:00', '14:00']);
    const chair = body.members[0]!;
    const present = body.members.filter((_m, k) => k === 0 || random.chance(0.85));
    const apologies = body.members.filter((m) => !present.includes(m));
    const lead = random.pick(council.people);
    const budget = () => (options.wholePacks ? Infinity : options.documents - summary.documents);

    // The agenda: procedural items, then reports (each perhaps with appendices, one perhaps a plan), then any other business.
    const items: Array<{ title: string; reportBy?: string; documents: string[]; minutes?: string; substantive: boolean }> = [];
    const documents: Array<{ id: string; data: DocumentInput; body: string }> = [];
    if (body.previous) items.push({ title: `Minutes of the meeting held on ${longDate(body.previous.date).replace(/^\w+, /, '')}.`, minutes: `${body.previous.id}`, documents: [], substantive: false });
    items.push({ title: 'Question Time.', documents: [], substantive: false });
    items.push({ title: 'Declarations of interest in respect of items on the agenda.', documents: [], substantive: false });

    const agendaId = `${meetingId}/agenda`;
    documents.push({ id: agendaId, data: { title: `Agenda – ${body.name}`, kind: 'agenda', council: council.id, meeting: meetingId, status: 'final', recommendations: [], review: [], errata: [], source: { pack: packId } }, body: '' });

    const reports = random.int(2, 5);
    const slugs = new Set<string>();
    let plannedPlan = random.chance(0.15);
    for (let k = 0; k < reports && budget() - documents.length > 0; k++) {
      const series = plannedPlan && budget() - documents.length >= 2 ? PLAN_SERIES.find((s) => (council.lastEdition.get(s.slug) ?? 0) < year) : undefined;
      if (series) {
        plannedPlan = false;
        council.lastEdition.set(series.slug, year);
      }
      const topic = series ? `Draft ${series.title} ${financialYear(year)}` : `${random.chance(0.3) ? `${placeName(random)} ` : ''}${random.pick(TOPICS)}${random.pick(TOPIC_SUFFIXES)}`;
      let slug = slugify(topic);
      while (slugs.has(slug)) slug = `${slug}-${slugs.size}`;
      slugs.add(slug);
      const author = series ? series.owner : random.pick(AUTHORS);
      const itemNumber = String(items.length + 1);
      const reportId = `${meetingId}/${slug}`;
      const heading = [`${body.name.toUpperCase()} – ${longDate(date).replace(/^\w+, /, '').toUpperCase()}`, topic.toUpperCase(), `REPORT OF THE ${author.toUpperCase()}`];
      const report = write.report({ heading, size: random.logNormal(11_000, 0.8, 2_000, 90_000), year });
      const recommendations = Array.from({ length: random.int(0, 3) }, () => sentence(model, random, 6, 24));
      documents.push({
        id: reportId,
        data: { title: topic, kind: 'report', council: council.id, meeting: meetingId, item: itemNumber, author: `Report of the ${author}`, status: 'final', recommendations, review: report.review, errata: report.errata, source: { pack: packId } },
        body: report.body,
      });
      items.push({ title: `${topic}.`, reportBy: author, documents: [reportId], substantive: true });

      const appendices = series ? 1 : Math.min(random.logNormal(1, 1, 0, 4) - (random.chance(0.4) ? 1 : 0), budget() - documents.length);
      for (let a = 1; a <= appendices; a++) {
        const id = `${reportId}/appendix-${a}`;
        if (series) {
          const edition = financialYear(year);
          const planned = planFor(series, council, id, edition, year, packId, random, model, kpis);
          documents.push({ id, data: { title: `${series.title} ${edition}`, kind: series.kind, council: council.id, meeting: meetingId, item: itemNumber, status: random.pick(['draft', 'final'] as const), parent: reportId, appendix: String(a), series: `${series.slug}`, edition, recommendations: [], source: { pack: packId }, plan: planned.plan, review: [], errata: [] }, body: planned.body });
          // An action plan comes out of consultation workshops, as the Communities Strategy's did.
          const workshops = series.kind === 'action-plan' ? random.int(3, 7) : 0;
          for (let w = 1; w <= workshops; w++) {
            const workshop: Workshop = {
              strategy: id,
              title: `How can ${random.pick(['communities', 'volunteers', 'parish councils', 'local businesses'])} help ${random.pick(['older people stay independent', 'families with young children', 'people be more physically active', 'reduce loneliness'])}?`,
              theme: random.pick(['Health and wellbeing', 'Families', 'Volunteering', 'Community spaces']),
              date: addDays(date, -random.int(20, 80)),
              attendees: `${random.int(6, 40)} residents, ${random.int(1, 8)} voluntary groups`,
              actions: random.sample(planned.plan.actions.map((x) => x.ref), random.int(0, 3)),
              source: { pack: packId },
            };
            const text = [`POSSIBILITY THINKING – ${workshop.title.toUpperCase()} (WORKSHOP ${w})`, '## The Top Ten', write.list(), '## Other ideas', ...Array.from({ length: random.int(2, 6) }, () => write.paragraph())].join('\n\n');
            workshop.source.lines = pack.add(text);
            yield file(`workshops/${id}/workshop-${w}.mdx`, mdx(workshop, text));
            summary.workshops++;
            summary.mdx++;
          }
        } else {
          const appendixTitle = random.chance(0.5) ? `${random.pick(TOPICS)} - Detailed Figures` : `${placeName(random)} ${random.pick(['Equality Impact Assessment', 'Consultation Responses', 'Risk Register', 'Action Plan', 'Business Case'])}`;
          const appendix = write.report({ heading: [`APPENDIX ${a}`, appendixTitle.toUpperCase()], size: random.logNormal(13_000, 0.9, 1_000, 100_000), year });
          documents.push({ id, data: { title: appendixTitle, kind: 'appendix', council: council.id, meeting: meetingId, item: itemNumber, status: 'final', parent: reportId, appendix: String(a), recommendations: [], source: { pack: packId }, review: appendix.review, errata: appendix.errata }, body: appendix.body });
        }
      }
    }
    items.push({ title: 'Date of next meeting.', documents: [], substantive: false });

    // The agenda document lists the items, as the front of each pack does.
    const agendaDoc = documents[0]!;
    agendaDoc.body = [
      `## Meeting: ${body.name}`,
      `## Date/Time: ${longDate(date)} at ${hour === '10:00' ? '10.00 am' : '2.00 pm'}`,
      `## Location: ${placeName(random)} Committee Room, County Hall`,
      '## Membership',
      `${chair.printed} (Chairman)`,
      body.members.slice(1).map((m) => m.printed).join('\n'),
      '## AGENDA',
      ...items.map((item, k) => `${k + 1}\\. ${item.title}${item.reportBy ? ` ${item.reportBy}` : ''}`),
      '## QUESTIONING BY MEMBERS OF OVERVIEW AND SCRUTINY',
      write.paragraph(),
      write.list(),
    ].join('\n\n');

    // Minutes of the body's previous meeting, confirmed at this one, printed in this pack.
    if (body.previous) {
      const written = write.minutes(body, body.previous, chair, lead);
      const minutes: MinutesInput = { meeting: body.previous.id, confirmedAt: meetingId, ...written.data, source: { pack: packId, lines: pack.add(written.body) }, review: [], errata: [] };
      yield file(`minutes/${body.previous.id}.mdx`, mdx(minutes, written.body));
      summary.minutes++;
      summary.mdx++;
    }

    for (const doc of documents) {
      doc.data.source.lines = pack.add(doc.body);
      yield file(`documents/${doc.id}.mdx`, mdx(doc.data, doc.body));
      summary.documents++;
      summary.mdx++;
    }

    // Now and then a report is printed again in a supplement: one document, two printings, a few words changed.
    const reprintable = documents.filter((d) => d.data.kind === 'report');
    if (reprintable.length > 0 && budget() > 0 && random.chance(0.04)) {
      const original = random.pick(reprintable);
      const supplementId = `${packId}-supplement`;
      // Words change only in paragraphs: a component's props or a heading changed at random would not be a reprint.
      const lines = original.body.split('\n');
      const prose = lines.flatMap((line, n) => (/^(\d+\\\. )?\p{Lu}\p{Ll}/u.test(line) ? [n] : []));
      for (let k = 0; k < 5 && prose.length > 0; k++) {
        const n = random.pick(prose);
        const words = lines[n]!.split(' ');
        words[random.int(1, Math.max(1, words.length - 1))] = random.pick(['revised', 'amended', 'updated', 'corrected']);
        lines[n] = words.join(' ');
      }
      const body2 = lines.join('\n');
      const supplementText = new PackText();
      // A second printing is not an agenda item of its own: it keeps the meeting but not the item number.
      const { item: _item, ...rest } = original.data;
      const data: DocumentInput = { ...rest, versionOf: original.id, versionLabel: 'Published separately', source: { pack: supplementId, lines: supplementText.add(body2) } };
      yield file(`documents/${original.id}-v2.mdx`, mdx(data, body2));
      summary.documents++;
      summary.mdx++;
      yield* sourceFiles(supplementId, { title: `${original.data.title}, published on its own`, council: council.id, date, file: `${supplementId}.txt`, sha256: '', pageStarts: [] }, supplementText.text, file);
      summary.sources++;
    }

    const meeting: MeetingInput = {
      council: council.id,
      body: body.id,
      start: `${date}T${hour}:00${londonOffset(date)}`,
      status: 'held',
      venue: `${placeName(random)} Committee Room, County Hall`,
      contact: { name: random.pick(council.people).printed.replace(/ CC$/, ''), phone: `0116 305 ${random.int(1000, 9999)}`, email: `democratic.services@${council.id}.gov.uk` },
      membership: body.members.map((m, k): PersonMention => ({ person: m.id, printed: m.printed, ...(k === 0 ? { role: 'Chairman' } : {}) })),
      present: present.map((m) => ({ person: m.id, printed: m.printed })),
      inAttendance: [{ person: lead.id, printed: lead.printed, role: `Cabinet Lead Member for ${random.pick(SERVICES)}` }],
      apologies: apologies.map((m) => ({ person: m.id, printed: m.printed })),
      agenda: items.map((item, k) => ({
        number: String(k + 1),
        title: item.title,
        ...(item.reportBy ? { reportBy: item.reportBy } : {}),
        toFollow: false,
        documents: item.documents,
        ...(item.minutes ? { minutes: item.minutes } : {}),
      })),
      source: { pack: packId },
      errata: [],
    };
    yield file(`meetings/${meetingId}.yaml`, yaml(meeting));
    summary.meetings++;
    yield* sourceFiles(packId, { title, council: council.id, date, file: `${packId}.txt`, sha256: '', pageStarts: [] }, pack.text, file);
    summary.sources++;
    body.previous = { id: meetingId, date, items, present };
  }
  packNumber = undefined;

  for (const [id, kpi] of [...kpis].sort(([a], [b]) => a.localeCompare(b))) {
    yield file(`kpis/${id}.yaml`, yaml(kpi));
    summary.kpis++;
  }
  return summary;
}

/**
 * A council's files: the council, 60 councillors with names as the packs print them, and its four bodies with their
 * members. Returns the council's plan, which the packs draw on.
 */
function* councilFiles(c: number, random: Random, file: (path: string, text: string) => CorpusFile, summary: CorpusSummary): Generator<CorpusFile, CouncilPlan> {
  const base = COUNCIL_NAMES[c % COUNCIL_NAMES.length]!;
  const name = c < COUNCIL_NAMES.length ? base : `${base} ${Math.floor(c / COUNCIL_NAMES.length) + 1}`;
  const id = slugify(name);
  const council: CouncilPlan = { id, name: `${name} County Council`, people: [], bodies: [], lastEdition: new Map() };
  const data: Council = {
    name: council.name,
    shortName: name,
    website: `https://www.${id}.gov.uk`,
    accessibilityContact: { email: `democracy@${id}.gov.uk`, phone: `0116 ${random.int(200, 999)} ${random.int(1000, 9999)}` },
    timeZone: 'Europe/London',
  };
  yield file(`councils/${id}.yaml`, yaml(data));
  summary.councils++;

  const ids = new Set<string>();
  while (council.people.length < 60) {
    const initials = Array.from({ length: random.int(1, 3) }, () => random.pick([...INITIALS]));
    const surname = random.pick(SURNAMES);
    const personId = `${id}/${[...initials, surname].join('-').toLowerCase()}`;
    if (ids.has(personId)) continue;
    ids.add(personId);
    const honorific = random.pick(HONORIFICS);
    const printed = `${honorific} ${initials.map((i) => `${i}.`).join(' ')} ${surname} CC`;
    const person: Person = { name: `${initials.map((i) => `${i}.`).join(' ')} ${surname}`, honorific, printedAs: [printed], councils: [id], roles: [] };
    council.people.push({ id: personId, person, printed });
  }
  for (const p of council.people) {
    yield file(`people/${p.id}.yaml`, yaml(p.person));
    summary.people++;
  }

  BODY_KINDS.forEach((kind, b) => {
    const members = random.sample(council.people, 11).map((p) => ({ id: p.id, printed: p.printed }));
    council.bodies.push({ id: `${id}/${kind.slug}`, slug: kind.slug, name: kind.name, council, members, firstDate: addDays('2012-01-09', c * 2 + b * 7), meetings: 0, minuteNumber: 100 });
  });
  for (const [b, body] of council.bodies.entries()) {
    const kind = BODY_KINDS[b]!;
    const data: Body = {
      council: id,
      name: body.name,
      kind: kind.kind,
      description: kind.description,
      terms: [{ term: '2013-2017', from: '2013-05-02', to: '2017-05-04', members: body.members.map((m, i) => ({ person: m.id, role: i === 0 ? 'Chairman' : 'member' })) }],
    };
    yield file(`bodies/${body.id}.yaml`, yaml(data));
    summary.bodies++;
  }
  return council;
}

/** A source pack: its YAML record and its text, with the text's real SHA-256. */
function* sourceFiles(id: string, data: SourceInput, text: string, file: (path: string, text: string) => CorpusFile): Generator<CorpusFile> {
  yield file(`sources/${id}.txt`, text);
  yield file(`sources/${id}.yaml`, yaml({ ...data, sha256: createHash('sha256').update(text).digest('hex') }));
}

/**
 * A plan edition: priorities, actions, risks, and one edition of each of its KPI series (recorded in `kpis`), with a
 * body that prints them as the seed plans do.
 */
function planFor(
  series: (typeof PLAN_SERIES)[number],
  council: CouncilPlan,
  documentId: string,
  edition: string,
  year: number,
  packId: string,
  random: Random,
  model: ProseModel,
  kpis: Map<string, Kpi>,
): { plan: Plan; body: string } {
  const priorities = Array.from({ length: random.int(3, 6) }, (_, k) => ({ number: String(k + 1), title: sentence(model, random, 4, 12).replace(/\.$/, '') }));
  const actions: Action[] = priorities.flatMap((p) =>
    Array.from({ length: random.int(2, 5) }, (_, k) => {
      const status = random.pick(['complete', 'in-progress', 'delayed', 'not-started', 'unknown'] as const);
      return { ref: `${p.number}.${k + 1}`, text: sentence(model, random, 6, 24), priority: p.number, owner: random.pick(AUTHORS), due: `March ${year + 1}`, status, statusPrinted: status.replace('-', ' ') };
    }),
  );
  const risks: Risk[] = Array.from({ length: random.int(3, 8) }, () => ({ risk: sentence(model, random, 6, 20), impact: random.int(1, 5), likelihood: random.int(1, 5), mitigation: sentence(model, random, 6, 20), owner: 'Head of Service' }));
  const periods = [financialYear(year - 3), financialYear(year - 2), financialYear(year - 1)];
  const kpiIds: string[] = [];
  const kpiRows: string[][] = [];
  for (const k of series.kpis) {
    const id = `${council.id}/${k.slug}`;
    kpiIds.push(id);
    const scale = k.unit === '%' ? 100 : k.unit === '£' ? 5_000_000 : 1_000;
    const point = (period: string) => {
      const value = Math.round(random.next() * scale * 10) / 10;
      const printed = k.unit === '%' ? `${value}%` : k.unit === '£' ? `£${Math.round(value).toLocaleString('en-GB')}` : value.toLocaleString('en-GB');
      return { period, value: k.unit === '£' ? Math.round(value) : value, printed };
    };
    const values = periods.map(point);
    const target = point(financialYear(year));
    const existing = kpis.get(id);
    // Definitions change between editions now and then, as they do in real plans.
    const definition = `${k.name}${existing && random.chance(0.2) ? ', counted from this edition on a new basis' : ''}, as reported to the ${series.title} board.`;
    const kpiEdition: KpiEdition = { document: documentId, edition, name: k.name, definition, unit: k.unit, values, targets: [target], comparators: random.chance(0.5) ? [{ name: 'England', values: periods.map(point) }] : [], source: { pack: packId } };
    if (existing) existing.editions.push(kpiEdition);
    else kpis.set(id, { council: council.id, name: k.name, direction: k.direction, editions: [kpiEdition], errata: [] });
    kpiRows.push([k.name, ...values.map((v) => v.printed), target.printed]);
  }
  const blocks = [
    `${series.title.toUpperCase()} ${edition}`,
    '## Introduction',
    paragraph(model, random),
    paragraph(model, random),
    '## Priorities',
    priorities.map((p) => `- **Priority ${p.number}:** ${p.title}`).join('\n'),
    '## Performance',
    `<DataTable head=${prop([['Measure', ...periods, `Target ${financialYear(year)}`]])} rows=${prop(kpiRows)} lines=${prop([1, kpiRows.length + 1])} />`,
    paragraph(model, random),
    '## Action Plan',
    `<DataTable head=${prop([['Ref', 'Action', 'Lead', 'Due', 'Status']])} rows=${prop(actions.map((a) => [a.ref, a.text, a.owner ?? '', a.due ?? '', a.statusPrinted ?? '']))} lines=${prop([1, actions.length + 1])} />`,
    '## Risk Register',
    `<DataTable head=${prop([['Risk', 'Impact', 'Likelihood', 'Mitigation']])} rows=${prop(risks.map((x) => [x.risk, String(x.impact), String(x.likelihood), x.mitigation ?? '']))} lines=${prop([1, risks.length + 1])} />`,
    ...Array.from({ length: random.int(4, 20) }, () => paragraph(model, random)),
  ];
  const plan: Plan = { period: edition, years: { from: year, to: year + 1 }, owner: series.owner, priorities, actions, risks, kpis: kpiIds, partners: random.sample(['Police', 'Probation', 'NHS', 'District councils', 'Voluntary sector'], random.int(1, 4)) };
  return { plan, body: blocks.join('\n\n') };
}

/**
 * Passes the files of a corpus to `write` as they come, except those of its last pack, the newest meeting of its
 * council: these are returned, to be written later as one new pack published after the rest was built. A KPI series
 * is written without any edition the held-back pack brings (its full file comes with the pack), and not at all when
 * that was its only edition, so the corpus without the pack is complete and valid on its own.
 */
export function holdBackNewestPack(files: Iterable<CorpusFile>, write: (file: CorpusFile) => void): CorpusFile[] {
  let newest: CorpusFile[] = [];
  const kpis: CorpusFile[] = [];
  for (const file of files) {
    if (file.pack === undefined) {
      // KPI series come after every pack and may hold an edition of the newest one's plan.
      if (file.path.startsWith('kpis/')) kpis.push(file);
      else write(file);
    } else if (file.pack !== newest[0]?.pack) {
      newest.forEach(write);
      newest = [file];
    } else newest.push(file);
  }
  if ((newest[0]?.pack ?? 0) === 0) throw new Error('A corpus needs two packs or more to hold one back.');
  const documents = new Set(newest.filter((f) => f.path.startsWith('documents/')).map((f) => f.path.replace(/^documents\/|\.mdx$/g, '')));
  for (const file of kpis) {
    const kpi = parse(file.text) as Kpi;
    const editions = kpi.editions.filter((e) => !documents.has(e.document));
    if (editions.length < kpi.editions.length) newest.push(file);
    if (editions.length > 0) write(editions.length < kpi.editions.length ? { path: file.path, text: yaml({ ...kpi, editions }) } : file);
  }
  return newest;
}

/**
 * Writes a corpus into `dir` (which should be empty) and returns what it holds. With `holdBack`, the newest pack is
 * made whole, and not written but returned (`holdBackNewestPack`), for `writeFiles` to add afterwards.
 */
export function writeCorpus(dir: string, options: CorpusOptions, holdBack = false): { summary: CorpusSummary; newestPack: CorpusFile[] } {
  const files = corpusFiles({ ...options, wholePacks: holdBack });
  let summary: CorpusSummary | undefined;
  const all = (function* () {
    summary = yield* files;
  })();
  const write = (file: CorpusFile) => writeFiles(dir, [file]);
  const newestPack = holdBack ? holdBackNewestPack(all, write) : [];
  if (!holdBack) for (const file of all) write(file);
  return { summary: summary!, newestPack };
}

/** Writes files into a content folder, replacing any already there. */
export function writeFiles(dir: string, files: Iterable<CorpusFile>): void {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}
