/**
 * Some hosts refuse a deploy of more files than they accept (Cloudflare Pages: 20,000 on its free plan, 100,000 on
 * paid plans). A site's `maxFiles` names that limit, so the build says so before the host does.
 */

const count = (n: number) => n.toLocaleString('en-GB');

/** The lowest limit of a common host: Cloudflare Pages' free plan accepts 20,000 files in one deploy. */
export const COMMON_LIMIT = 20_000;

/**
 * What a site with no `maxFiles` set should know when it has more files than a common host accepts: that hosts may
 * refuse it, and how to have the build check its own. Undefined when it has a limit set, or fewer files.
 */
export function unsetLimitHint(files: number, limit: number | undefined, settings: string): string | undefined {
  if (limit !== undefined || files <= COMMON_LIMIT) return undefined;
  return `Some hosts refuse a deploy of more than ${count(COMMON_LIMIT)} files (Cloudflare Pages' free plan). Set maxFiles in ${settings} to your host's limit, if it has one, and the build will check it (see "Hosts that limit files" in README.md).`;
}

/** Why a site of `files` files cannot go to a host that accepts at most `limit`, and what can; undefined when it fits. */
export function fileLimitProblem(files: number, limit: number, settings: string): string | undefined {
  if (files <= limit) return undefined;
  return (
    `The site has ${count(files)} files, more than the ${count(limit)} its host accepts (maxFiles in ${settings}). ` +
    `Publish fewer papers in this site (a site per council, or per term), or use a host that accepts more files.`
  );
}
