import type { ContentComponent } from '../../schema/components';
import DataTable from './DataTable.astro';
import Erratum from './Erratum.astro';
import KpiChart from '../KpiChart.astro';
import Minute from './Minute.astro';
import PageBreak from './PageBreak.astro';
import Resolved from './Resolved.astro';
import Verbatim from './Verbatim.astro';

/**
 * The components MDX content may use. The schema's `componentProps` names them (the validator checks their props),
 * and `satisfies` holds this object to the same names: a component added to one and not the other is a type error.
 */
export const contentComponents = { DataTable, Erratum, KpiChart, Minute, PageBreak, Resolved, Verbatim } satisfies Record<ContentComponent, unknown>;
