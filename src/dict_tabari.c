/* Reader of TABARI dictionaries: the .project file naming the others, the
 * .options commands and the .verbs file (synsets, <TIME>, roots with their
 * irregular forms and patterns). Actors and agents are read in dict.c. */
#include "dict.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool sp(char c)
{
	return c == ' ' || c == '\t';
}

/* The files a project names, loaded after the project is read. */
struct proj_file {
	char *path;                 /* malloc()ed */
	enum dyad_dict_file kind;
};

int dyad_dict_tabari_project(struct dyad_dict *d, const char *path)
{
	static const struct {
		const char *tag;
		enum dyad_dict_file kind;
	} tags[] = {
		{ "<optionsfile>", DYAD_DF_TABARI_OPTIONS },
		{ "<verbsfile>", DYAD_DF_TABARI_VERBS },
		{ "<actorsfile>", DYAD_DF_TABARI_ACTORS },
		{ "<agentsfile>", DYAD_DF_TABARI_AGENTS },
	};
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	struct proj_file files[64];
	size_t nf = 0;
	struct dyad_dict_line ln;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		if (ln.no == 1 && ln.s[0] != '<')
			continue;  /* the title line */
		if (ln.s[0] != '<') {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN, "not a <tag> line: ignored");
			continue;
		}
		const char *gt = memchr(ln.s, '>', ln.len);
		if (!gt) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "'<' without '>': line skipped");
			continue;
		}
		size_t tl = (size_t)(gt - ln.s) + 1;
		const char *v = gt + 1;
		size_t vl = ln.len - tl;
		while (vl && sp(*v))
			v++, vl--;
		size_t k = 0;
		while (k < DYAD_ARRAY_LEN(tags) && !(strlen(tags[k].tag) == tl &&
						     !strncasecmp(tags[k].tag, ln.s, tl)))
			k++;
		if (k == DYAD_ARRAY_LEN(tags)) {
			/* <textfile>, <eventfile>, <coder>, <session ...>: the coder's business */
			if (strncasecmp(ln.s, "<session", 8) != 0) {
				struct dyad_dict_option *o = dyad_vec_push(&d->options, sizeof(*o));
				if (!o) {
					d->oom = 1;
					break;
				}
				o->key = dyad_dict_strdup(d, ln.s, tl);
				o->value = dyad_dict_strdup(d, v, vl);
			}
			continue;
		}
		if (vl == 0) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "%.*s names no file", (int)tl, ln.s);
			continue;
		}
		if (nf == DYAD_ARRAY_LEN(files)) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "too many files: line skipped");
			continue;
		}
		files[nf].path = dyad_dict_relpath(path, v, vl);
		files[nf].kind = tags[k].kind;
		if (files[nf].path)
			nf++;
		else
			d->oom = 1;
	}
	dyad_dict_reader_close(&r);
	/* Options first, then verbs (they define synsets), then actors and agents. */
	for (size_t k = 0; k < DYAD_ARRAY_LEN(tags); k++)
		for (size_t i = 0; i < nf && !d->oom; i++) {
			if (files[i].kind != tags[k].kind)
				continue;
			switch (files[i].kind) {
			case DYAD_DF_TABARI_OPTIONS: dyad_dict_tabari_options(d, files[i].path); break;
			case DYAD_DF_TABARI_VERBS: dyad_dict_tabari_verbs(d, files[i].path); break;
			case DYAD_DF_TABARI_ACTORS:
				dyad_dict_read_actors(d, files[i].path, DYAD_SYN_TABARI);
				break;
			default: dyad_dict_read_agents(d, files[i].path, DYAD_SYN_TABARI); break;
			}
		}
	for (size_t i = 0; i < nf; i++)
		free(files[i].path);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

int dyad_dict_tabari_options(struct dyad_dict *d, const char *path)
{
	static const char *const known[] = { "COMPLEX", "SET", "OUTPUT", "LABEL", "FORWARD",
					     "DELETE", "SKIP", "CONVERT", "ISSUES", "COMMA",
					     "DEFAULT" };
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	r.slash_comments = 1;
	struct dyad_dict_line ln;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		if (ln.len >= 2 && ln.s[0] == '~' && ln.s[1] == '~')
			break;  /* "~~~~~" ends the file */
		const char *c = memchr(ln.s, ':', ln.len);
		if (!c) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "not a 'COMMAND: ...' line: skipped");
			continue;
		}
		size_t kl = (size_t)(c - ln.s);
		while (kl && sp(ln.s[kl - 1]))
			kl--;
		bool ok = false;
		for (size_t k = 0; k < DYAD_ARRAY_LEN(known) && !ok; k++)
			ok = strlen(known[k]) == kl && !strncasecmp(known[k], ln.s, kl);
		if (!ok)
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN, "unknown command '%.*s' kept",
				       (int)kl, ln.s);
		const char *v = c + 1;
		size_t vl = ln.len - (size_t)(v - ln.s);
		while (vl && sp(*v))
			v++, vl--;
		struct dyad_dict_option *o = dyad_vec_push(&d->options, sizeof(*o));
		if (!o) {
			d->oom = 1;
			break;
		}
		o->key = dyad_dict_strup(d, ln.s, kl);
		o->value = dyad_dict_strdup(d, v, vl);
	}
	dyad_dict_reader_close(&r);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* Add the words of "{ FORM FORM }" s[0..n) as forms of block b. */
static void irregular_forms(struct dyad_dict *d, int32_t b, const char *s, size_t n, uint16_t file,
			    uint32_t line)
{
	const char *o = memchr(s, '{', n), *c = o ? memchr(o, '}', n - (size_t)(o - s)) : NULL;
	if (!o || !c) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "irregular forms: mismatched '{' '}'");
		return;
	}
	if (b < 0) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "irregular forms before any verb skipped");
		return;
	}
	for (const char *p = o + 1; p < c;) {
		while (p < c && sp(*p))
			p++;
		const char *q = p;
		while (q < c && !sp(*q))
			q++;
		if (q > p) {
			struct dyad_dict_phrase ph;
			const char *why;
			if (dyad_dict_parse_phrase(d, p, (size_t)(q - p), DYAD_SYN_TABARI, 0, &ph, &why) == 0)
				dyad_dict_add_verb(d, (uint32_t)b, NULL, 0, &ph, 0, file, line);
		}
		p = q;
	}
}

int dyad_dict_tabari_verbs(struct dyad_dict *d, const char *path)
{
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	r.semi_comments = 1;
	struct dyad_dict_line ln;
	int32_t block = -1, syn = -1;
	enum { S_NONE, S_SYNSETS, S_TIME, S_NOUN, S_ADJ } sec = S_NONE;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		const char *s = ln.s;
		size_t n = ln.len;
		if (n >= 2 && s[0] == '~' && s[1] == '~')
			break;
		if (s[0] == '<') {
			static const struct {
				const char *tag;
				int sec;
			} t[] = { { "<SYNSETS>", S_SYNSETS }, { "</SYNSETS>", S_NONE },
				  { "<TIME>", S_TIME },       { "</TIME>", S_NONE },
				  { "<NOUN>", S_NOUN },       { "</NOUN>", S_NONE },
				  { "<ADJECTIVE>", S_ADJ },   { "</ADJECTIVE>", S_NONE } };
			size_t k = 0;
			while (k < DYAD_ARRAY_LEN(t) && strncasecmp(s, t[k].tag, strlen(t[k].tag)))
				k++;
			if (k == DYAD_ARRAY_LEN(t)) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "unknown section '%.*s' skipped",
					       (int)(n > 40 ? 40 : n), s);
				continue;
			}
			sec = t[k].sec;
			syn = -1;
			block = -1;
			if (sec == S_TIME)
				block = dyad_dict_block_new(d, "<TIME>", 6, "---", 3);
			continue;
		}
		if (s[0] == '&') {
			size_t k = 1;
			while (k < n && !sp(s[k]))
				k++;
			syn = dyad_dict_synset(d, s + 1, k - 1, 1);
			if (syn < 0 && !d->oom)
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "bad synset name: skipped");
			continue;
		}
		if (s[0] == '+') {
			struct dyad_dict_phrase ph;
			const char *why = NULL;
			if (syn < 0)
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "'+' line outside a synset skipped");
			else if (dyad_dict_parse_phrase(d, s + 1, n - 1, DYAD_SYN_TABARI, 1, &ph, &why) < 0)
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "synset phrase skipped: %s", why);
			else if (dyad_dict_synset_add(d, syn, &ph) != DYAD_OK)
				d->oom = 1;
			continue;
		}
		syn = -1;
		if (s[0] == '-') {
			dyad_dict_add_pattern(d, block, s + 1, n - 1, DYAD_SYN_TABARI, r.file, ln.no);
			continue;
		}
		if (s[0] == '{') {
			irregular_forms(d, block, s, n, r.file, ln.no);
			continue;
		}
		size_t open, cb, ce;
		int has_code = dyad_dict_find_code(s, n, &open, &cb, &ce);
		const char *brace = memchr(s, '{', n);
		size_t wl = has_code ? open : n;
		if (brace && (size_t)(brace - s) < wl)
			wl = (size_t)(brace - s);
		while (wl && sp(s[wl - 1]))
			wl--;
		if (memchr(s, ']', n) && !has_code) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "line skipped: mismatched '[' ']'");
			continue;
		}
		if (sec == S_NOUN || sec == S_ADJ || sec == S_TIME) {
			struct dyad_dict_phrase ph;
			const char *why = NULL;
			if (dyad_dict_parse_phrase(d, s, wl, DYAD_SYN_TABARI, 0, &ph, &why) < 0) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "phrase skipped: %s", why);
				continue;
			}
			uint32_t id = 0;
			if (sec == S_TIME) {
				const char **c = dyad_vec_push(&d->times, sizeof(*c));
				if (!c) {
					d->oom = 1;
					break;
				}
				*c = has_code ? dyad_dict_strdup(d, s + cb, ce - cb) : "---";
				id = (uint32_t)(d->times.n - 1);
			}
			dyad_dict_add_entry(d, sec == S_TIME ? DYAD_DK_TIME : sec == S_NOUN ? DYAD_DK_NOUN : DYAD_DK_ADJ,
					    &ph, 0, id, r.file, ln.no);
			continue;
		}
		/* A root: "ABANDON [---]", "ACT_ [100]", "APPRECIATE POSITION [042]". */
		if (wl == 0) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "line skipped: no verb");
			continue;
		}
		if (!has_code)
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN, "verb without [code]: taken as [---]");
		char word[128];
		const char *ps = dyad_dict_tabari_exact(s, wl, word, sizeof word);
		int exact = ps != s;
		block = dyad_dict_block_new(d, s, wl - (size_t)exact, has_code ? s + cb : "---",
					    has_code ? ce - cb : 3);
		if (block < 0)
			break;
		struct dyad_dict_phrase ph;
		const char *why = NULL;
		if (dyad_dict_parse_phrase(d, ps, wl, DYAD_SYN_TABARI, 0, &ph, &why) < 0)
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "verb skipped: %s", why);
		else if (dyad_dict_add_verb(d, (uint32_t)block, NULL, 0, &ph, 0, r.file, ln.no) == DYAD_OK)
			((struct dyad_dict_verb *)d->verbs.a)[d->verbs.n - 1].exact = (uint8_t)exact;
		if (brace)
			irregular_forms(d, block, brace, n - (size_t)(brace - s), r.file, ln.no);
	}
	dyad_dict_reader_close(&r);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}
