import DataTable from './DataTable.astro';
import Erratum from './Erratum.astro';
import KpiChart from '../KpiChart.astro';
import Minute from './Minute.astro';
import PageBreak from './PageBreak.astro';
import Resolved from './Resolved.astro';
import Verbatim from './Verbatim.astro';

/** The components MDX content may use; the validator's list (`contentComponents`) must name the same ones. */
export const contentComponents = { DataTable, Erratum, KpiChart, Minute, PageBreak, Resolved, Verbatim };
