/* Speakers of quotations: reporting verbs ("said", "told reporters",
 * "according to") found in a sentence with the noun phrase that speaks,
 * before the verb, after it ("said Mendez") or before an apposition. */
#include "quote_int.h"

static const char *const adverbs[] = {
	"also", "has", "had", "have", "later", "then", "previously", "would", "will", "recently",
	"further", "once", "again", "earlier", "repeatedly", "now", "did", "does", "could", "may",
	"might", "reportedly", "publicly", "privately", "simply", "never", "often", "always",
	"just", "first", "last", "once", "both", "all", "should", "can", "already", "still",
	"even", "has", "separately", "told",
};

static const char *const determiners[] = {
	"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
	"one", "another", "some", "many", "several", "two", "three", "other", "both", "most",
	"my", "your",
};

static const char *const stops_np[] = {
	"and", "or", "but", "in", "of", "to", "for", "with", "on", "at", "by", "from", "as",
	"that", "which", "who", "when", "while", "because", "if", "than", "is", "was", "are",
	"were", "be", "been", "not", "it", "they", "there", "he", "she", "we", "i", "you",
};

/* Common nouns that end a speaker named by an adjective after the verb
 * ("said a former U.S. official", "said a senior Pakistani diplomat"). */
static const char *const speaker_heads[] = {
	"official", "officials", "diplomat", "diplomats", "source", "sources", "analyst",
	"analysts", "statement", "report", "aide", "aides", "lawmaker", "lawmakers",
};

/* Tokens of a capitalised name ending at token e-1 (inclusive of "of" and
 * particles between capitals, and of "the" before it): its first token. */
static size_t name_left(const struct qctx *c, size_t s0, size_t e)
{
	size_t i = e;
	while (i > s0) {
		size_t k = i - 1;
		if (is_cap(c, k) && !is_qmark(c, k))
			i = k;
		else if (k > s0 && i < e && is_cap(c, k - 1) &&
			 (tok_is(c, k, "of") || tok_is(c, k, "for") || tok_is(c, k, "and") ||
			  tok_is(c, k, "bin") || tok_is(c, k, "de") || tok_is(c, k, "van") ||
			  tok_is(c, k, "al")))
			i = k;
		else
			break;
	}
	if (i > s0 && tok_is(c, i - 1, "the"))
		i--;
	return i;
}

/* The speaker noun phrase ending just before token v (the verb): a pronoun,
 * a name ("Foreign Minister Ana Mendez"), a common noun phrase ("the
 * spokesman", "officials", "a statement"), or a name with an apposition
 * between commas. Sets [*ns, *ne); false when none. */
/* The noun phrase ending at token e-1: a pronoun, a name with its role
 * ("Carolina coach Rod Brind'Amour"), or a common noun phrase ("the
 * spokesman", "officials", "a statement"). */
static bool np_core(const struct qctx *c, size_t s0, size_t e, uint32_t *ns, uint32_t *ne)
{
	if (e <= s0)
		return false;
	size_t k = e - 1;
	*ne = (uint32_t)e;
	if (is_pronoun(c, k)) {
		*ns = (uint32_t)k;
		return true;
	}
	if (is_cap(c, k) && !is_qmark(c, k)) {
		if (in_list(c, k, DYAD_PW_STOP))
			return false; /* "late Friday said" */
		size_t i = name_left(c, s0, e);
		while (i > s0 && e - i < 10 &&
		       (in_list(c, i - 1, DYAD_PW_TITLE) ||
			(is_cap(c, i - 1) && !is_qmark(c, i - 1)) || (is_digit(c, i - 1) && i < e)))
			i--;
		while (i < e && is_digit(c, i))
			i++;
		*ns = (uint32_t)i;
		return true;
	}
	if (!is_lower(c, k) || tok_any(c, k, stops_np, DYAD_ARRAY_LEN(stops_np)) ||
	    tok_any(c, k, determiners, DYAD_ARRAY_LEN(determiners)))
		return false;
	/* a common noun phrase: back to a determiner, a capital, or a break */
	size_t i = k;
	while (i > s0 && k - i < 6) {
		size_t j = i - 1;
		if (tok_any(c, j, determiners, DYAD_ARRAY_LEN(determiners))) {
			i = j;
			break;
		}
		if (is_cap(c, j) && !is_qmark(c, j)) {
			i = name_left(c, s0, j + 1);
			break;
		}
		if (!(is_lower(c, j) || is_digit(c, j) || is_p(c, j, '-')) ||
		    (tok_any(c, j, stops_np, DYAD_ARRAY_LEN(stops_np)) && !tok_is(c, j, "of")) ||
		    is_verb(c, j))
			break;
		i = j;
	}
	*ns = (uint32_t)i;
	return true;
}

/* The speaker noun phrase ending just before token v (the verb), after
 * adverbs ("also said"), or before an apposition between commas ("Mendez,
 * the foreign minister, said"; "a citizen, whose name is redacted, wrote").
 * Sets [*ns, *ne); false when none. */
static bool np_left(const struct qctx *c, size_t s0, size_t v, uint32_t *ns, uint32_t *ne)
{
	size_t e = v;
	while (e > s0 && tok_any(c, e - 1, adverbs, DYAD_ARRAY_LEN(adverbs)) && !tok_is(c, e - 1, "told"))
		e--;
	while (e > s0 && is_lower(c, e - 1) && tl(c, e - 1) > 4 &&
	       memcmp(tp(c, e - 1) + tl(c, e - 1) - 2, "ly", 2) == 0)
		e--;
	if (e == s0)
		return false;
	size_t k = e - 1;
	if (is_p(c, k, ',') || is_p(c, k, ')')) {
		/* the nearest comma before which a person is named, else the
		 * nearest ("Will Young, a mechanic in Kansas City, Mo., and an
		 * organizer, said") */
		char open = is_p(c, k, ',') ? ',' : '(';
		size_t j = k;
		bool found = false;
		for (int commas = 0; commas < 3 && j > s0; commas++) {
			while (j > s0 && k - j < 40 && !is_p(c, j - 1, open) && !is_qmark(c, j - 1))
				j--;
			if (j <= s0 || !is_p(c, j - 1, open) || j - 1 <= s0)
				break;
			uint32_t a, b;
			if (np_core(c, s0, j - 1, &a, &b) && !(b - a == 1 && is_pronoun(c, a))) {
				if (!found) {
					*ns = a;
					*ne = b;
					found = true;
				}
				if (dyad_people_at(c->people, c->tok[b - 1].off) >= 0) {
					*ns = a;
					*ne = b;
					return true;
				}
			}
			j--;
			if (open == '(')
				break;
		}
		return found;
	}
	return np_core(c, s0, e, ns, ne);
}

/* The speaker after an inverting verb ("said Smith", "says the minister"). */
static bool np_right(const struct qctx *c, size_t s1, size_t v, uint32_t *ns, uint32_t *ne)
{
	size_t i = v;
	if (i >= s1)
		return false;
	if (tok_is(c, i, "he") || tok_is(c, i, "she")) {
		*ns = (uint32_t)i;
		*ne = (uint32_t)i + 1;
		return true;
	}
	size_t j = i;
	if (tok_any(c, j, determiners, DYAD_ARRAY_LEN(determiners)))
		j++;
	size_t e = j;
	bool cap = false;
	while (e < s1 && e - j < 8 &&
	       ((is_cap(c, e) && !is_qmark(c, e)) ||
		(!cap && (is_lower(c, e) || is_digit(c, e)) &&
		 !tok_any(c, e, stops_np, DYAD_ARRAY_LEN(stops_np)) && !is_verb(c, e)) ||
		(cap && (in_list(c, e, DYAD_PW_TITLE) ||
			 tok_any(c, e, speaker_heads, DYAD_ARRAY_LEN(speaker_heads)))) ||
		(e > j && e + 1 < s1 && is_cap(c, e + 1) && (tok_is(c, e, "of") || tok_is(c, e, "for"))))) {
		cap |= is_cap(c, e);
		e++;
	}
	bool named = j > i;
	for (size_t k = j; k < e && !named; k++)
		named = is_cap(c, k) || in_list(c, k, DYAD_PW_TITLE);
	if (e == j || !named)
		return false;
	if (e < s1 && !cap && !is_p(c, e, ',') && !is_p(c, e, '.') && !is_p(c, e, ';') &&
	    !tok_is(c, e, "in") && !tok_is(c, e, "on") && !tok_is(c, e, "who") &&
	    !tok_is(c, e, "at") && !is_p(c, e, '(') && !tok_is(c, e, "of"))
		return false;
	*ns = (uint32_t)i;
	*ne = (uint32_t)e;
	return true;
}

/* Tokens after verb v that belong to it: "told reporters", "told The
 * Canadian Press", "said in a statement", "said on Monday"; then "that",
 * ',' or ':'. Returns the first token of what was said; *vend ends the verb
 * phrase kept as verb text. */
size_t dyad_quote_after_verb(const struct qctx *c, size_t s1, size_t v, uint32_t *vend)
{
	size_t i = v + 1;
	*vend = (uint32_t)i;
	static const char *const objverbs[] = {"told", "tells", "tell", "telling", "asked",
					       "urged", "warned", "reminded", "assured", "advised"};
	if (tok_any(c, v, objverbs, DYAD_ARRAY_LEN(objverbs))) {
		size_t j = i;
		if (j < s1 && tok_any(c, j, determiners, DYAD_ARRAY_LEN(determiners)))
			j++;
		size_t k = j;
		while (k < s1 && k - j < 4 && (is_cap(c, k) || (k == j && is_lower(c, k))) &&
		       !is_qmark(c, k))
			k++;
		if (k > j && k - j <= 4) {
			i = k;
			*vend = (uint32_t)i;
		}
	}
	/* "said in a statement", "said on Monday", "said Tuesday" */
	size_t j = i;
	static const char *const preps[] = {"in", "on", "at", "during", "after", "to", "for",
					    "earlier", "late", "last", "this", "monday", "tuesday",
					    "wednesday", "thursday", "friday", "saturday", "sunday",
					    "by", "before", "with", "from", "outside", "via", "through",
					    "under", "over", "yesterday", "today", "later", "publicly"};
	if (j < s1 && tok_any(c, j, preps, DYAD_ARRAY_LEN(preps))) {
		size_t k = j;
		while (k < s1 && k - j < 8 && !tok_is(c, k, "that") && !is_p(c, k, ',') &&
		       !is_qmark(c, k) && !is_p(c, k, ':') && !is_p(c, k, '.') &&
		       !(k > j + 1 && is_pronoun(c, k) && !tok_is(c, k, "it")))
			k++;
		if (k < s1 && k - j < 8)
			i = k;
	}
	if (i < s1 && (is_p(c, i, ',') || is_p(c, i, ':')))
		i++;
	if (i < s1 && tok_is(c, i, "that"))
		i++;
	return i;
}

/* Whether the words from token i can be what verb x reported without
 * quote marks: after "that" always; after verbs that mostly take an object
 * ("claimed responsibility", "announced a plan") only with "that"; never
 * when they open with a preposition ("told CBC News about being homeless",
 * "added a goal", sports' "scored on a ..."). */
bool dyad_quote_clause_ok(const struct qctx *c, const struct attrib *x, size_t i)
{
	if (i > 0 && tok_is(c, i - 1, "that"))
		return true;
	static const char *const bare[] = {
		"said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds",
		"adding", "wrote", "writes", "noted", "notes", "argued", "argues", "insisted",
		"insists", "stressed", "explained", "explains", "stated", "states", "according",
		"believes", "warned", "warns", "predicted", "testified", "acknowledged", "conceded",
		"admitted", "claimed", "claims", "alleged", "alleges", "suggested", "suggests",
		"admits", "acknowledges", "concedes", "insisting", "noting", "arguing", "explaining",
		"warning", "claiming", "stressing", "stresses", "maintained", "maintains", "recalled",
		"recalls", "contended", "contends", "reiterated", "asserted", "asserts"};
	if (!tok_any(c, x->v, bare, DYAD_ARRAY_LEN(bare)))
		return false;
	/* "Brent crude added 30 cents" */
	if ((is_digit(c, i) || tp(c, i)[0] == '$') && !tok_is(c, x->v, "said") &&
	    !tok_is(c, x->v, "says"))
		return false;
	static const char *const preps[] = {
		"about", "on", "with", "to", "as", "up", "for", "of", "in", "at", "by", "from", "just",
		"yet", "after", "before", "when", "while", "out", "off", "into", "over", "goodbye",
		"hello", "so", "no", "yes", "sorry", "thanks", "responsibility", "nothing", "anything",
		"something", "little", "much", "why", "how", "what", "where", "whether"};
	if (tok_any(c, i, preps, DYAD_ARRAY_LEN(preps)))
		return false;
	/* "added a goal": a determiner right after an adding verb is an object */
	if (!tok_is(c, x->v, "said") && !tok_is(c, x->v, "says") && !tok_is(c, x->v, "say") &&
	    (tok_is(c, i, "a") || tok_is(c, i, "an") || tok_is(c, i, "his") || tok_is(c, i, "her") ||
	     tok_is(c, i, "their") || tok_is(c, i, "its")))
		return false;
	return true;
}

static size_t words_in(const struct qctx *c, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += is_lower(c, i) || is_cap(c, i);
	return n;
}

/* Whether the speaker's clause x ends the sentence ("..., Mendez said." or
 * "..., said Mendez, the minister."): what comes before it was said. */
bool dyad_quote_clause_ends(const struct qctx *c, size_t s1, const struct attrib *x)
{
	if (x->inverted)
		return true;
	uint32_t vend;
	size_t i = dyad_quote_after_verb(c, s1, x->v, &vend);
	if (i < s1 && i > 0 && is_p(c, i - 1, ',') && i + 1 < s1 &&
	    (tok_is(c, i, "and") || tok_is(c, i, "but") ||
	     (tl(c, i) > 3 && memcmp(tp(c, i) + tl(c, i) - 3, "ing", 3) == 0)))
		return true; /* "..., the Red Cross said, raising ..." */
	return words_in(c, i, s1) == 0;
}

/* Reporting verbs that are plural nouns as well. */
static const char *const plural_nouns[] = {
	"reports", "claims", "comments", "remarks", "notes", "states", "points", "estimates",
	"counters", "tweets", "promises", "replies", "responds", "asks", "calls", "warns",
};

/* The first person named in tokens [s0, v): [*ns, *ne), or empty. */
static void sentence_subject(const struct qctx *c, size_t s0, size_t v, uint32_t *ns, uint32_t *ne)
{
	*ns = *ne = 0;
	for (size_t i = s0; i < v; i++) {
		int32_t p = dyad_people_at(c->people, c->tok[i].off);
		if (p < 0)
			continue;
		size_t e = i + 1;
		while (e < v && dyad_people_at(c->people, c->tok[e].off) == p)
			e++;
		*ns = (uint32_t)i;
		*ne = (uint32_t)e;
		return;
	}
}

/* The reporting verbs of sentence s with their speakers: *n of them in a. */
size_t dyad_quote_attribs(const struct qctx *c, size_t s0, size_t s1, struct attrib *a, size_t cap)
{
	size_t n = 0;
	for (size_t v = s0; v < s1 && n < cap; v++) {
		bool according = tok_is(c, v, "according") && v + 1 < s1 && tok_is(c, v + 1, "to");
		if ((!is_verb(c, v) && !according) || in_piece(c, v) || !is_lower(c, v))
			continue;
		struct attrib x = {.v = (uint32_t)v, .vend = (uint32_t)v + 1};
		/* "any remarks", "the claims": nouns */
		if (v > s0 && (tok_any(c, v - 1, determiners, DYAD_ARRAY_LEN(determiners)) ||
			       tok_is(c, v - 1, "any") || tok_is(c, v - 1, "no")))
			continue;
		if (according) {
			x.vend = (uint32_t)v + 2;
			if (!np_right(c, s1, v + 2, &x.ns, &x.ne))
				continue;
			x.inverted = true;
		} else if (np_left(c, s0, v, &x.ns, &x.ne) &&
			   (!tok_any(c, v, plural_nouns, DYAD_ARRAY_LEN(plural_nouns)) ||
			    is_cap(c, x.ne - 1) || is_pronoun(c, x.ne - 1))) {
			/* "reports", "claims" follow a name or a pronoun as verbs */
			x.inverted = false;
		} else if ((v > s0 && (is_p(c, v - 1, ',') || is_qmark(c, v - 1))) &&
			   np_right(c, s1, v + 1, &x.ns, &x.ne)) {
			x.inverted = true;
		} else if (v > s0 && ((is_p(c, v - 1, ',') && tl(c, v) > 3 &&
					memcmp(tp(c, v) + tl(c, v) - 3, "ing", 3) == 0) ||
				       tok_is(c, v - 1, "and") || tok_is(c, v - 1, "but"))) {
			/* ", adding that" and "... and said": the sentence's speaker */
			x.part = true;
			if (n > 0) {
				x.ns = a[n - 1].ns;
				x.ne = a[n - 1].ne;
			} else {
				sentence_subject(c, s0, v, &x.ns, &x.ne);
			}
		} else {
			continue;
		}
		if (!according) {
			uint32_t vend; /* the verb with its audience: "told reporters" */
			dyad_quote_after_verb(c, s1, v, &vend);
			x.vend = vend;
		}
		a[n++] = x;
		if (x.inverted && !according)
			v = x.ne ? x.ne - 1 : v;
	}
	return n;
}

