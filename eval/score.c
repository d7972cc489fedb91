/* Scorers shared by the evaluation programs (see score.h): a C port of the
 * scrapinghub article-extraction-benchmark shingle metric, white-space
 * normalisation, gzip file reading and the reference data location. */
#include "score.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>
#include <zlib.h>

#include "buf.h"
#include "dyad_int.h"
#include "html_int.h"

/* Python's \w: Unicode letters and numbers (categories L* and N*) and '_'. */
static bool is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z') || cp == '_';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

/* Hashes of the token 4-gram shingles of s, sorted; *count set. NULL with
 * *count 0 when there are none (or memory is out, which only an evaluation
 * run can hit and which then scores as an empty text). */
static uint64_t *shingles(const char *s, size_t *count)
{
	*count = 0;
	if (!s)
		return NULL;
	size_t n = strlen(s), ntok = 0, cap = 64;
	uint64_t *tok = malloc(cap * sizeof *tok);
	if (!tok)
		return NULL;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (l <= 0) {
			i++;
			continue;
		}
		if (!is_word_cp(cp)) {
			i += (size_t)l;
			continue;
		}
		size_t start = i;
		while (i < n) {
			l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					     (utf8proc_ssize_t)(n - i), &cp);
			if (l <= 0 || !is_word_cp(cp))
				break;
			i += (size_t)l;
		}
		if (ntok == cap) {
			uint64_t *t = realloc(tok, 2 * cap * sizeof *tok);
			if (!t) {
				free(tok);
				return NULL;
			}
			tok = t;
			cap *= 2;
		}
		tok[ntok++] = dyad_hash64(s + start, i - start, 0x9e3779b97f4a7c15ULL);
	}
	if (ntok == 0) {
		free(tok);
		return NULL;
	}
	size_t ns = ntok >= 4 ? ntok - 3 : 1, w = ntok >= 4 ? 4 : ntok;
	uint64_t *sh = malloc(ns * sizeof *sh);
	if (!sh) {
		free(tok);
		return NULL;
	}
	for (size_t k = 0; k < ns; k++) {
		uint64_t h = 1469598103934665603ULL;
		for (size_t j = 0; j < w; j++)
			h = (h ^ tok[k + j]) * 1099511628211ULL + j;
		sh[k] = h;
	}
	free(tok);
	*count = ns;
	return sh;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

void dyad_score_shingle_counts(const char *truth, const char *pred, double *tp,
			       double *fp, double *fn)
{
	size_t nt, np;
	uint64_t *t = shingles(truth, &nt), *p = shingles(pred, &np);
	if (nt)
		qsort(t, nt, sizeof *t, cmp_u64);
	if (np)
		qsort(p, np, sizeof *p, cmp_u64);
	/* Multiset intersection of two sorted lists. */
	size_t i = 0, j = 0, common = 0;
	while (i < nt && j < np) {
		if (t[i] == p[j]) {
			common++;
			i++;
			j++;
		} else if (t[i] < p[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(t);
	free(p);
	double a = (double)common, b = (double)(np - common), c = (double)(nt - common);
	double s = a + b + c;
	if (s > 0) {
		a /= s;
		b /= s;
		c /= s;
	}
	*tp = a;
	*fp = b;
	*fn = c;
}

void dyad_score_shingles(const char *truth, const char *pred, double *precision,
			 double *recall)
{
	double tp, fp, fn;
	dyad_score_shingle_counts(truth, pred, &tp, &fp, &fn);
	/* evaluate.py's precision_score / recall_score and its mean filters. */
	if (tp + fp > 0)
		*precision = (fp == 0 && fn == 0) ? 1.0 : tp / (tp + fp);
	else
		*precision = -1;
	if (tp + fn > 0)
		*recall = (fp == 0 && fn == 0) ? 1.0 : tp / (tp + fn);
	else
		*recall = -1;
}

void dyad_score_acc_add(struct dyad_score_acc *a, const char *truth, const char *pred)
{
	double p, r;
	dyad_score_shingles(truth, pred, &p, &r);
	a->pages++;
	if (p >= 0) {
		a->psum += p;
		a->pn++;
	}
	if (r >= 0) {
		a->rsum += r;
		a->rn++;
	}
}

void dyad_score_acc_result(const struct dyad_score_acc *a, double *precision,
			   double *recall, double *f1)
{
	double p = a->pn ? a->psum / (double)a->pn : 0;
	double r = a->rn ? a->rsum / (double)a->rn : 0;
	*precision = p;
	*recall = r;
	*f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
}

char *dyad_score_norm_ws(const char *s, size_t n)
{
	/* The extractor's own collapsing, so both sides agree on what a space is. */
	struct dyad_buf b = DYAD_BUF_INIT;
	if (dyad_html_add_collapsed(&b, s, n)) {
		dyad_buf_release(&b);
		return NULL;
	}
	dyad_buf_rtrim(&b);
	size_t lead = b.len && b.data[0] == ' ';
	char *out = dyad_strndup(b.data + lead, b.len - lead);
	dyad_buf_release(&b);
	return out;
}

char *dyad_score_read_file(const char *path, size_t *len)
{
	gzFile f = gzopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	while (buf) {
		if (n == cap) {
			char *b = realloc(buf, 2 * cap + 1);
			if (!b) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = b;
			cap *= 2;
		}
		int r = gzread(f, buf + n, (unsigned)(cap - n));
		if (r < 0) {
			free(buf);
			buf = NULL;
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	gzclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

const char *dyad_score_data_dir(void)
{
	const char *d = getenv("DYAD_SHARED_DATA");
	return d && *d ? d : "../shared/data";
}

bool dyad_score_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

double dyad_score_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}
