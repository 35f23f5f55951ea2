/**
 * Decisions in a minute, in the two styles councils print them.
 *
 * - Blocks: principal councils print "RESOLVED:" (now and then misspelt "RESOVLED") and the decisions after it, one
 *   per labelled item ("(a) That ...").
 * - Phrases: most councils write decisions into the minute's sentences ("It was agreed ...", "All Councillors were
 *   content", "Approved & signed", "The Committee noted the report", "recommendation 3 was not approved:"), with the
 *   proposer and seconder where printed. Only the body's own decisions count: a councillor who agrees to do
 *   something, a planning authority's permission, or what was agreed at an earlier time is not a decision.
 *
 * Votes are found here too, since a vote and its decision are read together: a vote sentence ("recommendation 2 was
 * CARRIED unanimously") is a vote, and the resolution it carried is the decision.
 */
import {
  BODY_SUBJECTS,
  DECISION_BLOCK_WORD,
  DECISION_ITEM_VERB,
  DECISION_LEAD_IN,
  DECISION_PHRASES,
  MOVER,
  NOT_A_DECISION,
  NOT_DECISION_BLOCK_WORDS,
  NOTED_IN_CAPITALS,
  PERSON_SUBJECT,
  RESOLVED_KINDS,
  SECONDER,
  SUBJECT_FILLER,
  type DecisionKind,
} from '../house-style';
import type { Line } from '../read/line';
import { printed } from '../read/markup';
import { paragraphsOf, placeOf, sentencesOf, type Paragraph, type Place } from './paragraphs';
import { voteIn, type VoteReading } from './vote';

export type FoundDecisionKind = DecisionKind | 'recommendation';

/** A decision with where it is printed: from `from` up to (not including) `to`. */
export interface FoundDecision {
  /** Anchor id, unique in the minutes ("decision-180-a"); given by `assignIds`. */
  id: string;
  /** The minute it belongs to (its number, or its key for an unnumbered section). */
  minute: string;
  kind: FoundDecisionKind;
  /** The words that make it a decision, as printed ("RESOLVED", "were agreed", "All Councillors were content"). */
  printedAs: string;
  /** What was decided, as printed. */
  text: string;
  from: Place;
  to: Place;
  /** A printed label ("a", "2"). */
  label?: string;
  movedBy?: string;
  secondedBy?: string;
}

export interface FoundVote extends VoteReading {
  minute: string;
  at: Place;
  movedBy?: string;
  secondedBy?: string;
  /** The decisions it decided. */
  decided: FoundDecision[];
}

// ---------------------------------------------------------------------------------------------------------------
// The RESOLVED word

const MARKER_RE = /^(?<word>[A-Z]{5,11})(?<sep>:|\s+(?=[Tt]hat\b)|$)\s*(?<rest>.*)$/;

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Whether a capitalised word is RESOLVED or a misprint of it (at most two edits, not a real word). */
const isDecisionWord = (word: string) => !NOT_DECISION_BLOCK_WORDS.has(word) && editDistance(word, DECISION_BLOCK_WORD) <= 2;

/** Finds RESOLVED, or a near-miss in capitals followed by ":", at the start of a line; gives the word as printed and the rest. */
export function matchDecisionMarker(text: string): { printedAs: string; rest: string } | undefined {
  const g = MARKER_RE.exec(text.trim())?.groups;
  const word = g?.['word'] ?? '';
  if (!g || !isDecisionWord(word)) return undefined;
  if (g['sep'] !== ':' && word !== DECISION_BLOCK_WORD) return undefined;
  return { printedAs: word, rest: g['rest'] ?? '' };
}

/** Kind of a decision in a RESOLVED block from its text: recommendation to another body, noting, or resolution. */
export function classifyDecision(text: string): 'resolution' | 'recommendation' | 'noting' {
  return RESOLVED_KINDS.find((r) => r.re.test(text))?.kind ?? 'resolution';
}

/** Whether lines print decisions in RESOLVED blocks (then only those blocks, and NOTED, are decisions). */
export const printsResolvedBlocks = (lines: readonly Line[]): boolean => lines.some((l) => matchDecisionMarker(l.text) !== undefined);

// ---------------------------------------------------------------------------------------------------------------
// RESOLVED blocks

/** A paragraph as the block style reads it: without its "- " bullet and its "(a)" label. */
const BULLET_RE = /^(?<dash>-\s+)?(?:\((?<label>[a-z]{1,6}|\d{1,3})\)\s+)?(?<body>.*)$/i;
const bulletOf = (p: Paragraph) => {
  const g = BULLET_RE.exec(p.text)?.groups ?? {};
  return { body: g['body'] ?? p.text, bullet: g['dash'] !== undefined, label: g['label']?.toLowerCase() };
};

/** The label after this one in its series: "a" to "b", "2" to "3". */
const successor = (label: string) => (/^\d+$/.test(label) ? String(Number(label) + 1) : String.fromCharCode(label.charCodeAt(label.length - 1) + 1));

/** Groups a block's paragraphs: a lead-in ending ":" takes the bullets and labelled items after it. */
function groupBlock(paragraphs: Paragraph[]): Paragraph[][] {
  const groups: Paragraph[][] = [];
  for (const p of paragraphs) {
    const last = groups[groups.length - 1];
    const lead = last?.[0];
    const b = bulletOf(p);
    const item = b.bullet || b.label !== undefined;
    const leadLabel = lead ? bulletOf(lead).label : undefined;
    const nextOfLead = leadLabel !== undefined && b.label === successor(leadLabel);
    if (last && lead?.text.endsWith(':') && item && !nextOfLead) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

const lineEnd = (lines: readonly Line[], index: number): Place => ({ index, col: lines[index]!.text.length });

/**
 * Outside the blocks, a sentence that says the body resolved ("It was resolved to pay ...", "The council RESOLVED to
 * buy ...") is a decision too: minutes that set some decisions in blocks write others as sentences. Only "resolved",
 * as the blocks say it: the discussion around a block agrees and approves in passing.
 */
function resolvedSentences(minute: string, p: Paragraph): FoundDecision[] {
  const out: FoundDecision[] = [];
  for (const s of sentencesOf(p)) {
    const found = decisionIn(s.text);
    const motion = motionIn(s.text);
    const last = out[out.length - 1];
    if (found && /\bresolved\b/i.test(found.printedAs)) out.push({ id: '', minute, ...found, text: printed(s.text), from: placeOf(p, s.start), to: placeOf(p, s.end), ...motion });
    // "Proposed by Cllr Jones and seconded by Cllr Price." after a resolution is its proposer and seconder.
    else if (last && !last.movedBy && !last.secondedBy && /^(?:proposed|moved|seconded)\b/i.test(printed(s.text))) Object.assign(last, motion);
  }
  return out;
}

/** The decisions of one minute printed in RESOLVED blocks, "It was NOTED that ..." and resolutions in sentences outside them. */
function blockDecisions(minute: string, lines: readonly Line[], paragraphs: Paragraph[]): FoundDecision[] {
  const out: FoundDecision[] = [];
  let block: { printedAs: string; paragraphs: Paragraph[] } | undefined;
  const flush = () => {
    if (!block) return;
    for (const group of groupBlock(block.paragraphs)) {
      const first = group[0]!;
      const last = group[group.length - 1]!;
      const head = bulletOf(first);
      const text = group.map((p) => (p === first ? head.body : p.text.replace(/^-\s+/, ''))).join('\n');
      out.push({
        id: '',
        minute,
        printedAs: block.printedAs,
        text,
        kind: classifyDecision(text),
        from: { index: first.first, col: 0 },
        to: lineEnd(lines, last.last),
        ...(head.label ? { label: head.label } : {}),
        ...motionIn(text),
      });
    }
    block = undefined;
  };
  for (const p of paragraphs) {
    const marker = matchDecisionMarker(p.text);
    if (marker) {
      flush();
      block = { printedAs: marker.printedAs, paragraphs: [] };
      if (marker.rest) block.paragraphs.push({ ...p, text: marker.rest });
    } else if (block) block.paragraphs.push(p);
    else {
      const noted = NOTED_IN_CAPITALS.exec(bulletOf(p).body);
      if (noted) {
        const body = bulletOf(p).body;
        out.push({ id: '', minute, printedAs: 'NOTED', text: body.slice(noted.index), kind: 'noting', from: { index: p.first, col: 0 }, to: lineEnd(lines, p.last) });
      } else out.push(...resolvedSentences(minute, p));
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions in sentences

/** Whether the words before a decision verb make the body its subject, not a person. */
function bodyIsSubject(before: string): boolean {
  const clause = before.split(/[,;:(]|\s[–—-]\s/).pop()!.replace(SUBJECT_FILLER, '').trim();
  // Nothing before the verb: the sentence's own subject is the body ("Agreed to ..."); after a dash, it is whatever the
  // dash lists ("Old Station Site – approved": the planning authority's permission).
  if (clause === '') return before.trim() === '' || /,\s*$/.test(before);
  if (PERSON_SUBJECT.test(clause)) return false;
  return BODY_SUBJECTS.test(clause);
}

/** The kind of decision a sentence records, and the words that say it, if it records one. */
export function decisionIn(sentence: string): { kind: DecisionKind; printedAs: string } | undefined {
  const text = printed(sentence);
  for (const rule of DECISION_PHRASES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const span = [m.index, m.index + m[0].length];
    const excluded = NOT_A_DECISION.some(
      (n) => (!n.kinds || n.kinds.includes(rule.kind)) && [...text.matchAll(new RegExp(n.re.source, `${n.re.flags.replace('g', '')}g`))].some((x) => x.index < span[1]! && x.index + x[0].length > span[0]!),
    );
    if (excluded) continue;
    if (rule.subject === 'body' && !bodyIsSubject(text.slice(0, m.index))) continue;
    return { kind: rule.kind, printedAs: m[0].trim() };
  }
  return undefined;
}

/** The proposer and seconder a sentence names, as printed. */
export function motionIn(sentence: string): { movedBy?: string; secondedBy?: string } {
  const text = printed(sentence);
  const mover = MOVER.exec(text)?.groups;
  const seconder = SECONDER.exec(text)?.groups;
  const clean = (name: string | undefined) => name?.replace(/\s+(?:and|but|who|it|as)$/i, '').replace(/[.,;]+$/, '').trim();
  const movedBy = clean(mover?.['mover'] ?? mover?.['mover2'] ?? mover?.['mover3'] ?? mover?.['mover4']);
  const secondedBy = clean(seconder?.['seconder'] ?? seconder?.['seconder2']);
  return { ...(movedBy ? { movedBy } : {}), ...(secondedBy ? { secondedBy } : {}) };
}

/** A numbered or lettered decision under a lead-in, by its first word ("2. Approved ...", "3. Authorise ..."). */
function itemKind(text: string, lead: FoundDecisionKind | undefined): { kind: FoundDecisionKind; printedAs: string } | undefined {
  const body = printed(text).replace(/^\(?[\da-z]{1,3}[.)]\s+/i, '');
  const verb = DECISION_ITEM_VERB.find((v) => v.re.test(body));
  const word = body.split(/\s+/)[0] ?? '';
  if (lead === 'rejected') return { kind: 'rejected', printedAs: word };
  if (verb) return { kind: verb.kind, printedAs: word };
  return lead ? { kind: lead, printedAs: word } : undefined;
}

/** The decisions and votes in a minute's sentences. */
function phraseDecisions(minute: string, paragraphs: Paragraph[]): { decisions: FoundDecision[]; votes: FoundVote[] } {
  const decisions: FoundDecision[] = [];
  const votes: FoundVote[] = [];
  let lead: { kind?: FoundDecisionKind } | undefined;
  let pending: { movedBy?: string; secondedBy?: string; sentence: string; from: Place; to: Place } | undefined;
  let lastDecision: FoundDecision | undefined;
  for (const p of paragraphs) {
    const text = printed(p.text);
    if (DECISION_LEAD_IN.some((re) => re.test(text))) {
      lead = /not approved/i.test(text) ? { kind: 'rejected' } : {};
      continue;
    }
    if (lead && p.item && /^\d|^[a-z]$|^[ivx]+$/i.test(p.item)) {
      const kind = itemKind(text, lead.kind);
      if (kind) {
        const d: FoundDecision = { id: '', minute, ...kind, text: text.replace(/^\(?[\da-z]{1,3}[.)]\s+/i, ''), from: placeOf(p, 0), to: placeOf(p, p.text.length), label: p.item };
        decisions.push(d);
        lastDecision = d;
      }
      continue;
    }
    lead = undefined;
    for (const s of sentencesOf(p)) {
      const motion = motionIn(s.text);
      const vote = voteIn(s.text);
      const from = placeOf(p, s.start);
      const to = placeOf(p, s.end);
      if (vote) {
        votes.push({ ...vote, minute, at: from, decided: [], ...(pending?.movedBy ? { movedBy: pending.movedBy } : {}), ...(pending?.secondedBy ? { secondedBy: pending.secondedBy } : {}), ...motion });
        pending = undefined;
        continue;
      }
      const found = decisionIn(s.text);
      if (found) {
        const d: FoundDecision = { id: '', minute, ...found, text: printed(s.text), from, to, ...motion };
        decisions.push(d);
        lastDecision = d;
        continue;
      }
      if (!motion.movedBy && !motion.secondedBy) continue;
      // "Proposed by the Chairman, seconded by Cllr Blake." after a decision is that decision's proposer.
      if (/^(?:proposed|moved|seconded)\b/i.test(printed(s.text)) && lastDecision && !lastDecision.movedBy && !lastDecision.secondedBy) {
        Object.assign(lastDecision, motion);
        continue;
      }
      pending = { ...motion, sentence: printed(s.text), from, to };
    }
  }
  // A motion proposed and seconded that no vote followed was agreed: "She was proposed ..., seconded ..., co-opted".
  if (pending) decisions.push({ id: '', minute, kind: 'resolution', printedAs: 'proposed', text: pending.sentence, from: pending.from, to: pending.to, ...(pending.movedBy ? { movedBy: pending.movedBy } : {}), ...(pending.secondedBy ? { secondedBy: pending.secondedBy } : {}) });
  return { decisions, votes };
}

/**
 * Links votes to what they decided: the recommendation they name, else the decisions of the same minute. A minute
 * whose only record of its outcome is the vote ("The motion was CARRIED.") takes the vote as its decision.
 */
function linkVotes(decisions: FoundDecision[], votes: FoundVote[], lines: readonly Line[]): FoundDecision[] {
  const added: FoundDecision[] = [];
  for (const vote of votes) {
    const own = decisions.filter((d) => d.minute === vote.minute);
    let linked = vote.recommendation ? own.filter((d) => d.label === vote.recommendation) : own.filter((d) => d.kind !== 'noting');
    if (vote.recommendation && linked.length === 0 && own.length > 0) linked = [];
    // A vote whose result is not printed (a tie, with no casting vote recorded) decided nothing that can be said.
    if (own.length === 0 && vote.result) {
      const d: FoundDecision = {
        id: '',
        minute: vote.minute,
        kind: vote.result === 'lost' ? 'rejected' : 'resolution',
        printedAs: vote.result === 'lost' ? 'lost' : 'carried',
        text: vote.printed,
        from: vote.at,
        to: { index: vote.at.index, col: lines[vote.at.index]!.text.length },
        ...(vote.movedBy ? { movedBy: vote.movedBy } : {}),
        ...(vote.secondedBy ? { secondedBy: vote.secondedBy } : {}),
      };
      added.push(d);
      linked = [d];
    }
    for (const d of linked) {
      if (vote.movedBy && !d.movedBy) d.movedBy = vote.movedBy;
      if (vote.secondedBy && !d.secondedBy) d.secondedBy = vote.secondedBy;
    }
    vote.decided = linked;
  }
  return added;
}

/**
 * The decisions and votes of one minute, from its body lines (`from` to `to`, exclusive). `blocks` says the minutes
 * print RESOLVED blocks; then only those (and NOTED) are read.
 */
export function decisionsOf(
  minute: string,
  lines: readonly Line[],
  from: number,
  to: number,
  options: { blocks: boolean; skip?: ReadonlySet<number> },
): { decisions: FoundDecision[]; votes: FoundVote[] } {
  const paragraphs = paragraphsOf(lines, from, to, options.skip);
  if (options.blocks) return { decisions: blockDecisions(minute, lines, paragraphs), votes: [] };
  const found = phraseDecisions(minute, paragraphs);
  const extra = linkVotes(found.decisions, found.votes, lines);
  return { decisions: [...found.decisions, ...extra].sort((a, b) => a.from.index - b.from.index || a.from.col - b.from.col), votes: found.votes };
}

/**
 * Gives each decision its anchor id: the printed label (decision-180-a); else decision-181 when it is the minute's only
 * unlabelled decision, or decision-181-1, -2 in order when there are several. An id already taken gets -2, -3. The
 * "decision-" prefix keeps them apart from the minutes' own anchors (#minute-181) on the same page.
 */
export function assignIds(decisions: FoundDecision[]): void {
  const unlabelled = Map.groupBy(
    decisions.filter((d) => d.label === undefined),
    (d) => d.minute,
  );
  const seen = new Map<string, number>();
  for (const d of decisions) {
    const siblings = unlabelled.get(d.minute) ?? [];
    const suffix = d.label ?? (siblings.length > 1 ? String(siblings.indexOf(d) + 1) : undefined);
    const base = ['decision', d.minute, suffix]
      .filter(Boolean)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    d.id = count === 1 ? base : `${base}-${count}`;
  }
}
