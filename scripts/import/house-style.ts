/**
 * What varies between councils' house styles, in one place: the words and shapes councils print for page
 * furniture, meeting details, attendance, numbering, decisions, votes and actions. The stages read these tables;
 * a council that words something in a new way is taught here, not in the code that uses it.
 *
 * Everything is matched against a line's printed words (markup removed, see `read/markup.ts`).
 */

// ---------------------------------------------------------------------------------------------------------------
// Page furniture

/** Lines that are print artefacts when they stand alone. */
export const FURNITURE_LINES: ReadonlyArray<{ kind: 'blank-page' | 'draft-stamp'; test: RegExp }> = [
  { kind: 'blank-page', test: /^\W*this page (?:is )?(?:intentionally|deliberately) (?:left )?blank\W*$/i },
  { kind: 'draft-stamp', test: /^\W*draft\W*$/i },
];

/** A page number as printed: "12", "Page 12", "Page 1 of 9", "- 3 -", "-3-", and "!3" (a Pages export's glyph). */
export const PAGE_NUMBER = /^(?:(?:page\s+)?(?<page>\d{1,3})(?:\s+of\s+\d{1,3})?|[-–—]\s*(?<dashed>\d{1,3})\s*[-–—]|!(?<bang>\d{1,3}))$/i;

/** The page number a PAGE_NUMBER match holds, whichever of its forms matched. */
export const pageNumberOf = (m: RegExpExecArray): number => Number(m.groups!['page'] ?? m.groups!['dashed'] ?? m.groups!['bang']);

// ---------------------------------------------------------------------------------------------------------------
// Councils and bodies

/** How the name of a council or authority ends, longest first. */
export const COUNCIL_NAME_ENDINGS = [
  'Metropolitan Borough Council',
  'Royal Borough Council',
  'Mayoral Combined Authority',
  'Combined Authority',
  'Parish Council',
  'Town Council',
  'Community Council',
  'Village Council',
  'Neighbourhood Council',
  'City Council',
  'County Council',
  'District Council',
  'Borough Council',
  'Council',
];

/** Welsh names put the kind first: "Cyngor Cymuned Tyndyrn", "Cyngor Tref Trefynwy". */
export const WELSH_COUNCIL_NAME = /\bCyngor\s+(?<kind>Cymuned|Tref|Dinas|Sir|Bwrdeistref Sirol)\s+(?:[A-ZÂÊÎÔÛŴŶ][\p{L}'’-]+\s*){1,4}/u;

/** The kind of council a Welsh name gives, in English: the name of its full meeting ("Community Council"). */
export const WELSH_COUNCIL_KINDS: Record<string, string> = {
  Cymuned: 'Community Council',
  Tref: 'Town Council',
  Dinas: 'City Council',
  Sir: 'County Council',
  'Bwrdeistref Sirol': 'County Borough Council',
};

/**
 * Words a council's name never starts with, though headings print them before it ("MINUTES OF A VIRTUAL ..."), and the
 * bodies a council meets as ("Finance Committee of Anytown Town Council"), which are not part of its name.
 */
export const NOT_IN_COUNCIL_NAME = new Set(
  'minutes of a an the meeting meetings virtual remote hybrid special extraordinary annual ordinary draft final adopted approved unapproved confirmed full for agenda notice report to held by at on in and with from this that committee sub-committee subcommittee panel cabinet board'.split(
    ' ',
  ),
);

/** Small words kept in lower case when a name printed in capitals is given title case ("Newton-le-Willows", "Newcastle-under-Lyme"). */
export const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'to', 'in', 'on', 'a', 'an', 'by', 'with', 'upon', 'at', 'de', 'la', 'le', 'en', 'under', 'super']);

/** The full meeting of a local council is named after its kind ("Parish Council"); other councils' is "Full Council". */
export const LOCAL_COUNCIL_KIND = /\b(Parish|Town|Community|Village|Neighbourhood)\s+Council$/i;

/** Kinds of body by their name. */
export const BODY_KINDS: ReadonlyArray<[RegExp, 'cabinet' | 'commission' | 'panel' | 'board' | 'council']> = [
  [/cabinet|executive/i, 'cabinet'],
  [/commission/i, 'commission'],
  [/panel/i, 'panel'],
  [/board/i, 'board'],
  [/^(full |county |city )?council$|^(parish|town|community|village|neighbourhood) council$/i, 'council'],
];

/** Where a minutes heading names the body: "Minutes of the Transport & Connectivity Policy Committee". */
export const BODY_IN_HEADING = [
  // "Minutes of the Annual Parish Meeting": the meeting of the parish's electors is a body of its own.
  /\b(?<body>(?:Annual\s+)?(?:Parish|Town|Community|Village)\s+Meeting)\b/i,
  /\bminutes of (?:a |the |an )?(?:(?:special|extraordinary|annual|ordinary|virtual|remote|hybrid|public)\s+)*(?:meeting of (?:the )?)?(?<body>.+?)(?:\s+(?:meeting|held|on|at|in)\b|[,.:;(–—-]|$)/i,
  /\bmeeting of (?:the )?(?<body>.+?)(?:\s+(?:to be held|held|on|at|in)\b|[,.:;(–—-]|$)/i,
  /\bdetermined at (?:the )?(?<body>.+?)\s+meeting\b/i,
  /^(?:report to\s*:?|committee\s*:)\s*(?<body>.+)$/i,
  /\bto be taken at (?:the )?(?<body>.+?)$/i,
  /\bminutes for (?:the )?(?<body>.+?)\s+meeting\b/i,
];

// ---------------------------------------------------------------------------------------------------------------
// Dates and times

/**
 * A line whose date is not the meeting's: the approval signature, publication, the next meeting, a deadline, an earlier
 * meeting's minutes ("The minutes of the meeting held on ...", "4. Minutes of the meeting held on ..."); but a heading
 * "Minutes of the meeting held on ..." is the meeting's own.
 */
export const NOT_MEETING_DATE =
  /\b(?:signed|dated|date of (?:publication|issue)|published|publication|circulated|issued|next meeting|printed|produced|deadline|update|despatched|dispatched|previous meeting|last meeting|(?:the|confirm|approve|sign|receive|agree|accept|adopt)\s+minutes of the meeting held|\d[.)]?\s+minutes of the meeting held)\b/i;

/** A line that holds the meeting's own date: a heading, or a sentence about when the meeting was held. */
export const MEETING_DATE_CONTEXT = /\b(?:held|meeting|minutes|cofnodion|to be held|on\b)/i;

/** A start time in 24-hour form, which chrono does not read: "19.00", "1900hrs", "at 1900". */
export const CLOCK_24 = /\b(?:at|from|commencing)\s+(?<h>[01]?\d|2[0-3])[.:]?(?<m>[0-5]\d)\s*(?:hrs?|hours|h)?\b(?!\s*[ap]\.?m)|\b(?<h2>[01]?\d|2[0-3])[.:]?(?<m2>[0-5]\d)\s*(?:hrs|hours)\b/i;

/** The closing time: "The meeting closed at 9.55 pm", "Meeting ended at 7.30 pm", "brought the meeting to a close at". */
export const CLOSING_TIME = /\b(?:closed|ended|close|finished|concluded|terminated)\b[^.]{0,30}?\bat\s+(?<time>\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|hrs)?)/i;

/** Welsh ordinal endings on a day of the month ("1af", "2il", "3ydd", "5ed", "7fed", "11eg", "25ain"). */
export const WELSH_ORDINAL = /(?<=\d)(?:af|il|ydd|ed|fed|eg|ain)\b/;

/** Welsh month names, read as their English names so one date parser reads both languages. */
export const WELSH_MONTHS: Record<string, string> = {
  ionawr: 'January',
  chwefror: 'February',
  mawrth: 'March',
  ebrill: 'April',
  mai: 'May',
  mehefin: 'June',
  gorffennaf: 'July',
  awst: 'August',
  medi: 'September',
  hydref: 'October',
  tachwedd: 'November',
  rhagfyr: 'December',
};

// ---------------------------------------------------------------------------------------------------------------
// Attendance

/** Labels of the attendance lists, matched at the start of a line ("Members present:-", "Apologies:"). */
export const ATTENDANCE_LABELS: ReadonlyArray<{ list: 'present' | 'inAttendance' | 'apologies' | 'public'; re: RegExp; bare?: boolean }> = [
  { list: 'apologies', re: /^(?:apologies(?: for absence)?(?: were received from| received from)?|absent|ymddiheuriadau)(?=[\s:;–—-]|$)/i, bare: true },
  { list: 'present', re: /^attending by [^:]*?(?=\s*:)/i },
  { list: 'inAttendance', re: /^(?:clerk|parish clerk|town clerk)(?=[\s:;–—-]|$)/i, bare: true },
  { list: 'inAttendance', re: /^(?:officers? (?:in attendance|present)|in attendance|also (?:present|in attendance)|officers|attending|yn bresennol hefyd)(?=[\s:;–—-]|$)/i },
  { list: 'public', re: /^(?:members of the public|public|guests|visitors|press)(?=[\s:;–—-]|$)/i },
  { list: 'present', re: /^(?:(?:members|councillors)\s+present|present|(?:yn\s+)?bresennol|presennol)(?=[\s:;–—-]|$)/i, bare: true },
];

/** A label that opens another attendance list inside a line of names ("... Susan Pepper (SP) In attendance: Peter King"). */
export const INLINE_ATTENDANCE_LABEL = /(?<!\bof the)\s+(?=(?:in attendance|also present|apologies(?: for absence)?|members of the public|public|officers)\s*[:–—-])/i;

/** Lower-case words that may sit in a list of names; any other lower-case words make a line a sentence. */
export const NAME_LIST_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'de', 'van', 'von', 'la', 'le', 'du', 'y', 'ap', 'on-line', 'online', 'by', 'zoom']);

/** Titles before a name, for splitting lists and telling a person from a body. */
export const PERSON_TITLES = ['Councillors', 'Councillor', 'County Cllr', 'Cllrs', 'Cllr', 'Mrs', 'Miss', 'Mr', 'Ms', 'Mx', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'Rev', 'Revd', 'Cyng'];

/** The titles of PERSON_TITLES that name several people ("Cllrs Hayward, Hoskins and Evans"). */
export const PLURAL_PERSON_TITLES = ['Councillors', 'Cllrs'];

/** Honours and letters after a name ("OBE", "JP", "CC"), kept as printed but not part of the name. */
export const POST_NOMINALS = ['CC', 'JP', 'MBE', 'OBE', 'CBE', 'KBE', 'DBE', 'DL', 'MP', 'MS', 'AM', 'MSP', 'BEM', 'QPM', 'KC', 'QC'];

/** Roles printed beside names. */
export const ROLES = /\b(Chair(?:man|woman|person)?|Vice[- ]Chair(?:man|woman)?|Convenor|Vice[- ]Convenor|Mayor|Deputy Mayor|Clerk|Treasurer|Secretary|Member|Ward Councillor|RFO|Proper Officer|Cadeirydd|Is-[Gg]adeirydd|Clerc)\b/i;

/** A role or note that says the person chaired the meeting ("Chair", "in the Chair", Welsh "Cadeirydd"); not a vice-chair. */
export const CHAIR_ROLE = /\b(?:in the chair|chair(?:man|woman|person)?|convenor|presiding|cadeirydd)\b/i;
/** A deputy's role ("Vice Chair", Welsh "Is-Gadeirydd"), which does not chair the meeting. */
export const VICE_ROLE = /\bvice\b|\bis-gadeirydd\b/i;

/** "None", "There were none", "No apologies": a list with nobody on it. */
export const NOBODY = /^(?:none|nil|no(?:ne)? (?:apologies|declarations|interests?)|there were (?:none|no .*)|n\/a)\b/i;

// ---------------------------------------------------------------------------------------------------------------
// Minutes

/**
 * A minutes document says so in its heading: "Minutes of ...", "DRAFT MINUTES", "Cofnodion"; not an agenda item about
 * an earlier meeting's minutes ("To confirm the minutes of the meeting held on ...").
 */
export const MINUTES_TITLE =
  /(?<!\b(?:confirm|approve|receive|sign|agree|note|accept|adopt)\s+the\s+)\b(?:minutes|cofnodion)\s+(?:of|for|o|y)\b(?!\s+the\s+(?:previous|last)\b)|^\W*(?:(?:draft|final|adopted|approved|unapproved|confirmed|signed)\s+)*(?:minutes|cofnodion)\b/im;

/** The printed word that opens a block of decisions, as principal councils print it. */
export const DECISION_BLOCK_WORD = 'RESOLVED';

/** Real words in capitals within two letters of RESOLVED, which are not a misprint of it. */
export const NOT_DECISION_BLOCK_WORDS = new Set(['RESERVED', 'REVOLVED', 'REVOLVE', 'REMOVED', 'SOLVED', 'EVOLVED', 'RESOLD', 'RESOLED', 'REFOLDED', 'RESOLVER']);

/** Kinds of the decisions in a RESOLVED block, by their wording; anything else is a resolution. */
export const RESOLVED_KINDS: ReadonlyArray<{ kind: 'recommendation' | 'noting'; re: RegExp }> = [
  { kind: 'recommendation', re: /\b(?:be|is|are) (?:commended|recommended|referred|submitted|forwarded)\b[^.;]*\b(?:to|at|by)\b/i },
  { kind: 'recommendation', re: /\bfor (?:consideration|approval|decision) (?:at|by) the\b/i },
  { kind: 'recommendation', re: /\brecommends? (?:to|that) the\b/i },
  { kind: 'noting', re: /\bbe noted\b/i },
  { kind: 'noting', re: /\bit was noted\b/i },
  { kind: 'noting', re: /\bNOTED\b/ },
];

/** "It was NOTED that ..." outside a RESOLVED block: a noting, in the style of minutes that print RESOLVED. */
export const NOTED_IN_CAPITALS = /(?:It (?:was|is) )?\bNOTED\b/;

/** Words printed before a minute's number: "Item 4", "Minute 23/45", "Min. 12", and in Welsh "Eitem 4", "Cofnod 12". */
export const MINUTE_NUMBER_WORD = /item|minute|min\.?|eitem|cofnod/;

/** Minute titles that record the council's own routine business, used to tell a minute heading from a list item. */
export const ROUTINE_MINUTE_TITLES =
  /\b(?:apologies|declarations?|interests?|minutes|matters arising|public (?:forum|participation|session|question)|chair(?:man)?'?s?|clerk'?s?|finance|accounts|planning|correspondence|any other business|aob|date of (?:the )?next meeting|reports?|police|welcome|announcements|urgent)\b/i;

/** Minute titles about planning, where "approved" and "refused" are the planning authority's decisions. */
export const PLANNING_TITLE = /\bplanning\b|\bapplications?\b/i;

/** A planning application reference: "DM/2019/00022", "3/19/0086/HH", "20/00094/PP", "PL\0933\18". */
export const APPLICATION_REFERENCE = /\b(?:[A-Z]{1,4}[/\\])?\d{1,4}[/\\]\d{2,5}(?:[/\\][A-Z0-9]{1,6})+\b|\b[A-Z]{2,4}\/\d{4}\/\d{3,6}\b/;

// ---------------------------------------------------------------------------------------------------------------
// Decisions

export type DecisionKind = 'resolution' | 'noting' | 'rejected';

/**
 * Sentences in which the body itself decides, with the kind of decision. The first rule that matches a sentence
 * gives its kind; `when` narrows a rule to sentences whose subject is the body (see SUBJECTS below).
 */
export const DECISION_PHRASES: ReadonlyArray<{ kind: DecisionKind; re: RegExp; subject?: 'body' }> = [
  // Rejections first: "was not approved" also says "approved".
  { kind: 'rejected', re: /\b(?:was|were) not (?:approved|agreed|carried|adopted|accepted)\b|\bnot (?:be )?approved\b|\b(?:FELL|was lost|were lost|was defeated|were defeated|was rejected|were rejected)\b/ },
  { kind: 'resolution', re: /\b[Rr]esolved\b(?=\s+(?:to|that|not|unanimously|by|,)|:\s+(?:to|that)\b)|\bit was resolved\b|\bRESOLVED\b/ },
  { kind: 'resolution', re: /\b(?:was|were|is|are) (?:unanimously |duly |all )?(?:agreed|approved|accepted|adopted|endorsed|ratified|authori[sz]ed|confirmed|decided)\b/i },
  { kind: 'resolution', re: /\b(?:unanimously |all |duly )?(?:agreed|approved|adopted|endorsed|ratified|decided|authori[sz]ed)\b/i, subject: 'body' },
  { kind: 'resolution', re: /^(?:approved|agreed|adopted|endorsed|ratified|authori[sz]ed|accepted)\b|\ball approved\b|\bapproved\s*&\s*signed\b/i },
  { kind: 'resolution', re: /\bgave (?:their )?approval\b|\bapproval (?:was )?given\b|^approval of\b/i },
  { kind: 'resolution', re: /\bAPPROVED\b/ },
  { kind: 'resolution', re: /\b(?:were|was) (?:all )?content\b|\bcontent with\b/i, subject: 'body' },
  // Welsh: "Gwrthodwyd" (was rejected); "Penderfynwyd" (it was resolved), "Cytunwyd" (agreed), "Cymeradwywyd"
  // (approved) and "Mabwysiadwyd" (adopted) are impersonal past forms: the body is their subject.
  { kind: 'rejected', re: /\bgwrthodwyd\b/i },
  { kind: 'resolution', re: /\b(?:penderfynwyd|cytunwyd|cymeradwywyd|mabwysiadwyd)\b/i },
  { kind: 'noting', re: /\b(?:was|were|be|is|are) (?:duly )?(?:received and )?noted\b|\bNOTED\b|^noted\b/ },
  { kind: 'noting', re: /\bnoted (?:the|this|these|its|that report)\b/i, subject: 'body' },
];

/** Sentences that say "agreed" or "approved" about something other than the body's own decision now. */
export const NOT_A_DECISION: ReadonlyArray<{ re: RegExp; kinds?: ReadonlyArray<DecisionKind> }> = [
  { re: /\b(?:had|has|have)\s+(?:previously |already |originally |also |now )?(?:been\s+)?(?:agreed|approved|decided|accepted|adopted|resolved|authori[sz]ed)\b/i },
  { re: /\bprevious\s+(?:application|planning|scheme|proposal|plan|decision|permission)s?\b[^.;]{0,40}\b(?:agreed|approved|granted)\b|\bpreviously\s+(?:been\s+)?(?:agreed|approved|granted)\b/i },
  { re: /\b(?:until|once|when|unless|whether|before|after)\b[^.,;]{0,40}\b(?:is|are|was|were|be|has been|have been)\s+(?:\w+\s+)?(?:adopted|approved|agreed|accepted|decided)\b/i },
  // "Members agreed that services were less frequent": a shared view, not a decision (no "would", "should", "to").
  { re: /\bagreed that\b(?![^.]*\b(?:would|should|must|will|shall|needs?|to|be|could|can|may)\b)[^.]*\b(?:were|was|is|are|had)\b/i, kinds: ['resolution'] },
  { re: /\b(?:will|would|to|should|may|might|must|can|could)\s+(?:be\s+)?(?:need(?:ed)?\s+to\s+be\s+)?(?:agreed|approved|decided|adopted|noted|resolved|ratified)\b/i },
  { re: /\bif (?:they|we|councillors|members|all)\b[^.]{0,30}\b(?:content|agreed|approved)\b/i },
  { re: /\bwho (?:has |had )?agreed\b/i },
  { re: /\b(?:it was noted that|noted that|none noted|nothing noted|not noted)\b/i, kinds: ['noting'] },
  { re: /\bfor (?:formal )?approval\b/i },
  { re: /\b(?:it was )?confirmed that\b/i },
  { re: /\bunresolved\b|\bhas been resolved\b|\bwas resolved by\b/i },
];

/** Who decides: words before the verb that make the body (or all of it) the subject. */
export const BODY_SUBJECTS =
  /(?:^|\b)(?:it|this|these|all|we|they|the meeting|(?:the |this )?(?:full |parish |town |community |city |county )?(?:council|committee|board|panel|cabinet|commission|sub-committee|working group)(?: (?:for|of|on) [\p{L} &'’-]+)?|the members|members(?: present)?|all members(?: present)?|councillors(?: present)?|all councillors(?: present)?|the councillors|[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)* (?:Parish|Town|Community|City|County|District|Borough) Council|[A-Z]{2,5}C)\s*$/iu;

/** A person as subject: a title and name, initials, or he, she, someone. */
export const PERSON_SUBJECT = /(?:\b(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?|\b[A-Z]{2,3}(?:\s*(?:,|and|&)\s*[A-Z]{2,3})*|\b(?:he|she|someone|who|the farmer|the clerk|the chair(?:man)?))\s*$/u;

/** Words between the subject and the verb that do not change who decides. */
export const SUBJECT_FILLER = /\s*(?:\b(?:then|also|duly|unanimously|subsequently|therefore|thereafter|accordingly|all|both|present)\b\s*)*$/i;

/**
 * A motion's proposer and seconder: "Proposed by RW and seconded by SW", "moved ... and it was seconded by Councillor
 * Wilcox", "approved by MC and Seconded by AW", and as labels, "Proposed: Cllr Smith  Seconded: Cllr Jones".
 */
export const MOVER =
  /\b(?:[Pp]roposed|[Mm]oved)\s+(?:(?:as|report|the|that)\b[^.]*?\s+)?by\s+(?<mover>(?:the\s+)?[A-Z][\p{L}'’.-]*(?:\s+(?:[A-Z][\p{L}'’.-]*|Chairman|Chair))*)|\b[Aa]pproved\s+by\s+(?<mover3>[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)*)(?=\s+and\s+[Ss]econded)|(?<mover2>(?:Councillor|Cllr)\.?\s+[A-Z][\p{L}'’-]+)\s+moved\b|\b(?:Proposed|Proposer|Moved|Mover)\s*[:–—-]\s*(?<mover4>(?:the\s+)?[A-Z][\p{L}'’.-]*(?:\s+(?!Second)[A-Z][\p{L}'’.-]*)*)/u;
export const SECONDER =
  /\b[Ss]econded\s+by\s+(?<seconder>(?:the\s+)?[A-Z][\p{L}'’.-]*(?:\s+(?:[A-Z][\p{L}'’.-]*|Chairman|Chair))*)|\bSecond(?:ed|er)\s*[:–—-]\s*(?<seconder2>(?:the\s+)?[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)*)/u;

/** A lead-in whose numbered items are the decisions: "It was APPROVED that;", "That the Committee ...:", "RESOLVED:". */
export const DECISION_LEAD_IN: ReadonlyArray<RegExp> = [
  /\bAPPROVED that\b|^RESOLVED\b\s*[:;,-]?\s*(?:that\b.*[:;])?$/u,
  /^that (?:the )?[\p{L} &'’-]*?(?:committee|council|cabinet|board|panel|commission)\b[^.]*[:;]$/iu,
  /\brecommendations? \w* ?(?:was|were) not approved\s*:?$/i,
];

/** A numbered decision that starts with a verb in the past tense ("2. Approved launching ...", "3. Authorised ..."). */
export const DECISION_ITEM_VERB: ReadonlyArray<{ kind: DecisionKind; re: RegExp }> = [
  { kind: 'noting', re: /^(?:noted|received and noted|note[sd]?)\b/i },
  { kind: 'rejected', re: /^(?:rejected|refused|declined)\b/i },
  { kind: 'resolution', re: /^(?:approved|agreed|authori[sz]ed|adopted|endorsed|delegated|resolved|confirmed|accepted|ratified|appointed|awarded|agree[sd]?|approves?|authori[sz]es?|adopts?|endorses?)\b/i },
];

// ---------------------------------------------------------------------------------------------------------------
// Votes

/**
 * A vote's counts: "(2 voting for, 7 voting against)", "2 For, 7 Against with 0 Abstention", "by 6 votes to 3".
 * Abstentions are printed as "abstain", "abstained", "abstaining" or "abstention(s)": all are read.
 */
export const VOTE_COUNTS: ReadonlyArray<RegExp> = [
  /(?<for>\d{1,3})\s+(?:voting\s+)?(?:for|in favour)\b[^.\d]{0,20}?(?<against>\d{1,3})\s+(?:voting\s+)?against\b(?:[^.\d]{0,25}?(?<abstain>\d{1,3})\s+abst(?:ain|ention)\w*)?/i,
  /\bfor\s*[:–-]?\s*(?<for>\d{1,3})\b[^.\d]{0,12}?\bagainst\s*[:–-]?\s*(?<against>\d{1,3})\b(?:[^.\d]{0,12}?\babst(?:ain|ention)\w*\s*[:–-]?\s*(?<abstain>\d{1,3})\b)?/i,
  /\bby\s+(?<for>\d{1,3})\s+votes?\s+to\s+(?<against>\d{1,3})(?:[^.\d]{0,20}?(?<abstain>\d{1,3})\s+abst(?:ain|ention)\w*)?/i,
];

/** A vote's result as printed. */
export const VOTE_RESULT: ReadonlyArray<{ result: 'carried' | 'lost'; re: RegExp }> = [
  { result: 'lost', re: /\b(?:FELL|LOST|DEFEATED|NOT CARRIED)\b|\b(?:[Mm]otion|[Aa]mendment|[Rr]esolution|[Rr]ecommendations?|it|vote)\s+(?:\d+\s+)?(?:fell|was lost|was defeated|was not carried)\b/ },
  // "Motion carried", and "Carried nem. con." opening a sentence; not "carried out", "carried forward".
  { result: 'carried', re: /\bCARRIED\b|(?:\b(?:was|were|[Mm]otion|[Aa]mendment|[Rr]esolution|[Rr]ecommendations?)\s+(?:duly\s+)?(?:carried|passed)|^\W*Carried)\b(?!\s+(?:out|forward|over|through|on|to)\b)/ },
];

/** A sentence that reports a vote, without counts: "On being put to the vote ...", "a recorded vote was taken". */
export const VOTE_CONTEXT = /\b(?:put to (?:the|a) vote|recorded vote|named vote|show of hands|voting was as follows|the vote was)\b/i;

/** A vote that nobody opposed. */
export const UNANIMOUS = /\bunanimous(?:ly)?\b|\bnem\.? con\.?\b/i;

/** The heads of a recorded vote's named lists. */
export const VOTE_LISTS: ReadonlyArray<{ side: 'for' | 'against' | 'abstain'; re: RegExp }> = [
  { side: 'for', re: /^(?:for(?: the (?:motion|amendment|recommendations?))?|in favour|voting for|those in favour|o blaid)\s*(?:\(\d+\))?\s*[:–-]\s*/i },
  { side: 'against', re: /^(?:against(?: the (?:motion|amendment|recommendations?))?|voting against|those against|yn erbyn)\s*(?:\(\d+\))?\s*[:–-]\s*/i },
  { side: 'abstain', re: /^(?:abstain(?:ed|ing|ing from voting)?|abstentions?|ymatal)\s*(?:\(\d+\))?\s*[:–-]\s*/i },
];

// ---------------------------------------------------------------------------------------------------------------
// Actions

/** An action marker: "ACTION: Clerk to ...", "(ACTION: ...)", and in mixed case where it opens a paragraph, "Action - PCO". */
export const ACTION_MARKER = /\bACTIONS?\s*[:–-]\s*|\(ACTION:\s*|^Actions?\s*[:–-]\s*/;

/** A sentence that gives someone a task: "Clerk to email ...", "HL to chase this up", "KC, GD and IK to meet". */
export const TASK_SENTENCE =
  /^(?<owner>(?:the\s+)?(?:Clerk|Chair(?:man)?|Vice[- ]Chair(?:man)?|Secretary|Treasurer|Convenor|Officers?|RFO|Mayor|(?:Cllr|Councillor)\.?\s+[A-Z][\p{L}'’-]+|[A-Z]{2,3}(?:\s*(?:,|and|&|\/)\s*[A-Z]{2,3})*|[A-Z][a-z]+ [A-Z][a-z]+))\s+(?:to|will)\s+(?!(?:be|the|a|an|this|that|these|those|his|her|their|its|our|all|any|some|have)\b)(?<task>[a-z].*)$/u;

/** In an "ACTION:" line, any name before "to" is the owner: "Craig to chase up ...", "Carole to purchase ...". */
export const MARKED_TASK = /^(?<owner>(?:the\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3})\s+to\s+(?<task>\p{Ll}.*)$/u;

/** Words that open a sentence: after a lower-case word, they end a title printed without punctuation. */
export const SENTENCE_OPENERS = /^(?:The|A|An|It|This|These|There|He|She|They|We|All|Councillors?|Members?|[A-Z]{2,3})$/;

/**
 * How a line of a table cell ends when the cell's text goes on below: a joining mark ("01, 02 &", "Head of City,"), or
 * a word a phrase never ends on ("October to", "Roads and"), in English and Welsh. A dash alone is a nil, not a join.
 */
export const CELL_CONTINUES = /^(?=.*[\p{L}\p{N}]).*(?:[&,–-]|\b(?:and|or|of|to|the|a|an|for|with|in|on|at|by|from|ac|ar|i|o|y|yr|neu|gyda))$/iu;

/** An owner printed in an action column: initials such as "KC/GD/IK" or a role. */
export const ACTION_OWNER = /^(?:[A-Z]{2,3}(?:\s*[/,&]\s*[A-Z]{2,3})*|Clerk|Chair|All|Secretary|Treasurer)$/;

/** The header of an actions table or column. */
export const ACTION_HEADER = /^(?:action(?:s)?|who|by whom|owner|responsible|lead)$/i;

// ---------------------------------------------------------------------------------------------------------------
// Languages

/** Words common in Welsh council text and rare in English: how a Welsh document is told from an English one. */
export const WELSH_WORDS = new Set(
  'ac ar gan gyda yn yr y fod oedd mae wedi bod hyn hynny hefyd dim unrhyw arall nesaf rhaid ond neu os pan sydd fydd gyfer gael iddo iddi ein eich cyngor cymuned cofnodion cyfarfod cynghorydd cynghorwyr ymddiheuriadau datganiadau buddiant eitem penderfynwyd cytunwyd nodwyd clerc cadeirydd presennol fusnes dyddiad adroddiad cymeradwywyd llofnodwyd'.split(
    ' ',
  ),
);
/** English words too short or common to tell the languages apart on their own; they count against Welsh. */
export const ENGLISH_WORDS = new Set('the and of to in that was were for on with by is be at as from this it an are'.split(' '));
