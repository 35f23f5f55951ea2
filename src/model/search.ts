/** What search needs to know about a page: its kind of publication, who published it, and when. */
export interface SearchFacets {
  /** Document type filter: "agenda", "report", "minutes", "decision", "strategy", "plan", "KPI", "workshop". */
  type: string;
  /** Council name. */
  council?: string | undefined;
  /** Committee, commission or cabinet name. */
  body?: string | undefined;
  /** Date of the meeting or publication, `YYYY-MM-DD`; its year is a filter and it sorts results. */
  date?: string | undefined;
}
