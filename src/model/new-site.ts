import type { Graph } from './graph';

/** Whether the site has nothing to read yet: no meeting, minutes, document, KPI or workshop, only councils. */
export const nothingPublished = (graph: Pick<Graph, 'meetings' | 'minutes' | 'documents' | 'kpis' | 'workshops' | 'sources'>): boolean =>
  [graph.meetings, graph.minutes, graph.documents, graph.kpis, graph.workshops, graph.sources].every((c) => c.length === 0);

/** What a web team does after starting a site, as commands with what each does; the home page of an empty site shows them too. */
export const nextSteps = (council: string): Array<{ command: string; does: string }> => [
  { command: `npm run import -- <files> --council ${council}`, does: "import the council's meeting packs, minutes and documents (PDF, Word, web pages or text)" },
  { command: 'npm run build', does: 'check the content and build the site into dist/' },
  { command: 'npm run test:site', does: 'check the built site: accessibility, links, valid HTML, feeds and page weight' },
  { command: 'upload dist/', does: 'publish the folder dist/ to the web server or CDN at the site address' },
];
