/* Quotations of an article: direct ones between quote marks (straight or
 * curly, split around "he said", over several paragraphs) and indirect ones
 * ("Mendez said the government would..."), each with its speaker resolved
 * through the article's people. Hand-written patterns, no regex library:
 * one pass over the bytes for the marks, one over each sentence's tokens. */
#include <stdlib.h>
#include <string.h>

#include "quote_int.h"

/* ---- Direct quotations: the marks ------------------------------------- */

static int add_piece(struct qctx *c, uint32_t open, uint32_t off, uint32_t end, uint32_t close,
		     bool closed)
{
	while (off < end && (c->text[off] == ' ' || c->text[off] == '\n'))
		off++;
	while (end > off && (c->text[end - 1] == ' ' || c->text[end - 1] == '\n'))
		end--;
	if (end - off < 2)
		return DYAD_OK;
	if (c->npc == c->pccap) {
		size_t cap = c->pccap ? 2 * c->pccap : 16;
		void *p = realloc(c->pc, cap * sizeof *c->pc);
		if (!p)
			return DYAD_ENOMEM;
		c->pc = p;
		c->pccap = cap;
	}
	c->pc[c->npc++] = (struct piece){.off = off, .end = end, .open = open, .close = close,
					 .closed = closed, .q = -1};
	return DYAD_OK;
}

static bool space_or_start(const char *t, size_t lo, size_t i)
{
	if (i <= lo)
		return true;
	unsigned char b = (unsigned char)t[i - 1];
	return b == ' ' || b == '\n' || b == '\t' || b == '(' || b == '[' || b == 0x94 /* —, – */ ||
	       b == 0x93;
}

/* Quote marks of the paragraph text[a, b): each stretch between an opening
 * and a closing mark, or the paragraph's end (a quotation running on into
 * the next paragraph opens it again with a mark). */
static int scan_paragraph(struct qctx *c, uint32_t a, uint32_t b)
{
	const char *t = c->text;
	int64_t open = -1;
	uint32_t open_end = 0;
	for (uint32_t i = a; i < b; i++) {
		unsigned char ch = (unsigned char)t[i];
		int kind = 0; /* 1 opening, 2 closing, 3 straight */
		uint32_t w = 1;
		if (ch == '"') {
			kind = 3;
		} else if (ch == 0xE2 && i + 2 < b && (unsigned char)t[i + 1] == 0x80) {
			unsigned char x = (unsigned char)t[i + 2];
			if (x == 0x9C || x == 0x9D) {
				kind = x == 0x9C ? 1 : 2;
				w = 3;
			}
		} else if (ch == 0xC2 && i + 1 < b &&
			   ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBB)) {
			kind = (unsigned char)t[i + 1] == 0xAB ? 1 : 2;
			w = 2;
		}
		if (!kind)
			continue;
		if (kind == 3) {
			bool before = space_or_start(t, a, i);
			bool after = i + 1 >= b || t[i + 1] == ' ' || t[i + 1] == '\n';
			if (open < 0)
				kind = (!before && after) ? 0 : 1;
			else
				kind = 2;
		}
		if (kind == 1) {
			if (open >= 0) {
				int rc = add_piece(c, (uint32_t)open, open_end, i, i, false);
				if (rc)
					return rc;
			}
			open = i;
			open_end = i + w;
		} else if (kind == 2 && open >= 0) {
			int rc = add_piece(c, (uint32_t)open, open_end, i, i, true);
			if (rc)
				return rc;
			open = -1;
		}
		i += w - 1;
	}
	if (open >= 0)
		return add_piece(c, (uint32_t)open, open_end, b, b, false);
	return DYAD_OK;
}

/* Sentence holding byte off (sentences are in text order), from hint on. */
static uint32_t sentence_at(const struct qctx *c, uint32_t off, uint32_t hint)
{
	uint32_t s = hint;
	while (s + 1 < c->nsent && c->sent[s + 1].off <= off)
		s++;
	return s;
}

static int find_pieces(struct qctx *c)
{
	for (size_t s = 0; s < c->nsent;) {
		size_t e = s;
		while (e + 1 < c->nsent && c->sent[e + 1].paragraph == c->sent[s].paragraph)
			e++;
		int rc = scan_paragraph(c, c->sent[s].off, c->sent[e].off + c->sent[e].len);
		if (rc)
			return rc;
		s = e + 1;
	}
	uint32_t h = 0;
	for (size_t k = 0; k < c->npc; k++) {
		struct piece *p = &c->pc[k];
		p->so = h = sentence_at(c, p->open, h);
		p->sc = sentence_at(c, p->close > p->off ? p->close - 1 : p->close, h);
	}
	return DYAD_OK;
}

/* ---- Quotes -------------------------------------------------------------- */

static struct dyad_quote *new_quote(struct qctx *c, uint32_t off, uint32_t end, uint32_t sent,
				    bool direct)
{
	struct dyad_quotes *o = c->out;
	if (o->n == o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 16;
		void *q = realloc(o->q, cap * sizeof *o->q);
		if (!q)
			return NULL;
		o->q = q;
		o->cap = cap;
	}
	struct dyad_quote *q = &o->q[o->n++];
	memset(q, 0, sizeof *q);
	q->off = off;
	q->len = end - off;
	q->sentence = sent;
	q->direct = direct;
	q->person = -1;
	return q;
}

static int person_speaker(struct qctx *c, struct dyad_quote *q, int32_t k);

/* The actor code of a speaker that is no person ("the Pentagon", "the
 * Pakistani foreign ministry", "the State Department in its report"), read
 * from words [ns, ne) as the coder reads an actor: the dictionary's actor
 * (its code valid at the article's date), a bare country completed by an
 * agent word after it ("Pakistani" + "ministry": PAKGOV). */
static void institution_actor(struct qctx *c, size_t ns, size_t ne, struct dyad_quote *q)
{
	const struct dyad_dict *d = c->people ? c->people->dict : NULL;
	if (!d)
		return;
	char buf[8][96];
	const char *ptr[8];
	size_t n = 0;
	for (size_t i = ns; i < ne && n < 8; i++, n++) {
		const char *w = tp(c, i);
		size_t len = tl(c, i);
		/* "Pakistan's Foreign Office": the country, not the FO */
		if (len > 2 && w[len - 2] == '\'' && (w[len - 1] == 's' || w[len - 1] == 'S'))
			len -= 2;
		else if (len > 4 && !memcmp(w + len - 4, "\xe2\x80\x99", 3) &&
			 (w[len - 1] == 's' || w[len - 1] == 'S'))
			len -= 4;
		if (len > 23)
			len = 23; /* 4 bytes out per byte in: 96 is enough */
		dyad_dict_fold(w, len, buf[n], sizeof buf[n]);
		ptr[n] = buf[n];
	}
	struct dyad_dict_match m;
	for (size_t i = 0; i < n; i++) {
		if (!dyad_dict_actor_match(d, ptr, n, i, c->people->date, &m) || !m.code ||
		    !strcmp(m.code, "---") || strlen(m.code) >= sizeof q->actor)
			continue;
		snprintf(q->actor, sizeof q->actor, "%s", m.code);
		if (strlen(m.code) != 3)
			return;
		/* the role from an agent word, or from another country's
		 * institution ("Pakistan's Foreign Office": PAK + GOV) */
		for (size_t k = i + m.len; k < n; k++) {
			const char *role = NULL;
			if (dyad_dict_agent_match(d, ptr, n, k, &m) && m.code && strlen(m.code) == 3)
				role = m.code;
			else if (dyad_dict_actor_match(d, ptr, n, k, c->people->date, &m) && m.code &&
				 strlen(m.code) == 6)
				role = m.code + 3;
			if (role) {
				memcpy(q->actor + 3, role, 4);
				return;
			}
		}
		return;
	}
}

/* Give quote q the speaker of tokens [ns, ne) and verb [v, vend). */
static int set_speaker(struct qctx *c, struct dyad_quote *q, uint32_t ns, uint32_t ne, uint32_t v,
		       uint32_t vend)
{
	if (vend > v) {
		uint32_t off = c->tok[v].off, len = tend(c, vend - 1) - off;
		if (len >= sizeof q->verb)
			len = sizeof q->verb - 1;
		memcpy(q->verb, c->text + off, len);
		q->verb[len] = '\0';
	}
	if (ne <= ns)
		return DYAD_OK;
	q->spk_off = c->tok[ns].off;
	q->spk_len = tend(c, ne - 1) - q->spk_off;
	/* the head word names the speaker: "his office" is not him, nor is
	 * "Trudeau's office" Trudeau */
	q->person = dyad_people_at(c->people, c->tok[ne - 1].off);
	for (uint32_t i = ns; i < ne && q->person >= 0; i++)
		if (tok_is(c, i, "and"))
			q->person = -1; /* "Tore Sohlberg and Lehla Abreder": both */
	if (q->person >= 0)
		return person_speaker(c, q, q->person);
	bool pron = ne - ns == 1 && is_pronoun(c, ns);
	/* "it said": the latest institution; "they said": the latest speaker
	 * named by several words joined with "and" ("Sohlberg and Abreder") */
	int32_t from = -1;
	if (pron && (tok_is(c, ns, "it") || tok_is(c, ns, "they")))
		from = c->last_inst_q;
	if (pron && tok_is(c, ns, "they") && c->last_q >= 0) {
		const struct dyad_quote *l = &c->out->q[c->last_q];
		if (l->spk_len && memmem(c->text + l->spk_off, l->spk_len, " and ", 5))
			from = c->last_q;
	}
	if (from >= 0) {
		const struct dyad_quote *l = &c->out->q[from];
		if (l->speaker && !(q->speaker = dyad_strdup(l->speaker)))
			return DYAD_ENOMEM;
		memcpy(q->actor, l->actor, sizeof q->actor);
		return DYAD_OK;
	}
	if (pron)
		return DYAD_OK;
	if (!(q->speaker = dyad_strndup(c->text + q->spk_off, q->spk_len)))
		return DYAD_ENOMEM;
	institution_actor(c, ns, ne, q);
	return DYAD_OK;
}

static void note_speaker(struct qctx *c, size_t qi)
{
	const struct dyad_quote *q = &c->out->q[qi];
	if (!q->speaker)
		return;
	c->last_q = (int32_t)qi;
	c->last_para = c->sent[q->sentence].paragraph;
	if (q->person < 0)
		c->last_inst_q = (int32_t)qi;
}

/* Copy the speaker of quote from to quote to (floating quotations). */
static int copy_speaker(struct qctx *c, size_t to, size_t from)
{
	struct dyad_quote *q = &c->out->q[to];
	const struct dyad_quote *f = &c->out->q[from];
	q->person = f->person;
	if (f->speaker && !(q->speaker = dyad_strdup(f->speaker)))
		return DYAD_ENOMEM;
	if (f->role && !(q->role = dyad_strdup(f->role)))
		return DYAD_ENOMEM;
	memcpy(q->actor, f->actor, sizeof q->actor);
	return DYAD_OK;
}

/* A quotation of words [a, b) of the sentence (indirect, or holding a partial
 * direct quotation): trimmed of final punctuation; pieces inside it are
 * absorbed. */
static int add_span_quote(struct qctx *c, uint32_t s, size_t a, size_t b,
			  const struct attrib *at, bool *made)
{
	*made = false;
	while (b > a && (is_p(c, b - 1, '.') || is_p(c, b - 1, ',') || is_p(c, b - 1, ';') ||
			 is_p(c, b - 1, ':') || is_p(c, b - 1, '-') || tok_is(c, b - 1, "and") ||
			 tok_is(c, b - 1, "but")))
		b--;
	size_t words = 0;
	for (size_t i = a; i < b; i++)
		words += is_lower(c, i) || is_cap(c, i);
	if (words < 3)
		return DYAD_OK;
	uint32_t off = c->tok[a].off, end = tend(c, b - 1);
	bool direct = false;
	for (size_t k = piece_from(c, off > 0 ? off - 1 : 0); k < c->npc && c->pc[k].open < end; k++)
		if (c->pc[k].end <= end + 3) {
			c->pc[k].taken = true;
			direct = true;
		}
	if (a > 0 && is_qmark(c, a)) /* "...," she said: without its marks */
		off = tend(c, a);
	if (b > a + 1 && is_qmark(c, b - 1))
		end = c->tok[b - 1].off;
	if (end <= off)
		return DYAD_OK;
	struct dyad_quote *q = new_quote(c, off, end, s, direct);
	if (!q)
		return DYAD_ENOMEM;
	*made = true;
	int rc = set_speaker(c, q, at->ns, at->ne, at->v, at->vend);
	if (!rc)
		note_speaker(c, c->out->n - 1);
	return rc;
}

/* Piece p as a direct quotation of the speaker of x. */
static int piece_quote(struct qctx *c, struct piece *p, const struct attrib *x)
{
	struct dyad_quote *q = new_quote(c, p->off, p->end, p->so, true);
	if (!q)
		return DYAD_ENOMEM;
	p->taken = true;
	p->q = (int32_t)(c->out->n - 1);
	int rc = set_speaker(c, q, x->ns, x->ne, x->v, x->vend);
	if (!rc)
		note_speaker(c, c->out->n - 1);
	return rc;
}

/* Whether sentence s is a headline or a "READ MORE" link: alone in its
 * paragraph, without a full stop at its end. */
static bool headline(const struct qctx *c, uint32_t s, size_t s0, size_t s1)
{
	if (s1 <= s0)
		return true;
	uint32_t para = c->sent[s].paragraph;
	if ((s > 0 && c->sent[s - 1].paragraph == para) ||
	    (s + 1 < c->nsent && c->sent[s + 1].paragraph == para))
		return false;
	size_t e = s1 - 1;
	return !(is_p(c, e, '.') || is_p(c, e, '?') || is_p(c, e, '!') || is_qmark(c, e) ||
		 (tl(c, e) == 3 && (unsigned char)tp(c, e)[0] == 0xE2 &&
		  (unsigned char)tp(c, e)[2] == 0x99 /* ’ */));
}

/* Quotations of sentence s: pieces ending or starting there that an
 * attribution names, and indirect ones. */
static int read_sentence(struct qctx *c, uint32_t s)
{
	size_t s0 = c->stok[s], s1 = c->stok[s + 1];
	if (headline(c, s, s0, s1))
		return DYAD_OK;
	struct attrib at[8];
	size_t na = dyad_quote_attribs(c, s0, s1, at, DYAD_ARRAY_LEN(at));
	for (size_t k = 0; k < na; k++) {
		struct attrib *x = &at[k];
		size_t first = x->inverted || x->part ? x->v : x->ns; /* the speaker's clause */
		/* before: `"...," she said` or `..., Lonechild said.` */
		size_t b = first;
		while (b > s0 && (is_p(c, b - 1, ',') || is_p(c, b - 1, '-') ||
				  (tl(c, b - 1) == 3 && (unsigned char)tp(c, b - 1)[0] == 0xE2 &&
				   (unsigned char)tp(c, b - 1)[2] == 0x94)))
			b--;
		bool made = false;
		if (x->part)
			b = s0; /* its clause follows it */
		if (!(b > s0 && is_qmark(c, b - 1))) {
			/* `," then-Surrey mayoral candidate Doug McCallum responded` */
			size_t j = first;
			while (j > s0 && first - j < 8 && !is_qmark(c, j - 1) && !is_p(c, j - 1, '.') &&
			       !is_p(c, j - 1, ',') && !is_verb(c, j - 1) && !in_piece(c, j - 1))
				j--;
			if (j > s0 && is_qmark(c, j - 1) && x->ns != x->ne)
				b = j;
		}
		if (b > s0 && is_qmark(c, b - 1)) {
			/* pieces closing at that mark, and the text before them in
			 * the sentence when the quotation is only part of it */
			size_t pk = piece_from(c, c->tok[b - 1].off + 1);
			if (pk > 0 && c->pc[pk - 1].close == c->tok[b - 1].off && !c->pc[pk - 1].taken) {
				struct piece *p = &c->pc[pk - 1];
				size_t st = s0;
				while (st < s1 && c->tok[st].off < p->open)
					st++;
				size_t pre = 0;
				for (size_t i = s0; i < st; i++)
					pre += is_lower(c, i) || is_cap(c, i);
				if (p->so == s && pre >= 3 && !(k > 0 && at[k - 1].vend > s0 &&
								 at[k - 1].vend <= st)) {
					int rc = add_span_quote(c, s, s0, b, x, &made);
					if (rc)
						return rc;
				}
				if (!made) {
					int rc = piece_quote(c, p, x);
					if (rc)
						return rc;
					made = true;
				}
			}
		} else if (b > s0 && b < first && !in_piece(c, b - 1) &&
			   !(k > 0 && at[k - 1].vend <= b) && dyad_quote_clause_ends(c, s1, x)) {
			int rc = add_span_quote(c, s, s0, b, x, &made);
			if (rc)
				return rc;
		}
		if (made)
			continue;
		/* after: `Mendez said the government would...` or `He said: "..."` */
		size_t i;
		if (tok_is(c, x->v, "according")) {
			/* "According to Mendez, the deal..." */
			if (x->ns != s0 + 2 && !(x->v == s0))
				continue;
			i = x->ne;
			if (i < s1 && is_p(c, i, ','))
				i++;
		} else if (x->inverted && x->ns != x->ne) {
			continue;
		} else {
			uint32_t vend;
			i = dyad_quote_after_verb(c, s1, x->v, &vend);
			x->vend = vend;
		}
		if (i >= s1)
			continue;
		if (is_qmark(c, i)) {
			size_t pk = piece_from(c, c->tok[i].off);
			if (pk < c->npc && c->pc[pk].open == c->tok[i].off && !c->pc[pk].taken) {
				int rc = piece_quote(c, &c->pc[pk], x);
				if (rc)
					return rc;
			}
			continue;
		}
		if (!dyad_quote_clause_ok(c, x, i))
			continue;
		size_t e = s1;
		if (k + 1 < na && at[k + 1].ns > i && at[k + 1].ns != at[k + 1].ne) {
			/* the next speaker's clause ends this one */
			e = at[k + 1].ns;
			while (e > i && !is_p(c, e - 1, ',') && !tok_is(c, e - 1, "and"))
				e--;
			if (e <= i)
				e = at[k + 1].ns;
		} else if (k + 1 < na && at[k + 1].part) {
			e = at[k + 1].v;
		}
		int rc = add_span_quote(c, s, i, e, x, &made);
		if (rc)
			return rc;
	}
	return DYAD_OK;
}

static int cmp_quote(const void *a, const void *b)
{
	const struct dyad_quote *x = a, *y = b;
	return (x->off > y->off) - (x->off < y->off);
}

/* The person first named in the sentence before piece p (in the same or
 * the previous paragraph), when named after byte after; else -1. */
static int32_t subject_before(const struct qctx *c, const struct piece *p, uint32_t after)
{
	const struct dyad_people *pe = c->people;
	if (!pe || !pe->nm)
		return -1;
	/* "Martell, the addictions doctor, is more blunt: \"...": the
	 * sentence the quotation opens in, else the one before */
	uint32_t s = p->so;
	uint32_t a = c->sent[s].off, b = p->open;
	if (b <= a + 2) {
		if (p->so == 0)
			return -1;
		s = p->so - 1;
		if (c->sent[s].paragraph + 1 < c->sent[p->so].paragraph)
			return -1;
		a = c->sent[s].off;
		b = a + c->sent[s].len;
	}
	size_t lo = dyad_people_mention_from(pe, a);
	if (lo >= pe->nm || pe->m[lo].off >= b || pe->m[lo].off < after)
		return -1;
	return (int32_t)pe->m[lo].person;
}

/* Give quote q person k of the article as its speaker. */
static int person_speaker(struct qctx *c, struct dyad_quote *q, int32_t k)
{
	const struct dyad_person *p = &c->people->p[k];
	q->person = k;
	if (!(q->speaker = dyad_strdup(p->name)))
		return DYAD_ENOMEM;
	const char *role = p->role ? p->role : p->title;
	if (role && !(q->role = dyad_strdup(role)))
		return DYAD_ENOMEM;
	memcpy(q->actor, p->actor, sizeof q->actor);
	return DYAD_OK;
}

/* Pieces no attribution named: a quotation of the latest speaker when it
 * holds a sentence, else (a scare-quoted word or title) nothing. */
static int floating(struct qctx *c)
{
	/* quotes are made in sentence order: the latest speaker before a piece
	 * is the one of the quote made before it in text order */
	if (c->out->n)
		qsort(c->out->q, c->out->n, sizeof *c->out->q, cmp_quote);
	size_t nq = c->out->n, j = 0;
	int32_t last = -1;
	for (size_t k = 0; k < c->npc; k++) {
		struct piece *p = &c->pc[k];
		while (j < nq && c->out->q[j].off <= p->off) {
			if (c->out->q[j].speaker)
				last = (int32_t)j;
			j++;
		}
		if (p->taken)
			continue;
		size_t words = 0;
		bool stop = false;
		for (uint32_t i = p->off; i < p->end; i++) {
			char ch = c->text[i];
			words += ch == ' ';
			stop |= ch == '.' || ch == '?' || ch == '!' || ch == ',';
		}
		if (words < 3 || !stop)
			continue;
		struct dyad_quote *q = new_quote(c, p->off, p->end, p->so, true);
		if (!q)
			return DYAD_ENOMEM;
		p->taken = true;
		/* a person introduced after the latest speaker, as the subject of
		 * the sentence before, is more likely the one quoted */
		uint32_t after = last >= 0 ? c->out->q[last].off + c->out->q[last].len : 0;
		int32_t subj = subject_before(c, p, after);
		int rc = DYAD_OK;
		if (subj >= 0)
			rc = person_speaker(c, q, subj);
		else if (last >= 0 &&
			 c->sent[c->out->q[last].sentence].paragraph + 3 >= c->sent[p->so].paragraph)
			rc = copy_speaker(c, c->out->n - 1, (size_t)last);
		if (rc)
			return rc;
	}
	if (c->out->n)
		qsort(c->out->q, c->out->n, sizeof *c->out->q, cmp_quote);
	return DYAD_OK;
}

int dyad_quotes_find(const char *text, const struct dyad_sentence *sent, size_t nsent,
		     const struct dyad_people *people, struct dyad_quotes *out, struct dyad_err *err)
{
	memset(out, 0, sizeof *out);
	struct qctx c = {.text = text, .sent = sent, .nsent = nsent, .people = people,
			 .out = out, .last_q = -1, .last_inst_q = -1};
	struct dyad_span *own = NULL;
	uint32_t *ownst = NULL;
	uint8_t *ownmask = NULL;
	int rc = DYAD_OK;
	if (people && people->stok && people->nsent == nsent) {
		c.tok = people->tok;
		c.ntok = people->ntok;
		c.stok = people->stok;
		c.tmask = people->tmask;
	} else {
		size_t nt;
		rc = dyad_tokens(text, strlen(text), &own, &nt);
		if (rc)
			return dyad_error(err, rc, "quotes: cannot cut the text into tokens");
		ownst = malloc((nsent + 1) * sizeof *ownst);
		ownmask = malloc(nt ? nt : 1);
		if (!ownst || !ownmask) {
			free(own);
			free(ownst);
			free(ownmask);
			return dyad_error(err, DYAD_ENOMEM, "quotes: out of memory");
		}
		for (size_t i = 0; i < nt; i++)
			ownmask[i] = dyad_people_word_mask(text + own[i].off, own[i].len);
		size_t t = 0;
		for (size_t s = 0; s < nsent; s++) {
			while (t < nt && own[t].off < sent[s].off)
				t++;
			ownst[s] = (uint32_t)t;
			while (t < nt && own[t].off < sent[s].off + sent[s].len)
				t++;
		}
		ownst[nsent] = (uint32_t)t;
		c.tok = own;
		c.ntok = nt;
		c.stok = ownst;
		c.tmask = ownmask;
	}
	rc = find_pieces(&c);
	for (uint32_t s = 0; s < nsent && !rc; s++)
		rc = read_sentence(&c, s);
	if (!rc)
		rc = floating(&c);
	free(c.pc);
	free(own);
	free(ownst);
	free(ownmask);
	if (rc)
		return dyad_error(err, rc, "quotes: out of memory");
	return DYAD_OK;
}

void dyad_quotes_release(struct dyad_quotes *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->n; i++) {
		free(q->q[i].speaker);
		free(q->q[i].role);
	}
	free(q->q);
	memset(q, 0, sizeof *q);
}

