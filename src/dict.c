/* The CAMEO dictionary model: arena, line reader with the formats' byte
 * quirks, phrase tokenizer, actor and agent files (shared by both flavours),
 * hash indexes and the longest-match lookups the coder uses. */
#include "dict.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "buf.h"

/* ---- Growable arrays and the arena ------------------------------------- */

void *dyad_vec_push(struct dyad_vec *v, size_t sz)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 64;
		void *a = realloc(v->a, cap * sz);
		if (!a)
			return NULL;
		v->a = a;
		v->cap = cap;
	}
	void *p = (char *)v->a + v->n * sz;
	memset(p, 0, sz);
	v->n++;
	return p;
}

static void vec_free(struct dyad_vec *v)
{
	free(v->a);
	v->a = NULL;
	v->n = v->cap = 0;
}

/* One allocation serves many strings and token arrays: a dictionary holds
 * about a million small objects that all die together. */
struct dyad_dict_arena_chunk {
	struct dyad_dict_arena_chunk *next;
	size_t used, cap;
	max_align_t data[];
};

#define ARENA_CHUNK (256u * 1024u)

void *dyad_dict_alloc(struct dyad_dict *d, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	struct dyad_dict_arena_chunk *c = d->arena;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		c = malloc(sizeof(*c) + cap);
		if (!c) {
			d->oom = 1;
			return NULL;
		}
		c->used = 0;
		c->cap = cap;
		/* A big one-off block goes behind the current chunk so that the
		 * current chunk keeps serving small requests. */
		if (cap > ARENA_CHUNK && d->arena) {
			c->next = d->arena->next;
			d->arena->next = c;
		} else {
			c->next = d->arena;
			d->arena = c;
		}
		d->arena_bytes += cap;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

char *dyad_dict_strdup(struct dyad_dict *d, const char *s, size_t n)
{
	char *p = dyad_dict_alloc(d, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *dyad_dict_strup(struct dyad_dict *d, const char *s, size_t n)
{
	char tmp[1024];
	if (4 * n + 1 > sizeof tmp)
		n = (sizeof tmp - 1) / 4;
	size_t k = dyad_dict_fold(s, n, tmp, sizeof tmp);
	return dyad_dict_strdup(d, tmp, k);
}

/* ---- Diagnostics --------------------------------------------------------- */

void dyad_dict_diag(struct dyad_dict *d, uint16_t file, uint32_t line, int sev,
		    const char *fmt, ...)
{
	if (d->diags.n >= DYAD_DICT_MAX_DIAGS) {
		d->ndiag_dropped++;
		return;
	}
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct dyad_dict_diag *g = dyad_vec_push(&d->diags, sizeof(*g));
	if (!g) {
		d->oom = 1;
		return;
	}
	g->file = file < d->files.n ? ((const char **)d->files.a)[file] : "";
	g->line = line;
	g->sev = (uint8_t)sev;
	g->msg = dyad_dict_strdup(d, msg, strlen(msg));
	if (!g->msg)
		g->msg = "";
}

/* ---- Case folding -------------------------------------------------------- */

size_t dyad_dict_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	if (cap == 0)
		return 0;
	for (size_t i = 0; i < n && o + 1 < cap;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			out[o++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {  /* not UTF-8: keep the byte */
			out[o++] = (char)c;
			i++;
			continue;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_toupper(cp), enc);
		if (o + (size_t)e + 1 > cap)
			break;
		memcpy(out + o, enc, (size_t)e);
		o += (size_t)e;
		i += (size_t)k;
	}
	out[o] = '\0';
	return o;
}

/* ---- Line reader ---------------------------------------------------------- */

uint16_t dyad_dict_add_file(struct dyad_dict *d, const char *path)
{
	const char **f = dyad_vec_push(&d->files, sizeof(*f));
	if (!f) {
		d->oom = 1;
		return 0;
	}
	*f = dyad_dict_strdup(d, path, strlen(path));
	if (!*f)
		*f = "";
	return (uint16_t)(d->files.n - 1);
}

#define DICT_MAX_FILE (256u << 20)

int dyad_dict_reader_open(struct dyad_dict_reader *r, struct dyad_dict *d, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->d = d;
	r->line = (struct dyad_buf)DYAD_BUF_INIT;
	r->file = dyad_dict_add_file(d, path);
	r->path = ((const char **)d->files.a)[r->file];
	FILE *f = fopen(path, "rb");
	if (!f) {
		dyad_dict_diag(d, r->file, 0, DYAD_DIAG_ERROR, "cannot open: %s", strerror(errno));
		return DYAD_EIO;
	}
	struct dyad_buf b = DYAD_BUF_INIT;
	char tmp[65536];
	size_t k;
	int rc = DYAD_OK;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) {
		if (b.len + k > DICT_MAX_FILE) {
			dyad_dict_diag(d, r->file, 0, DYAD_DIAG_ERROR, "larger than %u MB: not read",
				       DICT_MAX_FILE >> 20);
			rc = DYAD_ETOOBIG;
			break;
		}
		if (dyad_buf_add(&b, tmp, k) != DYAD_OK) {
			rc = DYAD_ENOMEM;
			break;
		}
	}
	if (rc == DYAD_OK && ferror(f)) {
		dyad_dict_diag(d, r->file, 0, DYAD_DIAG_ERROR, "read error");
		rc = DYAD_EIO;
	}
	fclose(f);
	if (rc != DYAD_OK) {
		dyad_buf_release(&b);
		dyad_dict_reader_close(r);
		return rc;
	}
	r->size = b.len;
	r->data = b.cap ? dyad_buf_detach(&b) : NULL;
	dyad_buf_release(&b);
	return DYAD_OK;
}

void dyad_dict_reader_close(struct dyad_dict_reader *r)
{
	free(r->data);
	r->data = NULL;
	dyad_buf_release(&r->line);
}

static bool valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return false;
		i += (size_t)k;
	}
	return true;
}

/* Remove <!-- --> comments, which may span lines, from b in place. */
static void strip_xml_comments(struct dyad_dict_reader *r, struct dyad_buf *b)
{
	size_t i = 0;
	while (i < b->len) {
		if (r->in_xml_comment) {
			char *e = strstr(b->data + i, "-->");
			if (!e) {
				dyad_buf_truncate(b, i);
				return;
			}
			size_t end = (size_t)(e - b->data) + 3;
			memmove(b->data + i, b->data + end, b->len - end + 1);
			b->len -= end - i;
			r->in_xml_comment = 0;
			continue;
		}
		char *s = strstr(b->data + i, "<!--");
		if (!s)
			return;
		i = (size_t)(s - b->data);
		memmove(b->data + i, b->data + i + 4, b->len - i - 4 + 1);
		b->len -= 4;
		r->in_xml_comment = 1;
	}
}

int dyad_dict_reader_next(struct dyad_dict_reader *r, struct dyad_dict_line *ln)
{
	struct dyad_dict *d = r->d;
	struct dyad_buf *b = &r->line;
	while (r->off < r->size) {
		const char *p = r->data + r->off;
		size_t rem = r->size - r->off;
		const char *nl = memchr(p, '\n', rem);
		size_t len = nl ? (size_t)(nl - p) : rem;
		r->off += len + (nl ? 1 : 0);
		r->no++;
		dyad_buf_clear(b);
		size_t ctrlz = 0, nul = 0;
		for (size_t i = 0; i < len; i++) {
			char c = p[i];
			if (c == '\r')
				continue;
			if (c == 0x1A) {
				ctrlz++;
				continue;
			}
			if (c == '\0' || c == '\f' || c == '\v') {
				nul += c == '\0';
				c = ' ';
			}
			if (dyad_buf_addc(b, c) != DYAD_OK) {
				d->oom = 1;
				return 0;
			}
		}
		/* A Ctrl-Z (DOS end of file) closing the file is normal; one inside
		 * a line is dropped and reported. */
		if (ctrlz) {
			bool last = true;
			for (size_t i = r->off; i < r->size && last; i++)
				last = r->data[i] == 0x1A || r->data[i] == '\r' || r->data[i] == '\n';
			bool blank = true;
			for (size_t i = 0; i < b->len && blank; i++)
				blank = b->data[i] == ' ' || b->data[i] == '\t';
			if (!(last && blank))
				dyad_dict_diag(d, r->file, r->no, DYAD_DIAG_WARN,
					       "Ctrl-Z byte removed");
		}
		if (nul)
			dyad_dict_diag(d, r->file, r->no, DYAD_DIAG_WARN, "NUL byte read as a space");
		if (!valid_utf8(b->data, b->len)) {
			struct dyad_buf t = DYAD_BUF_INIT;
			for (size_t i = 0; i < b->len; i++) {
				unsigned char c = (unsigned char)b->data[i];
				if (c < 0x80)
					dyad_buf_addc(&t, (char)c);
				else {
					dyad_buf_addc(&t, (char)(0xC0 | (c >> 6)));
					dyad_buf_addc(&t, (char)(0x80 | (c & 0x3F)));
				}
			}
			dyad_buf_clear(b);
			dyad_buf_add(b, t.data, t.len);
			dyad_buf_release(&t);
			dyad_dict_diag(d, r->file, r->no, DYAD_DIAG_WARN,
				       "not UTF-8: read as Latin-1");
		}
		size_t s0 = 0;
		while (s0 < b->len && (b->data[s0] == ' ' || b->data[s0] == '\t'))
			s0++;
		int raw_hash = s0 < b->len && b->data[s0] == '#';
		if (raw_hash || (r->slash_comments && b->len - s0 >= 2 && b->data[s0] == '/' &&
				 b->data[s0 + 1] == '/'))
			dyad_buf_truncate(b, s0);
		strip_xml_comments(r, b);
		/* PETRARCH also skips any line opening with "<!" ("<! -- ..."). */
		s0 = 0;
		while (s0 < b->len && (b->data[s0] == ' ' || b->data[s0] == '\t'))
			s0++;
		if (b->len - s0 >= 2 && b->data[s0] == '<' && b->data[s0 + 1] == '!')
			dyad_buf_truncate(b, s0);
		if (r->hash_comments || r->semi_comments) {
			int depth = 0;
			for (size_t i = 0; i < b->len; i++) {
				char c = b->data[i];
				if (c == '[')
					depth++;
				else if (c == ']' && depth > 0)
					depth--;
				else if (depth == 0 && ((c == '#' && r->hash_comments) ||
							(c == ';' && r->semi_comments))) {
					dyad_buf_truncate(b, i);
					break;
				}
			}
		}
		dyad_buf_rtrim(b);
		s0 = 0;
		while (s0 < b->len && (b->data[s0] == ' ' || b->data[s0] == '\t'))
			s0++;
		if (s0 == b->len)
			continue;
		ln->s = b->data + s0;
		ln->len = b->len - s0;
		ln->no = r->no;
		ln->raw_hash = raw_hash;
		return 1;
	}
	return 0;
}

/* ---- Phrases --------------------------------------------------------------- */

#define MAX_TOK 256

static bool is_sp(char c)
{
	return c == ' ' || c == '\t';
}

/* Markers that stand alone in a pattern. */
static int marker_kind(char c, int syntax)
{
	switch (c) {
	case '*': return DYAD_TK_VERB;
	case '$': return DYAD_TK_SOURCE;
	case '+': return DYAD_TK_TARGET;
	case '%': return DYAD_TK_COMPOUND;
	case '^': return DYAD_TK_SKIP;
	case '|': return syntax == DYAD_SYN_TABARI ? DYAD_TK_ALT_SEP : -1;
	case '{': return syntax == DYAD_SYN_TABARI ? DYAD_TK_ALT_OPEN : DYAD_TK_NP_OPEN;
	case '}': return syntax == DYAD_SYN_TABARI ? DYAD_TK_ALT_CLOSE : DYAD_TK_NP_CLOSE;
	case '(': return syntax == DYAD_SYN_PETRARCH ? DYAD_TK_PP_OPEN : -1;
	case ')': return syntax == DYAD_SYN_PETRARCH ? DYAD_TK_PP_CLOSE : -1;
	}
	return -1;
}

static const char *check_brackets(const char *s, size_t n)
{
	int br = 0, pa = 0, sq = 0;
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '{': if (br++) return "nested '{'"; break;
		case '}': if (--br < 0) return "'}' without '{'"; break;
		case '(': if (pa++) return "nested '('"; break;
		case ')': if (--pa < 0) return "')' without '('"; break;
		case '[': sq++; break;
		case ']': sq--; break;
		}
	}
	if (br)
		return "'{' without '}'";
	if (pa)
		return "'(' without ')'";
	if (sq)
		return "mismatched '[' ']'";
	return NULL;
}

int dyad_dict_parse_phrase(struct dyad_dict *d, const char *s, size_t n, int syntax,
			   int pattern, struct dyad_dict_phrase *out, const char **why)
{
	struct dyad_dict_tok tok[MAX_TOK];
	size_t nt = 0, i = 0;
	out->tok = NULL;
	out->n = 0;
	if (pattern && (*why = check_brackets(s, n)) != NULL)
		return -1;
	while (i < n) {
		if (is_sp(s[i]) || s[i] == '_') {
			i++;
			continue;
		}
		if (nt == MAX_TOK) {
			*why = "phrase too long";
			return -1;
		}
		struct dyad_dict_tok *t = &tok[nt];
		memset(t, 0, sizeof(*t));
		t->syn = -1;
		int mk = pattern ? marker_kind(s[i], syntax) : -1;
		size_t j = i;
		if (mk >= 0) {
			t->kind = (uint8_t)mk;
			j = i + 1;
		} else {
			bool syn = pattern && s[i] == '&';
			if (syn)
				i++;
			j = i;
			while (j < n && !is_sp(s[j]) && s[j] != '_' &&
			       !(pattern && marker_kind(s[j], syntax) >= 0 && s[j] != '+'))
				j++;
			if (syn) {
				/* A synset name may hold '_' ("&FIGHT_CRIM"): take the
				 * longest run that names a known synset. */
				size_t e = j;
				while (e < n && !is_sp(s[e]) && !(marker_kind(s[e], syntax) >= 0 && s[e] != '+'))
					e++;
				size_t best = j - i;
				for (size_t k = e; k > j; k--) {
					if ((k == e || s[k] == '_') &&
					    dyad_dict_synset(d, s + i, k - i, 0) >= 0) {
						best = k - i;
						break;
					}
				}
				j = i + best;
				if (j == i) {
					*why = "'&' without a synset name";
					return -1;
				}
				t->kind = DYAD_TK_SYNSET;
				size_t nl = j - i;
				while (nl > 0 && s[i + nl - 1] == '_')
					nl--;
				t->str = dyad_dict_strup(d, s + i, nl);
				t->len = (uint32_t)strlen(t->str ? t->str : "");
				t->syn = dyad_dict_synset(d, s + i, nl, 0);
			} else {
				t->kind = DYAD_TK_WORD;
				t->str = dyad_dict_strup(d, s + i, j - i);
				if (!t->str)
					return -1;
				t->len = (uint32_t)strlen(t->str);
			}
			if (!t->str) {
				*why = "out of memory";
				return -1;
			}
		}
		/* '_' after a token: TABARI exact word; before another token: joined. */
		bool under = j < n && s[j] == '_';
		if (under) {
			size_t k = j;
			while (k < n && s[k] == '_')
				k++;
			if (k < n && !is_sp(s[k]))
				t->flags |= DYAD_TF_JOINED;
		}
		if (t->kind == DYAD_TK_WORD && syntax == DYAD_SYN_TABARI && !under)
			t->flags |= DYAD_TF_STEM;
		nt++;
		i = j;
	}
	if (nt == 0) {
		*why = "no words";
		return -1;
	}
	struct dyad_dict_tok *a = dyad_dict_alloc(d, nt * sizeof(*a));
	if (!a) {
		*why = "out of memory";
		return -1;
	}
	memcpy(a, tok, nt * sizeof(*a));
	out->tok = a;
	out->n = (uint32_t)nt;
	return 0;
}

size_t dyad_dict_plural(const char *w, size_t n, char *out)
{
	memcpy(out, w, n);
	char l = n ? w[n - 1] : 0, p = n > 1 ? w[n - 2] : 0;
	if (l == 'Y' && p && !strchr("AEIOU", p)) {
		memcpy(out + n - 1, "IES", 3);
		return n + 2;
	}
	if (l == 'S' || l == 'X' || l == 'Z' || (l == 'H' && (p == 'C' || p == 'S'))) {
		memcpy(out + n, "ES", 2);
		return n + 2;
	}
	out[n] = 'S';
	return n + 1;
}

void dyad_dict_split_code(struct dyad_dict *d, const char *s, size_t n, const char **code,
			  const char **code2)
{
	while (n && is_sp(*s))
		s++, n--;
	while (n && is_sp(s[n - 1]))
		n--;
	const char *c = memchr(s, ':', n);
	*code2 = NULL;
	if (c) {
		*code = dyad_dict_strup(d, s, (size_t)(c - s));
		*code2 = dyad_dict_strup(d, c + 1, n - (size_t)(c - s) - 1);
	} else {
		*code = dyad_dict_strup(d, s, n);
	}
}

int dyad_dict_find_code(const char *s, size_t n, size_t *open, size_t *cb, size_t *ce)
{
	const char *c = NULL;
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == '[') {
			c = s + i - 1;
			break;
		}
	if (!c)
		return 0;
	const char *e = memchr(c, ']', n - (size_t)(c - s));
	if (!e)
		return 0;
	*open = (size_t)(c - s);
	*cb = *open + 1;
	*ce = (size_t)(e - s);
	return 1;
}

/* ---- Tables and their index ------------------------------------------- */

struct dyad_dict_slot {
	const char *key;
	uint32_t len, hash;
	uint32_t start, count;
};

static uint32_t hash_word(const char *s, size_t n)
{
	return (uint32_t)dyad_hash64(s, n, 0);
}

/* Open addressing with linear probing: no Debian-packaged C library we may
 * use offers a hash table (glibc's hsearch is one global table of
 * NUL-terminated keys), and this one is a few lines. */
static int map_put(struct dyad_dict_map *m, const char *key, uint32_t len, uint32_t start,
		   uint32_t count)
{
	if (2 * (m->n + 1) > m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 64;
		struct dyad_dict_slot *s = calloc(cap, sizeof(*s));
		if (!s)
			return DYAD_ENOMEM;
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slot[i].key)
				continue;
			size_t j = m->slot[i].hash & (cap - 1);
			while (s[j].key)
				j = (j + 1) & (cap - 1);
			s[j] = m->slot[i];
		}
		free(m->slot);
		m->slot = s;
		m->cap = cap;
	}
	uint32_t h = hash_word(key, len);
	size_t j = h & (m->cap - 1);
	while (m->slot[j].key) {
		if (m->slot[j].hash == h && m->slot[j].len == len && !memcmp(m->slot[j].key, key, len)) {
			m->slot[j].start = start;
			m->slot[j].count = count;
			return DYAD_OK;
		}
		j = (j + 1) & (m->cap - 1);
	}
	m->slot[j] = (struct dyad_dict_slot){ key, len, h, start, count };
	m->n++;
	return DYAD_OK;
}

static const struct dyad_dict_slot *map_get(const struct dyad_dict_map *m, const char *key,
					    size_t len)
{
	if (!m->cap)
		return NULL;
	uint32_t h = hash_word(key, len);
	size_t j = h & (m->cap - 1);
	while (m->slot[j].key) {
		if (m->slot[j].hash == h && m->slot[j].len == len && !memcmp(m->slot[j].key, key, len))
			return &m->slot[j];
		j = (j + 1) & (m->cap - 1);
	}
	return NULL;
}

static void map_free(struct dyad_dict_map *m)
{
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

int dyad_dict_add_entry(struct dyad_dict *d, enum dyad_dict_kind kind,
			const struct dyad_dict_phrase *ph, uint32_t key, uint32_t id,
			uint16_t file, uint32_t line)
{
	if (key >= ph->n || ph->n > 0xFFFF || ph->tok[key].kind != DYAD_TK_WORD)
		return DYAD_EINVAL;
	struct dyad_dict_table *t = &d->tab[kind];
	struct dyad_dict_entry *e = dyad_vec_push(&t->ent, sizeof(*e));
	if (!e) {
		d->oom = 1;
		return DYAD_ENOMEM;
	}
	e->tok = ph->tok;
	e->n = (uint16_t)ph->n;
	e->key = (uint16_t)key;
	e->id = id;
	e->file = file;
	e->line = line;
	t->dirty = 1;
	return DYAD_OK;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct dyad_dict_entry *a = pa, *b = pb;
	const struct dyad_dict_tok *ka = &a->tok[a->key], *kb = &b->tok[b->key];
	size_t n = ka->len < kb->len ? ka->len : kb->len;
	int c = memcmp(ka->str, kb->str, n);
	if (c)
		return c;
	if (ka->len != kb->len)
		return ka->len < kb->len ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;   /* longest first */
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

static int index_table(struct dyad_dict_table *t)
{
	if (!t->dirty)
		return DYAD_OK;
	struct dyad_dict_entry *e = t->ent.a;
	qsort(e, t->ent.n, sizeof(*e), entry_cmp);
	map_free(&t->map);
	t->min_stem = 0;
	for (size_t i = 0; i < t->ent.n;) {
		const struct dyad_dict_tok *k = &e[i].tok[e[i].key];
		size_t j = i + 1;
		while (j < t->ent.n && e[j].tok[e[j].key].len == k->len &&
		       !memcmp(e[j].tok[e[j].key].str, k->str, k->len))
			j++;
		for (size_t x = i; x < j; x++)
			if ((e[x].tok[e[x].key].flags & DYAD_TF_STEM) &&
			    (t->min_stem == 0 || k->len < t->min_stem))
				t->min_stem = k->len ? k->len : 1;
		if (map_put(&t->map, k->str, k->len, (uint32_t)i, (uint32_t)(j - i)) != DYAD_OK)
			return DYAD_ENOMEM;
		i = j;
	}
	t->dirty = 0;
	return DYAD_OK;
}

/* Resolve synset references made before their synset was defined. */
static void resolve_synsets(struct dyad_dict *d)
{
	struct dyad_dict_pattern *p = d->patterns.a;
	for (size_t i = 0; i < d->patterns.n; i++) {
		for (uint32_t k = 0; k < p[i].ph.n; k++) {
			struct dyad_dict_tok *t = (struct dyad_dict_tok *)&p[i].ph.tok[k];
			if (t->kind != DYAD_TK_SYNSET || t->syn >= 0)
				continue;
			t->syn = dyad_dict_synset(d, t->str, t->len, 0);
			if (t->syn < 0)
				dyad_dict_diag(d, p[i].file, p[i].line, DYAD_DIAG_WARN,
					       "undefined synset '&%s': the pattern cannot match",
					       t->str);
		}
	}
}

static int dict_index(struct dyad_dict *d)
{
	resolve_synsets(d);
	for (int k = 0; k < DYAD_DK_COUNT; k++)
		if (index_table(&d->tab[k]) != DYAD_OK)
			return DYAD_ENOMEM;
	return DYAD_OK;
}

/* ---- Synsets and blocks ---------------------------------------------------- */

int32_t dyad_dict_synset(struct dyad_dict *d, const char *name, size_t n, int create)
{
	char up[256];
	while (n && name[n - 1] == '_')
		n--;
	if (n == 0 || n >= sizeof up / 4)
		return -1;
	size_t k = dyad_dict_fold(name, n, up, sizeof up);
	const struct dyad_dict_slot *s = map_get(&d->synmap, up, k);
	if (s)
		return (int32_t)s->start;
	if (!create)
		return -1;
	struct dyad_dict_synset *y = dyad_vec_push(&d->synsets, sizeof(*y));
	if (!y) {
		d->oom = 1;
		return -1;
	}
	y->name = dyad_dict_strdup(d, up, k);
	y->ph0 = (uint32_t)d->synphr.n;
	if (!y->name || map_put(&d->synmap, y->name, (uint32_t)k, (uint32_t)(d->synsets.n - 1), 0)) {
		d->oom = 1;
		return -1;
	}
	return (int32_t)(d->synsets.n - 1);
}

int dyad_dict_synset_add(struct dyad_dict *d, int32_t s, const struct dyad_dict_phrase *ph)
{
	struct dyad_dict_synset *y = (struct dyad_dict_synset *)d->synsets.a + s;
	if (y->ph0 + y->nph != d->synphr.n) {
		/* Redefinition after other synsets: move its phrases to the end. */
		uint32_t ph0 = (uint32_t)d->synphr.n;
		for (uint32_t i = 0; i < y->nph; i++) {
			struct dyad_dict_phrase *p = dyad_vec_push(&d->synphr, sizeof(*p));
			if (!p)
				return DYAD_ENOMEM;
			*p = ((struct dyad_dict_phrase *)d->synphr.a)[y->ph0 + i];
		}
		y->ph0 = ph0;
	}
	struct dyad_dict_phrase *p = dyad_vec_push(&d->synphr, sizeof(*p));
	if (!p)
		return DYAD_ENOMEM;
	*p = *ph;
	y->nph++;
	return DYAD_OK;
}

int32_t dyad_dict_block_new(struct dyad_dict *d, const char *name, size_t nlen, const char *code,
			    size_t clen)
{
	struct dyad_dict_block *b = dyad_vec_push(&d->blocks, sizeof(*b));
	if (!b) {
		d->oom = 1;
		return -1;
	}
	b->name = dyad_dict_strup(d, name, nlen);
	dyad_dict_split_code(d, code, clen, &b->code, &b->code2);
	b->pat0 = (uint32_t)d->patterns.n;
	return (int32_t)(d->blocks.n - 1);
}

int dyad_dict_add_verb(struct dyad_dict *d, uint32_t block, const char *code, size_t clen,
		       const struct dyad_dict_phrase *ph, uint32_t key, uint16_t file, uint32_t line)
{
	struct dyad_dict_verb *v = dyad_vec_push(&d->verbs, sizeof(*v));
	if (!v) {
		d->oom = 1;
		return DYAD_ENOMEM;
	}
	v->block = block;
	const struct dyad_dict_block *b = (const struct dyad_dict_block *)d->blocks.a + block;
	if (code)
		dyad_dict_split_code(d, code, clen, &v->code, &v->code2);
	else {
		v->code = b->code;
		v->code2 = b->code2;
	}
	int rc = dyad_dict_add_entry(d, DYAD_DK_VERB, ph, key, (uint32_t)(d->verbs.n - 1), file, line);
	if (rc != DYAD_OK)
		d->verbs.n--;
	return rc;
}

void dyad_dict_add_pattern(struct dyad_dict *d, int32_t block, const char *s, size_t n,
			   int syntax, uint16_t file, uint32_t line)
{
	size_t open, cb, ce;
	if (block < 0) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "pattern before any verb skipped");
		return;
	}
	if (!dyad_dict_find_code(s, n, &open, &cb, &ce)) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "pattern without [code] skipped");
		return;
	}
	struct dyad_dict_phrase ph;
	const char *why = NULL;
	if (dyad_dict_parse_phrase(d, s, open, syntax, 1, &ph, &why) < 0) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "pattern skipped: %s", why);
		return;
	}
	int nv = 0;
	for (uint32_t i = 0; i < ph.n; i++)
		nv += ph.tok[i].kind == DYAD_TK_VERB;
	if (nv != 1) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "pattern skipped: %s",
			       nv ? "more than one '*'" : "no '*' for the verb");
		return;
	}
	struct dyad_dict_block *b = (struct dyad_dict_block *)d->blocks.a + block;
	struct dyad_dict_pattern *p = dyad_vec_push(&d->patterns, sizeof(*p));
	if (!p) {
		d->oom = 1;
		return;
	}
	p->ph = ph;
	dyad_dict_split_code(d, s + cb, ce - cb, &p->code, &p->code2);
	p->block = (uint32_t)block;
	p->file = file;
	p->line = line;
	b->npat++;
}

/* ---- Dates and actor codes ---------------------------------------------- */

static int days_in(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* Parse a 6-digit YYMMDD or 8-digit YYYYMMDD date. Two-digit years 00-30 are
 * 20YY, the rest 19YY, as KEDS and TABARI did (PETRARCH kept the rule). */
static int parse_date(const char *s, size_t n, int32_t *out, const char **why)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9') {
			*why = "not a number";
			return -1;
		}
	int y, m, dd;
	if (n == 6) {
		y = (s[0] - '0') * 10 + (s[1] - '0');
		y += y <= 30 ? 2000 : 1900;
		s += 2;
	} else if (n == 8) {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		s += 4;
	} else {
		*why = "needs 6 (YYMMDD) or 8 (YYYYMMDD) digits";
		return -1;
	}
	m = (s[0] - '0') * 10 + (s[1] - '0');
	dd = (s[2] - '0') * 10 + (s[3] - '0');
	if (m < 1 || m > 12 || dd < 1 || dd > days_in(y, m)) {
		*why = "no such day";
		return -1;
	}
	*out = dyad_dict_ymd(y, m, dd);
	return 0;
}

static int32_t prev_day(int32_t v)
{
	int y = v / 10000, m = v / 100 % 100, dd = v % 100;
	if (--dd == 0) {
		if (--m == 0) {
			m = 12;
			y--;
		}
		dd = days_in(y, m);
	}
	return dyad_dict_ymd(y, m, dd);
}

static bool code_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       strchr("-#+~!:/.", c);
}

/* Parse the inside of one "[CODE]", "[CODE <d]", "[CODE >d]", "[CODE d-d]"
 * code block into *c. Returns 0 or -1 with *why. */
static int parse_code_block(struct dyad_dict *d, const char *s, size_t n,
			    struct dyad_dict_code *c, const char **why)
{
	size_t i = 0;
	while (i < n && is_sp(s[i]))
		i++;
	size_t c0 = i;
	while (i < n && !is_sp(s[i]) && s[i] != '<' && s[i] != '>')
		i++;
	if (i == c0) {
		*why = "empty code block";
		return -1;
	}
	if (s[c0] >= '0' && s[c0] <= '9') {
		*why = "code block without a code";
		return -1;
	}
	int run = 0;
	for (size_t k = c0; k < i; k++) {
		if (!code_char(s[k])) {
			*why = "bad character in code";
			return -1;
		}
		run = s[k] >= '0' && s[k] <= '9' ? run + 1 : 0;
		if (run >= 6) {
			*why = "date joined to the code";
			return -1;
		}
	}
	c->code = dyad_dict_strup(d, s + c0, i - c0);
	c->from = 0;
	c->to = 99999999;
	c->restricted = 0;
	while (i < n && is_sp(s[i]))
		i++;
	if (i == n)
		return 0;
	c->restricted = 1;
	char op = s[i];
	if (op == '<' || op == '>') {
		i++;
		while (i < n && is_sp(s[i]))
			i++;
		size_t e = n;
		while (e > i && is_sp(s[e - 1]))
			e--;
		int32_t v;
		if (parse_date(s + i, e - i, &v, why) < 0)
			return -1;
		if (op == '<')
			c->to = prev_day(v);
		else
			c->from = v;
		return 0;
	}
	const char *dash = memchr(s + i, '-', n - i);
	if (!dash) {
		*why = "date without '<', '>' or a range";
		return -1;
	}
	size_t a1 = (size_t)(dash - s), b0 = a1 + 1, e = n;
	while (a1 > i && is_sp(s[a1 - 1]))
		a1--;
	while (b0 < n && is_sp(s[b0]))
		b0++;
	while (e > b0 && is_sp(s[e - 1]))
		e--;
	if (parse_date(s + i, a1 - i, &c->from, why) < 0 ||
	    parse_date(s + b0, e - b0, &c->to, why) < 0)
		return -1;
	if (c->from > c->to) {
		*why = "date range ends before it starts";
		return -1;
	}
	return 0;
}

/* Parse every [...] block of s[0..n) into codes of actor a. */
static void actor_codes(struct dyad_dict *d, const char *s, size_t n, uint32_t a, uint16_t file,
			uint32_t line)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '[')
			continue;
		const char *e = memchr(s + i, ']', n - i);
		if (!e)
			break;
		struct dyad_dict_code c;
		const char *why = NULL;
		size_t len = (size_t)(e - s) - i - 1;
		if (parse_code_block(d, s + i + 1, len, &c, &why) < 0) {
			dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "code block '[%.*s]' skipped: %s",
				       (int)(len > 60 ? 60 : len), s + i + 1, why);
		} else if (c.code) {
			struct dyad_dict_actor *ac = (struct dyad_dict_actor *)d->actors.a + a;
			struct dyad_dict_code *p = dyad_vec_push(&d->codes, sizeof(*p));
			if (!p) {
				d->oom = 1;
				return;
			}
			*p = c;
			if (ac->ncodes == 0)
				ac->code0 = (uint32_t)(d->codes.n - 1);
			ac->ncodes++;
		}
		i = (size_t)(e - s);
	}
}

static const char *bracket_problem(const char *s, size_t n)
{
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '[') {
			if (depth++)
				return "'[' inside a code block";
		} else if (s[i] == ']') {
			if (--depth < 0)
				return "']' without '['";
		} else if ((s[i] == '{' || s[i] == '}' || s[i] == ')') && depth) {
			return "mismatched brackets in a code block";
		}
	}
	return depth ? "'[' without ']'" : NULL;
}

/* Add phrase text s[0..n) as an entry of kind with id. */
static void add_phrase(struct dyad_dict *d, enum dyad_dict_kind kind, const char *s, size_t n,
		       int syntax, uint32_t id, uint16_t file, uint32_t line)
{
	struct dyad_dict_phrase ph;
	const char *why = NULL;
	if (dyad_dict_parse_phrase(d, s, n, syntax, 0, &ph, &why) < 0) {
		dyad_dict_diag(d, file, line, DYAD_DIAG_ERROR, "phrase skipped: %s", why);
		return;
	}
	dyad_dict_add_entry(d, kind, &ph, 0, id, file, line);
}

static void actor_done(struct dyad_dict *d, int32_t a, uint16_t file, uint32_t line)
{
	if (a < 0)
		return;
	struct dyad_dict_actor *ac = (struct dyad_dict_actor *)d->actors.a + a;
	if (ac->ncodes == 0)
		dyad_dict_diag(d, file, line, DYAD_DIAG_WARN,
			       "actor '%s' has no code: its phrases match but code nothing", ac->name);
}

const char *dyad_dict_tabari_exact(const char *s, size_t n, char *buf, size_t cap)
{
	if (n < 2 || n > cap || s[n - 1] != '=')
		return s;
	memcpy(buf, s, n);
	buf[n - 1] = '_';
	return buf;
}

int dyad_dict_read_actors(struct dyad_dict *d, const char *path, int syntax)
{
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	r.semi_comments = 1;
	r.hash_comments = syntax == DYAD_SYN_PETRARCH;
	struct dyad_dict_line ln;
	int32_t cur = -1;
	uint32_t cur_line = 0;
	bool cur_coded = false;  /* a code block was seen for cur, even a bad one */
	int section = -1;  /* DYAD_DK_NOUN / DYAD_DK_ADJ inside <NOUN> / <ADJECTIVE> */
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		const char *s = ln.s;
		size_t n = ln.len;
		if (n >= 2 && s[0] == '~' && s[1] == '~')
			break;  /* TABARI end of file: "~~FINISH" */
		if (s[0] == '<') {
			if (!strncasecmp(s, "<NOUN>", 6) || !strncasecmp(s, "<ADJECTIVE>", 11))
				section = s[1] == 'N' || s[1] == 'n' ? DYAD_DK_NOUN : DYAD_DK_ADJ;
			else if (!strncasecmp(s, "</NOUN>", 7) || !strncasecmp(s, "</ADJECTIVE>", 12))
				section = -1;
			else
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR,
					       "unknown section '%.*s' skipped", (int)(n > 40 ? 40 : n), s);
			continue;
		}
		if (section >= 0) {
			add_phrase(d, (enum dyad_dict_kind)section, s, n, syntax, 0, r.file, ln.no);
			continue;
		}
		const char *why = bracket_problem(s, n);
		if (why) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "line skipped: %s", why);
			continue;
		}
		if (s[0] == '[') {
			if (cur < 0)
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR,
					       "code line before any actor skipped");
			else
				actor_codes(d, s, n, (uint32_t)cur, r.file, ln.no);
			cur_coded = true;
			continue;
		}
		const char *br = memchr(s, '[', n);
		size_t pn = br ? (size_t)(br - s) : n;
		if (s[0] == '+') {
			if (cur < 0) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR,
					       "synonym before any actor skipped");
				continue;
			}
			add_phrase(d, DYAD_DK_ACTOR, s + 1, pn - 1, syntax, (uint32_t)cur, r.file, ln.no);
			if (br) {
				actor_codes(d, br, n - (size_t)(br - s), (uint32_t)cur, r.file, ln.no);
				cur_coded = true;
			}
			continue;
		}
		while (pn && is_sp(s[pn - 1]))
			pn--;
		char exact[128];
		const char *nm = syntax == DYAD_SYN_TABARI ? dyad_dict_tabari_exact(s, pn, exact, sizeof exact) : s;
		if (cur >= 0 && !br && !cur_coded) {
			/* "LEONID_BREZHNEV_" then "SECRETARY_BREZHNEV" then the codes:
			 * names in a row with no code are synonyms missing their '+'
			 * (PETRARCH would leave all but the last without a code). */
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN,
				       "name without '+' after a name without code: taken as a synonym");
			add_phrase(d, DYAD_DK_ACTOR, nm, pn, syntax, (uint32_t)cur, r.file, ln.no);
			continue;
		}
		actor_done(d, cur, r.file, cur_line);
		struct dyad_dict_actor *ac = dyad_vec_push(&d->actors, sizeof(*ac));
		if (!ac) {
			d->oom = 1;
			break;
		}
		ac->name = dyad_dict_strdup(d, s, pn - (nm != s));
		ac->code0 = (uint32_t)d->codes.n;
		cur = (int32_t)(d->actors.n - 1);
		cur_line = ln.no;
		cur_coded = br != NULL;
		add_phrase(d, DYAD_DK_ACTOR, nm, pn, syntax, (uint32_t)cur, r.file, ln.no);
		if (br)
			actor_codes(d, br, n - (size_t)(br - s), (uint32_t)cur, r.file, ln.no);
	}
	actor_done(d, cur, r.file, cur_line);
	dyad_dict_reader_close(&r);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* ---- Agents ----------------------------------------------------------------- */

struct subst {
	char name[64];
	char *list;       /* malloc()ed comma-separated items */
};

static void agent_store(struct dyad_dict *d, const char *s, size_t n, int syntax, uint32_t id,
			uint16_t file, uint32_t line, bool plural)
{
	add_phrase(d, DYAD_DK_AGENT, s, n, syntax, id, file, line);
	if (plural && n > 0 && n < 1000) {
		char tmp[1024];
		while (n && (s[n - 1] == '_' || is_sp(s[n - 1])))
			n--;
		if (!n)
			return;
		char up[1024];
		size_t k = dyad_dict_fold(s, n, up, sizeof up);
		if (k + 3 > sizeof tmp)
			return;
		size_t m = dyad_dict_plural(up, k, tmp);
		add_phrase(d, DYAD_DK_AGENT, tmp, m, syntax, id, file, line);
	}
}

int dyad_dict_read_agents(struct dyad_dict *d, const char *path, int syntax)
{
	struct dyad_dict_reader r;
	int rc = dyad_dict_reader_open(&r, d, path);
	if (rc != DYAD_OK)
		return rc;
	r.semi_comments = 1;
	r.hash_comments = syntax == DYAD_SYN_PETRARCH;
	struct subst sub[32];
	size_t nsub = 0;
	struct dyad_dict_line ln;
	while (dyad_dict_reader_next(&r, &ln) && !d->oom) {
		const char *s = ln.s;
		size_t n = ln.len;
		if (n >= 2 && s[0] == '~' && s[1] == '~')
			break;
		const char *eq = memchr(s, '=', n), *br = memchr(s, '[', n);
		if (s[0] == '!' && eq && !br) {
			/* "!PERSON! = MAN, MEN, WOMAN": a substitution set */
			const char *e = memchr(s + 1, '!', n - 1);
			if (!e || e > eq || (size_t)(e - s - 1) >= sizeof sub[0].name || nsub == DYAD_ARRAY_LEN(sub)) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR,
					       "substitution set badly defined: line skipped");
				continue;
			}
			struct subst *x = &sub[nsub++];
			snprintf(x->name, sizeof x->name, "%.*s", (int)(e - s - 1), s + 1);
			x->list = dyad_strndup(eq + 1, n - (size_t)(eq + 1 - s));
			if (!x->list) {
				d->oom = 1;
				nsub--;
			}
			continue;
		}
		const char *why = bracket_problem(s, n);
		if (!why && !br)
			why = "no [code]";
		if (why) {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "agent skipped: %s", why);
			continue;
		}
		const char *be = memchr(br, ']', n - (size_t)(br - s));
		size_t c0 = (size_t)(br - s) + 1, c1 = (size_t)(be - s);
		while (c0 < c1 && is_sp(s[c0]))
			c0++;
		while (c1 > c0 && is_sp(s[c1 - 1]))
			c1--;
		struct dyad_dict_agent *ag = dyad_vec_push(&d->agents, sizeof(*ag));
		if (!ag) {
			d->oom = 1;
			break;
		}
		if (c1 > c0 && s[c0] == '~') {
			ag->code = dyad_dict_strup(d, s + c0 + 1, c1 - c0 - 1);
		} else if (c1 > c0 && s[c1 - 1] == '~') {
			ag->code = dyad_dict_strup(d, s + c0, c1 - c0 - 1);
			ag->before = 1;
		} else {
			dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_WARN,
				       "agent code '%.*s' without '~': added after the actor code",
				       (int)(c1 - c0), s + c0);
			ag->code = dyad_dict_strup(d, s + c0, c1 - c0);
		}
		uint32_t id = (uint32_t)(d->agents.n - 1);
		size_t pn = (size_t)(br - s);
		while (pn && is_sp(s[pn - 1]))
			pn--;
		const char *ob = memchr(s, '{', pn);
		if (ob) {
			/* "ATTORNEY_GENERAL {ATTORNEYS_GENERAL}": the plural is given; "{}": none */
			const char *cb = memchr(ob, '}', pn - (size_t)(ob - s));
			if (!cb) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR, "agent skipped: '{' without '}'");
				continue;
			}
			size_t k = (size_t)(ob - s);
			agent_store(d, s, k, syntax, id, r.file, ln.no, false);
			if (cb > ob + 1)
				agent_store(d, ob + 1, (size_t)(cb - ob - 1), syntax, id, r.file, ln.no, false);
			continue;
		}
		const char *m1 = memchr(s, '!', pn);
		if (m1) {
			const char *m2 = memchr(m1 + 1, '!', pn - (size_t)(m1 + 1 - s));
			struct subst *x = NULL;
			for (size_t k = 0; m2 && k < nsub; k++)
				if (strlen(sub[k].name) == (size_t)(m2 - m1 - 1) &&
				    !memcmp(sub[k].name, m1 + 1, (size_t)(m2 - m1 - 1)))
					x = &sub[k];
			if (!x) {
				dyad_dict_diag(d, r.file, ln.no, DYAD_DIAG_ERROR,
					       "agent skipped: unknown substitution marker");
				continue;
			}
			for (char *it = x->list; *it;) {
				char *comma = strchr(it, ',');
				size_t il = comma ? (size_t)(comma - it) : strlen(it);
				const char *next = it + il + (comma ? 1 : 0);
				while (il && is_sp(*it))
					it++, il--;
				while (il && is_sp(it[il - 1]))
					il--;
				char tmp[1024];
				int k = snprintf(tmp, sizeof tmp, "%.*s%.*s%.*s", (int)(m1 - s), s, (int)il, it,
						 (int)(pn - (size_t)(m2 + 1 - s)), m2 + 1);
				if (k > 0 && (size_t)k < sizeof tmp)
					agent_store(d, tmp, (size_t)k, syntax, id, r.file, ln.no, false);
				it = (char *)next;
			}
			continue;
		}
		agent_store(d, s, pn, syntax, id, r.file, ln.no, syntax == DYAD_SYN_PETRARCH);
	}
	for (size_t k = 0; k < nsub; k++)
		free(sub[k].list);
	dyad_dict_reader_close(&r);
	return d->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* ---- Lookup -------------------------------------------------------------------- */

static bool tok_match(const struct dyad_dict_tok *t, const char *w)
{
	if (t->kind != DYAD_TK_WORD)
		return false;
	if (strncmp(w, t->str, t->len) != 0)
		return false;
	return w[t->len] == '\0' || (t->flags & DYAD_TF_STEM);
}

int dyad_dict_match(const struct dyad_dict *d, enum dyad_dict_kind kind,
		    const char *const *tokens, size_t ntokens, size_t pos,
		    struct dyad_dict_match *m)
{
	if ((unsigned)kind >= DYAD_DK_COUNT || pos >= ntokens)
		return 0;
	const struct dyad_dict_table *t = &d->tab[kind];
	const struct dyad_dict_entry *e = t->ent.a, *best = NULL;
	const char *w = tokens[pos];
	size_t wl = strlen(w);
	size_t lo = t->min_stem && t->min_stem < wl ? t->min_stem : wl;
	for (size_t k = wl; k >= lo && k > 0; k--) {
		const struct dyad_dict_slot *s = map_get(&t->map, w, k);
		if (!s)
			continue;
		for (uint32_t i = s->start; i < s->start + s->count; i++) {
			const struct dyad_dict_entry *x = &e[i];
			if (best && x->n <= best->n)
				break;  /* longest first within a run */
			if (k < wl && !(x->tok[x->key].flags & DYAD_TF_STEM))
				continue;
			if (x->key > pos || pos - x->key + x->n > ntokens)
				continue;
			size_t st = pos - x->key;
			bool ok = true;
			for (uint32_t j = 0; j < x->n && ok; j++)
				if (j != x->key)
					ok = tok_match(&x->tok[j], tokens[st + j]);
			if (ok) {
				best = x;
				break;
			}
		}
	}
	if (!best)
		return 0;
	m->entry = best;
	m->start = pos - best->key;
	m->len = best->n;
	m->code = NULL;
	return 1;
}

const char *dyad_dict_actor_code(const struct dyad_dict *d, uint32_t a, int32_t date)
{
	if (a >= d->actors.n)
		return NULL;
	const struct dyad_dict_actor *ac = (const struct dyad_dict_actor *)d->actors.a + a;
	if (ac->ncodes == 0)
		return NULL;  /* a phrase whose code line was bad: no codes at all */
	const struct dyad_dict_code *c = (const struct dyad_dict_code *)d->codes.a + ac->code0;
	const char *def = NULL;
	for (uint32_t i = 0; i < ac->ncodes; i++) {
		if (!c[i].restricted) {
			if (!def)
				def = c[i].code;
		} else if (date && date >= c[i].from && date <= c[i].to) {
			return c[i].code;
		}
	}
	return def;
}

int dyad_dict_actor_match(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
			  size_t pos, int32_t date, struct dyad_dict_match *m)
{
	if (!dyad_dict_match(d, DYAD_DK_ACTOR, tokens, ntokens, pos, m))
		return 0;
	m->code = dyad_dict_actor_code(d, m->entry->id, date);
	return 1;
}

int dyad_dict_agent_match(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
			  size_t pos, struct dyad_dict_match *m)
{
	if (!dyad_dict_match(d, DYAD_DK_AGENT, tokens, ntokens, pos, m))
		return 0;
	m->code = ((const struct dyad_dict_agent *)d->agents.a)[m->entry->id].code;
	return 1;
}

int dyad_dict_verb_match(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
			 size_t pos, struct dyad_dict_match *m, const struct dyad_dict_verb **vb)
{
	if (!dyad_dict_match(d, DYAD_DK_VERB, tokens, ntokens, pos, m))
		return 0;
	*vb = (const struct dyad_dict_verb *)d->verbs.a + m->entry->id;
	m->code = (*vb)->code;
	return 1;
}

size_t dyad_dict_lookup(const struct dyad_dict *d, enum dyad_dict_kind kind, const char *word,
			size_t len, const struct dyad_dict_entry **out)
{
	if ((unsigned)kind >= DYAD_DK_COUNT)
		return 0;
	const struct dyad_dict_slot *s = map_get(&d->tab[kind].map, word, len);
	if (!s)
		return 0;
	*out = (const struct dyad_dict_entry *)d->tab[kind].ent.a + s->start;
	return s->count;
}

size_t dyad_dict_count(const struct dyad_dict *d, enum dyad_dict_kind kind)
{
	return (unsigned)kind < DYAD_DK_COUNT ? d->tab[kind].ent.n : 0;
}

/* ---- Loading ------------------------------------------------------------------ */

void dyad_dict_init(struct dyad_dict *d)
{
	memset(d, 0, sizeof(*d));
}

void dyad_dict_release(struct dyad_dict *d)
{
	for (int k = 0; k < DYAD_DK_COUNT; k++) {
		vec_free(&d->tab[k].ent);
		map_free(&d->tab[k].map);
	}
	struct dyad_vec *v[] = { &d->actors, &d->codes, &d->agents, &d->blocks, &d->patterns,
				 &d->verbs, &d->synsets, &d->synphr, &d->issues, &d->times,
				 &d->places, &d->options, &d->transforms, &d->files, &d->diags };
	for (size_t i = 0; i < DYAD_ARRAY_LEN(v); i++)
		vec_free(v[i]);
	map_free(&d->synmap);
	while (d->arena) {
		struct dyad_dict_arena_chunk *n = d->arena->next;
		free(d->arena);
		d->arena = n;
	}
	dyad_dict_init(d);
}

char *dyad_dict_relpath(const char *base, const char *name, size_t n)
{
	while (n && is_sp(*name))
		name++, n--;
	while (n && is_sp(name[n - 1]))
		n--;
	const char *slash = strrchr(base, '/');
	struct dyad_buf b = DYAD_BUF_INIT;
	if (n && name[0] == '~' && n > 1 && name[1] == '/' && getenv("HOME")) {
		dyad_buf_adds(&b, getenv("HOME"));
		name++, n--;
	} else if (slash && !(n && name[0] == '/')) {
		dyad_buf_add(&b, base, (size_t)(slash - base) + 1);
	}
	dyad_buf_add(&b, name, n);
	return dyad_buf_detach(&b);
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcasecmp(s + a - b, suf);
}

/* Kind of a file from its name, else from its first 64 KB. */
static enum dyad_dict_file detect(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	/* TABARI names by extension, PETRARCH by a word in the name */
	static const struct {
		const char *s;
		int suffix;
		enum dyad_dict_file kind;
	} names[] = {
		{ ".project", 1, DYAD_DF_TABARI_PROJECT }, { ".options", 1, DYAD_DF_TABARI_OPTIONS },
		{ ".verbs", 1, DYAD_DF_TABARI_VERBS },     { ".actors", 1, DYAD_DF_TABARI_ACTORS },
		{ ".agents", 1, DYAD_DF_TABARI_AGENTS },   { ".ini", 1, DYAD_DF_PETR_CONFIG },
		{ "actors", 0, DYAD_DF_PETR_ACTORS },      { "agents", 0, DYAD_DF_PETR_AGENTS },
		{ "discard", 0, DYAD_DF_PETR_DISCARDS },   { "issue", 0, DYAD_DF_PETR_ISSUES },
		{ "verb", 0, DYAD_DF_PETR_VERBS },         { "CAMEO", 0, DYAD_DF_PETR_VERBS },
	};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(names); i++)
		if (names[i].suffix ? has_suffix(base, names[i].s) : strcasestr(base, names[i].s) != NULL)
			return names[i].kind;
	FILE *f = fopen(path, "rb");
	if (!f)
		return DYAD_DF_AUTO;
	char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (strstr(buf, "[Dictionaries]"))
		return DYAD_DF_PETR_CONFIG;
	if (strstr(buf, "<verbsfile>") || strstr(buf, "<actorsfile>"))
		return DYAD_DF_TABARI_PROJECT;
	if (strstr(buf, "<ISSUE"))
		return DYAD_DF_PETR_ISSUES;
	if (strstr(buf, "\n---") && strstr(buf, "\n- "))
		return DYAD_DF_PETR_VERBS;
	if (strstr(buf, "\n- ") && strchr(buf, '*'))
		return DYAD_DF_TABARI_VERBS;
	if (strstr(buf, "[~") || strstr(buf, "~]"))
		return DYAD_DF_PETR_AGENTS;
	if (strchr(buf, '['))
		return DYAD_DF_PETR_ACTORS;
	return DYAD_DF_AUTO;
}

int dyad_dict_load_file(struct dyad_dict *d, const char *path, enum dyad_dict_file kind,
			struct dyad_err *err)
{
	struct stat st;
	int rc;
	if (kind == DYAD_DF_DYAD_BUILTIN) {
		path = "(built-in dictionaries)";
		rc = dyad_dict_dyad_builtin(d);
		goto loaded;
	}
	if (stat(path, &st) != 0)
		return dyad_error(err, DYAD_EIO, "cannot open '%s': %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode)) {
		/* A folder of dyad's own *.txt dictionaries (docs/dyad-dictionaries.md). */
		rc = dyad_dict_dyad_read(d, path);
		if (rc == DYAD_EINVAL)
			return dyad_error(err, DYAD_EINVAL,
					  "'%s': not a TABARI project or PETRARCH config, no dyad *.txt file",
					  path);
		goto loaded;
	}
	if (kind == DYAD_DF_AUTO)
		kind = detect(path);
	switch (kind) {
	case DYAD_DF_TABARI_PROJECT: rc = dyad_dict_tabari_project(d, path); break;
	case DYAD_DF_TABARI_OPTIONS: rc = dyad_dict_tabari_options(d, path); break;
	case DYAD_DF_TABARI_VERBS: rc = dyad_dict_tabari_verbs(d, path); break;
	case DYAD_DF_TABARI_ACTORS: rc = dyad_dict_read_actors(d, path, DYAD_SYN_TABARI); break;
	case DYAD_DF_TABARI_AGENTS: rc = dyad_dict_read_agents(d, path, DYAD_SYN_TABARI); break;
	case DYAD_DF_PETR_CONFIG: rc = dyad_dict_petr_config(d, path); break;
	case DYAD_DF_PETR_VERBS: rc = dyad_dict_petr_verbs(d, path); break;
	case DYAD_DF_PETR_ACTORS: rc = dyad_dict_read_actors(d, path, DYAD_SYN_PETRARCH); break;
	case DYAD_DF_PETR_AGENTS: rc = dyad_dict_read_agents(d, path, DYAD_SYN_PETRARCH); break;
	case DYAD_DF_PETR_DISCARDS: rc = dyad_dict_petr_discards(d, path); break;
	case DYAD_DF_PETR_ISSUES: rc = dyad_dict_petr_issues(d, path); break;
	case DYAD_DF_DYAD: rc = dyad_dict_dyad_read(d, path); break;
	default:
		return dyad_error(err, DYAD_EINVAL, "'%s': cannot tell which kind of dictionary", path);
	}
loaded:
	if (rc == DYAD_OK && d->oom)
		rc = DYAD_ENOMEM;
	if (rc == DYAD_OK)
		rc = dict_index(d);
	if (rc == DYAD_ENOMEM)
		return dyad_error(err, rc, "out of memory reading '%s'", path);
	if (rc != DYAD_OK)
		return dyad_error(err, rc, "cannot read '%s'", path);
	return DYAD_OK;
}

int dyad_dict_load(struct dyad_dict *d, const char *path, struct dyad_err *err)
{
	return dyad_dict_load_file(d, path, DYAD_DF_AUTO, err);
}
