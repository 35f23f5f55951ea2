import type { Council } from '../schema';

/** Whether a council has given readers any way to report an accessibility problem. */
export const hasAccessibilityContact = (council: Pick<Council, 'accessibilityContact'>): boolean => {
  const c = council.accessibilityContact;
  return Boolean(c.email || c.phone || c.url);
};

/** A detail a council entry lacks, for the content check to report as a warning. */
export interface MissingDetail {
  /** The council's file, as the caller names it. */
  file: string;
  /** The field to fill in. */
  field: 'website' | 'accessibilityContact';
  message: string;
}

/**
 * What each council has not given yet that its pages need: its website and a contact for accessibility problems,
 * which the accessibility regulations require. The importer never invents them, so they are asked for here.
 */
export function missingCouncilDetails(councils: ReadonlyArray<{ file: string; data: Pick<Council, 'name' | 'website' | 'accessibilityContact'> }>): MissingDetail[] {
  return councils.flatMap(({ file, data }) => [
    ...(data.website ? [] : [{ file, field: 'website' as const, message: `${data.name} has no website: add its address, starting https://` }]),
    ...(hasAccessibilityContact(data)
      ? []
      : [{
          file,
          field: 'accessibilityContact' as const,
          message: `${data.name} has no accessibility contact: add an email, phone or url where readers can report an accessibility problem, as the accessibility regulations require; until then its pages say it has not given contact details`,
        }]),
  ]);
}
