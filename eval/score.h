/* Scorers and file helpers shared by the evaluation programs: the
 * scrapinghub word-4-gram shingle scorer, snippet matching, reading (gzip)
 * files from the shared reference data. */
#ifndef DYAD_EVAL_SCORE_H
#define DYAD_EVAL_SCORE_H

#include <stdbool.h>
#include <stddef.h>

/* Shingle counts of one page, normalised so tp + fp + fn = 1 (all 0 when
 * both texts have no tokens), as the scrapinghub benchmark's evaluate.py
 * computes them: tokens are runs of Unicode letters, digits and '_'
 * (Python's \w, case kept), shingles are 4 consecutive tokens (a text with
 * fewer than 4 tokens is one shingle), counted as a multiset. NULL texts
 * count as "". */
void dyad_score_shingle_counts(const char *truth, const char *pred, double *tp,
			       double *fp, double *fn);

/* Precision and recall of one page from the counts above; each is set to
 * -1 when evaluate.py would leave the page out of that mean (no predicted
 * shingles for precision, no true shingles for recall). */
void dyad_score_shingles(const char *truth, const char *pred, double *precision,
			 double *recall);

/* Macro-average over pages: add each page, then read P, R and F1 = 2PR/(P+R)
 * of the means (the benchmark's way). Zero-initialise before use. */
struct dyad_score_acc {
	double psum, rsum;  /* sums of per-page precision and recall */
	long pn, rn;        /* pages counted in each mean */
	long pages;         /* pages added */
};
void dyad_score_acc_add(struct dyad_score_acc *a, const char *truth, const char *pred);
void dyad_score_acc_result(const struct dyad_score_acc *a, double *precision,
			   double *recall, double *f1);

/* Collapse every run of white space (ASCII and U+00A0) in s[0..n) to one
 * space and trim; returns a malloc()ed string (caller frees) or NULL when
 * memory is out. Used for snippet and title comparison. */
char *dyad_score_norm_ws(const char *s, size_t n);

/* Read a whole file, transparently gunzipping it (zlib reads plain files
 * too). Returns a malloc()ed NUL-terminated buffer (caller frees) and its
 * length in *len, or NULL when the file cannot be read. */
char *dyad_score_read_file(const char *path, size_t *len);

/* The shared reference data folder: $DYAD_SHARED_DATA, else
 * "../shared/data". Returns a static string. */
const char *dyad_score_data_dir(void);

/* True when the path exists and is a directory. */
bool dyad_score_is_dir(const char *path);

/* Milliseconds of a monotonic clock, for timing figures. */
double dyad_score_now_ms(void);

#endif
