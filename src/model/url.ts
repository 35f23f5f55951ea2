/** Site paths for each kind of page. One place, so links and routes cannot drift apart. */

/** Joins the deploy base (`/` or `/sub/path/`) and a site path, always ending in `/` for directory URLs. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  return `${b}${p}`;
}

/** Turns a site path into the absolute URL open data publishes. */
export type Linker = (path: string) => string;

/** Absolute URLs for a site deployed at `site` under `base`. */
export const linker =
  (site: URL, base: string): Linker =>
  (path) =>
    new URL(withBase(base, path), site).href;

export const paths = {
  home: () => '/',
  meetings: () => '/meetings/',
  meeting: (id: string) => `/meetings/${id}/`,
  meetingVotes: (id: string) => `/meetings/${id}/votes/`,
  document: (id: string) => `/documents/${id}/`,
  minutes: (id: string) => `/minutes/${id}/`,
  body: (id: string) => `/bodies/${id}/`,
  council: (id: string) => `/councils/${id}/`,
  /** A council's items considered at more than one meeting, each with every meeting it came to. */
  items: (council: string) => `/items/${council}/`,
  meetingsInYear: (year: number) => `/meetings/${year}/`,
  /** A year of the decisions register; pages after the first (see `REGISTER_PAGE_SIZE`) are numbered. */
  decisionsInYear: (year: number, page = 1) => (page > 1 ? `/decisions/${year}/${page}/` : `/decisions/${year}/`),
  people: () => '/people/',
  bodies: () => '/bodies/',
  source: (id: string) => `/sources/${id}/`,
  sourceText: (file: string) => `/sources/${file}`,
  sourceOriginal: (file: string) => `/sources/original/${encodeURIComponent(file)}`,
  calendar: (id: string) => `/calendar/${id}.ics`,
  feed: (id: string) => `/feeds/${id}.xml`,
  // A body's feed is two names deep (`/feeds/<council>/<body>.xml`); these are one deep, or three and more (person
  // and series ids are `<council>/<name>`, document ids longer), so no body's feed can take their place.
  personFeed: (id: string) => `/feeds/people/${id}.xml`,
  decisionsFeed: () => '/feeds/decisions.xml',
  seriesFeed: (id: string) => `/feeds/series/${id}.xml`,
  strategyFeed: (id: string) => `/feeds/strategies/${id}.xml`,
  person: (id: string) => `/people/${id}/`,
  strategies: () => '/strategies/',
  decisions: () => '/decisions/',
  search: () => '/search/',
  accessibility: () => '/accessibility/',
  strategy: (id: string) => `/strategies/${id}/`,
  strategyWorkshops: (id: string) => `/strategies/${id}/workshops/`,
  kpis: () => '/kpis/',
  kpi: (id: string) => `/kpis/${id}/`,
  kpiChart: (id: string) => `/kpis/${id}/chart.png`,
  kpiChartNarrow: (id: string) => `/kpis/${id}/chart-narrow.png`,
  kpiInteractive: (id: string) => `/kpis/${id}/interactive/`,
  kpiCsv: (id: string) => `/kpis/${id}.csv`,
  workshops: () => '/workshops/',
  workshop: (id: string) => `/workshops/${id}/`,
  openData: () => '/data/',
  dataFile: (name: string) => `/data/${name}.json`,
  dataSchema: (name: string) => `/data/schema/${name}.json`,
  dataCsv: (name: string) => `/data/${name}.csv`,
} as const;
