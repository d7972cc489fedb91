/* Verb patterns for the coder: each TABARI / PETRARCH-2 pattern is flattened
 * once (alternatives expanded, brackets dropped) into the elements before
 * and after the verb, then matched outward from the verb with gaps where
 * the dictionary wrote a space and none where it wrote '_'. */
#include <stdlib.h>
#include <string.h>

#include "coder_int.h"

#define MAX_COMBOS 32   /* alternatives expanded per pattern at most */
#define MAX_FLAT 64     /* elements of one flattened pattern */
#define MAX_GAP 12      /* words skipped between two pattern elements */
#define MAX_STEPS 4000  /* matcher steps per pattern (backtracking bound) */

int dyad_coder_wordeq(const char *w, const char *pw, uint32_t plen, int stem)
{
	if (w[0] != pw[0] || strncmp(w, pw, plen) != 0)
		return 0;
	return stem || w[plen] == '\0';
}

/* A flat element before the pre/post split, with its "joined to next". */
struct fel {
	struct pel e;
	uint8_t jn, verb;
};

static int push_el(struct dyad_coder *c, const struct pel *e)
{
	if (c->nels == c->cap_els) {
		size_t cap = c->cap_els ? c->cap_els * 2 : 4096;
		struct pel *n = realloc(c->els, cap * sizeof *n);
		if (!n)
			return -1;
		c->els = n;
		c->cap_els = cap;
	}
	c->els[c->nels++] = *e;
	return 0;
}

/* Flatten tokens t[0..n) choosing alternative (combo / radix) of each group. */
static size_t flatten(const struct dyad_dict_tok *t, uint32_t n, unsigned combo, struct fel *out,
		      size_t cap, unsigned *ncombos)
{
	size_t k = 0;
	unsigned radix = 1;
	for (uint32_t i = 0; i < n && k < cap; i++) {
		const struct dyad_dict_tok *x = &t[i];
		if (x->kind == DYAD_TK_ALT_OPEN) {
			/* count alternatives at this depth, pick one */
			uint32_t j = i + 1, depth = 0, nalt = 1;
			for (; j < n; j++) {
				if (t[j].kind == DYAD_TK_ALT_OPEN)
					depth++;
				else if (t[j].kind == DYAD_TK_ALT_CLOSE) {
					if (!depth)
						break;
					depth--;
				} else if (t[j].kind == DYAD_TK_ALT_SEP && !depth)
					nalt++;
			}
			unsigned pick = (combo / radix) % nalt;
			radix *= nalt;
			uint32_t a = i + 1, alt = 0;
			depth = 0;
			for (uint32_t q = i + 1; q <= j && q < n; q++) {
				int end = q == j || (t[q].kind == DYAD_TK_ALT_SEP && !depth);
				if (t[q].kind == DYAD_TK_ALT_OPEN)
					depth++;
				else if (t[q].kind == DYAD_TK_ALT_CLOSE && q != j)
					depth--;
				if (!end)
					continue;
				if (alt == pick) {
					unsigned sub = 0;
					k += flatten(t + a, q - a, 0, out + k, cap - k, &sub);
				}
				alt++;
				a = q + 1;
			}
			if (j < n && (t[j].flags & DYAD_TF_JOINED) && k)
				out[k - 1].jn = 1;
			i = j;
			continue;
		}
		struct fel f = {{0}, (uint8_t)((x->flags & DYAD_TF_JOINED) != 0), 0};
		switch (x->kind) {
		case DYAD_TK_WORD:
			f.e.kind = PEL_WORD;
			f.e.w = x->str;
			f.e.len = x->len;
			f.e.stem = (x->flags & DYAD_TF_STEM) != 0;
			if (f.e.len > 1 && f.e.w[f.e.len - 1] == '~') {
				f.e.len--; /* TABARI "NEAT~_PLACE": NEAT, NEATEST... */
				f.e.stem = 1;
			}
			break;
		case DYAD_TK_SYNSET:
			if (x->syn < 0)
				continue;
			f.e.kind = PEL_SYN;
			f.e.syn = x->syn;
			break;
		case DYAD_TK_VERB: f.verb = 1; break;
		case DYAD_TK_SOURCE: f.e.kind = PEL_SOURCE; break;
		case DYAD_TK_TARGET: f.e.kind = PEL_TARGET; break;
		case DYAD_TK_COMPOUND: f.e.kind = PEL_COMPOUND; break;
		case DYAD_TK_SKIP: f.e.kind = PEL_SKIP; break;
		default: continue; /* PETRARCH-2 phrase brackets: transparent */
		}
		out[k++] = f;
	}
	*ncombos = radix;
	return k;
}

static int compile_one(struct dyad_coder *c, const struct dyad_dict_pattern *p)
{
	struct fel f[MAX_FLAT + 1];
	unsigned ncombos = 1;
	for (unsigned combo = 0; combo < ncombos && combo < MAX_COMBOS; combo++) {
		size_t n = flatten(p->ph.tok, p->ph.n, combo, f, MAX_FLAT, &ncombos);
		size_t v = n;
		for (size_t i = 0; i < n; i++)
			if (f[i].verb) {
				v = i;
				break;
			}
		if (v == n)
			return 0;
		struct cpat cp = {(uint32_t)c->nels, (uint16_t)v, (uint16_t)(n - v - 1), 0, 0, p};
		for (size_t i = v; i-- > 0;) {
			struct pel e = f[i].e;
			e.tight = f[i].jn;
			if (push_el(c, &e))
				return -1;
			cp.weight += e.kind == PEL_WORD ? 3 : e.kind == PEL_SYN ? 2 : 1;
			if (e.kind == PEL_WORD && (!e.stem || e.len >= 3))
				cp.mask |= dyad_coder_wbit(e.w, e.len);
		}
		for (size_t i = v + 1; i < n; i++) {
			struct pel e = f[i].e;
			e.tight = f[i - 1].jn;
			if (push_el(c, &e))
				return -1;
			cp.weight += e.kind == PEL_WORD ? 3 : e.kind == PEL_SYN ? 2 : 1;
			if (e.kind == PEL_WORD && (!e.stem || e.len >= 3))
				cp.mask |= dyad_coder_wbit(e.w, e.len);
		}
		if (c->ncp % 1024 == 0) {
			struct cpat *nc = realloc(c->cp, (c->ncp + 1024) * sizeof *nc);
			if (!nc)
				return -1;
			c->cp = nc;
		}
		c->cp[c->ncp++] = cp;
	}
	return 0;
}

/* Mark a phrase's end word (first or last) in bitmap m, all when it is not
 * a plain word. */
static void end_bits(const struct dyad_dict_phrase *ph, int last, uint64_t *m)
{
	const struct dyad_dict_tok *t = ph->n ? &ph->tok[last ? ph->n - 1 : 0] : NULL;
	if (!t || t->kind != DYAD_TK_WORD || ((t->flags & DYAD_TF_STEM) && t->len < 3)) {
		memset(m, 0xff, DYAD_SYN_WORDS * sizeof *m);
		return;
	}
	uint16_t h = dyad_coder_whash(t->str, t->len);
	m[h >> 6] |= (uint64_t)1 << (h & 63);
}

int dyad_coder_compile(struct dyad_coder *c)
{
	const struct dyad_dict *d = c->d;
	size_t ns = d->synsets.n;
	c->synmask = calloc((ns + 1) * DYAD_SYN_WORDS, sizeof *c->synmask);
	c->synmask_last = calloc((ns + 1) * DYAD_SYN_WORDS, sizeof *c->synmask_last);
	if (!c->synmask || !c->synmask_last)
		return DYAD_ENOMEM;
	const struct dyad_dict_synset *sy = d->synsets.a;
	const struct dyad_dict_phrase *sp = d->synphr.a;
	for (size_t i = 0; i < ns; i++)
		for (uint32_t k = 0; k < sy[i].nph; k++) {
			end_bits(&sp[sy[i].ph0 + k], 0, c->synmask + i * DYAD_SYN_WORDS);
			end_bits(&sp[sy[i].ph0 + k], 1, c->synmask_last + i * DYAD_SYN_WORDS);
		}
	size_t nb = d->blocks.n;
	c->bcp0 = calloc(nb + 1, sizeof *c->bcp0);
	c->bncp = calloc(nb + 1, sizeof *c->bncp);
	if (!c->bcp0 || !c->bncp)
		return DYAD_ENOMEM;
	const struct dyad_dict_block *bl = d->blocks.a;
	const struct dyad_dict_pattern *pa = d->patterns.a;
	for (size_t b = 0; b < nb; b++) {
		c->bcp0[b] = (uint32_t)c->ncp;
		for (uint32_t i = 0; i < bl[b].npat; i++)
			if (compile_one(c, &pa[bl[b].pat0 + i]))
				return DYAD_ENOMEM;
		c->bncp[b] = (uint32_t)(c->ncp - c->bcp0[b]);
	}
	return DYAD_OK;
}

/* Longest phrase of synset syn at word q walking in dir; -1 when none.
 * Words written with a space may have one word between them ("AUSTRIAN
 * FLORIN" in "austrian gold florin"); '$' and '+' inside take an actor. */
static int syn_len(const struct dyad_coder *c, int32_t syn, long q, int dir, int depth,
		   struct pmatch *pm)
{
	const struct dyad_dict *d = c->d;
	if (depth > 3 || syn < 0 || (size_t)syn >= d->synsets.n)
		return -1;
	if (q < 0 || (size_t)q >= c->nw)
		return -1;
	const uint64_t *need = (dir > 0 ? c->synmask : c->synmask_last) + (size_t)syn * DYAD_SYN_WORDS;
	if (!(need[c->wh[q] >> 6] >> (c->wh[q] & 63) & 1))
		return -1;
	const struct dyad_dict_synset *s = (const struct dyad_dict_synset *)d->synsets.a + syn;
	const struct dyad_dict_phrase *ph = (const struct dyad_dict_phrase *)d->synphr.a + s->ph0;
	int best = -1;
	struct pmatch keep = *pm;
	for (uint32_t k = 0; k < s->nph; k++) {
		long pos = q;
		int ok = 1;
		struct pmatch t = keep;
		for (uint32_t j = 0; j < ph[k].n && ok; j++) {
			uint32_t ti = dir > 0 ? j : ph[k].n - 1 - j;
			const struct dyad_dict_tok *tk = &ph[k].tok[ti];
			/* the token before this one in walking order joined to it? */
			int tight = j == 0 || (dir > 0 ? (ph[k].tok[ti - 1].flags & DYAD_TF_JOINED)
						     : (tk->flags & DYAD_TF_JOINED));
			if (pos < 0 || (size_t)pos >= c->nw) {
				ok = 0;
			} else if (tk->kind == DYAD_TK_WORD) {
				int stem = (tk->flags & DYAD_TF_STEM) != 0;
				ok = dyad_coder_wordeq(c->w[pos], tk->str, tk->len, stem);
				if (!ok && !tight && pos + dir >= 0 && (size_t)(pos + dir) < c->nw &&
				    dyad_coder_wordeq(c->w[pos + dir], tk->str, tk->len, stem)) {
					ok = 1;
					pos += dir;
				}
				pos += dir;
			} else if (tk->kind == DYAD_TK_SYNSET) {
				int l = syn_len(c, tk->syn, pos, dir, depth + 1, &t);
				ok = l > 0;
				pos += dir * l;
			} else if (tk->kind >= DYAD_TK_SOURCE && tk->kind <= DYAD_TK_COMPOUND) {
				int32_t mi = c->wm[pos];
				ok = mi >= 0;
				if (ok) {
					int gi = (int)c->m[mi].group;
					const struct group *g = &c->g[gi];
					pos = dir > 0 ? (long)g->end : (long)g->start - 1;
					if (tk->kind == DYAD_TK_SOURCE)
						t.source = gi;
					else if (tk->kind == DYAD_TK_TARGET)
						t.target = gi;
					else
						t.compound = gi;
				}
			} else {
				ok = 0;
			}
		}
		if (ok && (pos - q) * dir > best) {
			best = (int)((pos - q) * dir);
			*pm = t;
		}
	}
	return best;
}

/* The group a marker takes at or beyond pos in dir, -1 when none. */
static int group_at(const struct dyad_coder *c, long pos, int dir, int tight)
{
	long lim = tight ? 1 : MAX_GAP;
	for (long k = 0; k < lim; k++, pos += dir) {
		if (pos < 0 || (size_t)pos >= c->nw)
			return -1;
		if (c->wm[pos] >= 0)
			return (int)c->m[c->wm[pos]].group;
	}
	return -1;
}

static int match_els(struct dyad_coder *c, const struct pel *e, size_t n, size_t k, long pos,
		     int dir, struct pmatch *pm, int *steps)
{
	if (k == n) {
		if (dir > 0)
			pm->end = (uint32_t)pos;
		return 1;
	}
	if (++*steps > MAX_STEPS)
		return 0;
	const struct pel *x = &e[k];
	long lim = x->tight ? 1 : MAX_GAP;
	switch (x->kind) {
	case PEL_WORD:
	case PEL_SYN:
		for (long j = 0; j < lim; j++) {
			long q = pos + dir * j;
			if (q < 0 || (size_t)q >= c->nw)
				return 0;
			if (x->kind == PEL_WORD) {
				if (dyad_coder_wordeq(c->w[q], x->w, x->len, x->stem) &&
				    match_els(c, e, n, k + 1, q + dir, dir, pm, steps))
					return 1;
			} else {
				struct pmatch save = *pm;
				int l = syn_len(c, x->syn, q, dir, 0, pm);
				if (l > 0 && match_els(c, e, n, k + 1, q + dir * l, dir, pm, steps))
					return 1;
				*pm = save;
			}
		}
		return 0;
	case PEL_SKIP:
		/* a noun phrase: through the next actor when one is near
		 * ("at the Gondor of..."), else one to four words */
		for (long j = 0; j < 6; j++) {
			long q = pos + dir * j;
			if (q < 0 || (size_t)q >= c->nw)
				break;
			if (c->wm[q] >= 0) {
				const struct group *g = &c->g[c->m[c->wm[q]].group];
				long next = dir > 0 ? (long)g->end : (long)g->start - 1;
				if (match_els(c, e, n, k + 1, next, dir, pm, steps))
					return 1;
				break;
			}
		}
		for (long j = 1; j <= 4; j++) {
			long q = pos + dir * j;
			if (q < -1 || q > (long)c->nw)
				return 0;
			if (match_els(c, e, n, k + 1, q, dir, pm, steps))
				return 1;
		}
		return 0;
	default: {
		int g = group_at(c, pos, dir, x->tight);
		if (g < 0 || (x->kind == PEL_COMPOUND && c->dyad && c->g[g].nm < 2))
			return 0; /* dyad: a compound is two actors or more */
		struct pmatch save = *pm;
		if (x->kind == PEL_SOURCE)
			pm->source = g;
		else if (x->kind == PEL_TARGET)
			pm->target = g;
		else
			pm->compound = g;
		long next = dir > 0 ? (long)c->g[g].end : (long)c->g[g].start - 1;
		if (match_els(c, e, n, k + 1, next, dir, pm, steps))
			return 1;
		*pm = save;
		return 0;
	}
	}
}

const struct cpat *dyad_coder_best(struct dyad_coder *c, uint32_t block, size_t vs, size_t ve,
				   struct pmatch *pm)
{
	const struct cpat *best = NULL;
	if (!c->bcp0 || !c->cp || block >= c->d->blocks.n)
		return NULL;  /* no patterns at all: c->cp is NULL */
	const struct cpat *cp = c->cp + c->bcp0[block];
	for (uint32_t i = 0; i < c->bncp[block]; i++) {
		if ((best && cp[i].weight <= best->weight) || (cp[i].mask & ~c->smask))
			continue;
		struct pmatch t = {-1, -1, -1, (uint32_t)ve};
		int steps = 0;
		const struct pel *e = c->els + cp[i].el0;
		if (!match_els(c, e, cp[i].npre, 0, (long)vs - 1, -1, &t, &steps))
			continue;
		if (!match_els(c, e + cp[i].npre, cp[i].npost, 0, (long)ve, 1, &t, &steps))
			continue;
		best = &cp[i];
		*pm = t;
	}
	return best;
}
