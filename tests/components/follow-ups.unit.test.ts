import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, expect, test } from 'vitest';
import FollowUps from '../../src/components/FollowUps.astro';
import { NOT_REPORTED, type FollowUpLink } from '../../src/model/follow';
import { meetingSchema } from '../../src/schema';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const again: FollowUpLink = {
  kind: 'returning',
  meeting: { id: 'tow/council/2021-05-04', data: meetingSchema.parse({ council: 'tow', body: 'tow/council', start: '2021-05-04', status: 'held', agenda: [] }) },
  title: 'Village plan',
  path: '/meetings/tow/council/2021-05-04/#item-4',
  basis: 'the same item came back (the same title)',
};
const render = (props: Record<string, unknown>) => container.renderToString(FollowUps, { props: { recorded: [], ...props } });
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

test("a decision's next meeting is linked, and the later ones counted, with a link to the item's history, which lists them", async () => {
  const html = await render({ links: [again], more: { meetings: 3, path: '/items/tow/#title-village-plan' } });
  expect(text(html)).toContain('Considered again Village plan, meeting of 4 May 2021');
  expect(text(html)).toContain('Considered again at 3 more meetings after that');
  expect(html).toContain('<a href="/items/tow/#title-village-plan">3 more meetings</a>');
});

test('one more meeting is a meeting; none is not mentioned; no link at all says so plainly', async () => {
  expect(text(await render({ links: [again], more: { meetings: 1, path: '/x/' } }))).toContain('at 1 more meeting after that');
  expect(text(await render({ links: [again], more: { meetings: 0, path: '/x/' } }))).not.toContain('more meeting');
  expect(text(await render({ links: [] }))).toBe(NOT_REPORTED);
});
