/* Accuracy of the HTML extractor on the shared reference sets: scrapinghub
 * (body shingles), trafilatura-eval (snippets), htmldate-eval (dates),
 * readability test pages (title, body). Prints figures next to the peers'. */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "dyad_int.h"
#include "html_extract.h"
#include "score.h"

static int verbose;

/* Extract one page; returns the result in x (caller releases). */
static int extract(const char *html, size_t n, const char *url, struct dyad_extract *x)
{
	struct dyad_extract_hints h = {0};
	struct dyad_err err = {0};
	h.url = url;
	*x = (struct dyad_extract){0};
	return dyad_html_extract(html, n, &h, x, &err);
}

static void scrapinghub(const char *data)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/extraction/scrapinghub-aeb", data);
	if (!dyad_score_is_dir(path)) {
		printf("scrapinghub-aeb: skipped (%s absent)\n", path);
		return;
	}
	snprintf(path, sizeof path, "%s/extraction/scrapinghub-aeb/ground-truth.json", data);
	json_t *gt = json_load_file(path, 0, NULL);
	if (!gt) {
		printf("scrapinghub-aeb: skipped (cannot read ground-truth.json)\n");
		return;
	}
	struct dyad_score_acc acc = {0};
	double ms = 0;
	const char *id;
	json_t *v;
	json_object_foreach(gt, id, v) {
		const char *truth = json_string_value(json_object_get(v, "articleBody"));
		const char *url = json_string_value(json_object_get(v, "url"));
		snprintf(path, sizeof path, "%s/extraction/scrapinghub-aeb/html/%s.html.gz", data, id);
		size_t n;
		char *html = dyad_score_read_file(path, &n);
		struct dyad_extract x = {0};
		if (html) {
			double t0 = dyad_score_now_ms();
			extract(html, n, url, &x);
			ms += dyad_score_now_ms() - t0;
		}
		dyad_score_acc_add(&acc, truth, x.text);
		if (verbose) {
			double p, r;
			dyad_score_shingles(truth, x.text, &p, &r);
			printf("  %s P=%.3f R=%.3f %s\n", id, p, r, url ? url : "");
		}
		dyad_extract_release(&x);
		free(html);
	}
	double p, r, f1;
	dyad_score_acc_result(&acc, &p, &r, &f1);
	printf("scrapinghub-aeb (%ld pages): dyad P=%.3f R=%.3f F1=%.3f (bar 0.930)\n",
	       acc.pages, p, r, f1);
	printf("  time per page (parse+extract): %.2f ms\n", acc.pages ? ms / (double)acc.pages : 0);
	static const char *peers[][2] = {
		{"rs_trafilatura", "0.970"}, {"go_trafilatura", "0.960"},
		{"trafilatura", "0.958"},    {"readability_js", "0.947"},
	};
	for (size_t k = 0; k < sizeof peers / sizeof peers[0]; k++) {
		snprintf(path, sizeof path,
			 "%s/extraction/scrapinghub-aeb/reference-outputs/%s.json", data, peers[k][0]);
		json_t *ref = json_load_file(path, 0, NULL);
		json_t *out = ref ? json_object_get(ref, "output") : NULL;
		if (!out) {
			json_decref(ref);
			continue;
		}
		struct dyad_score_acc a = {0};
		json_object_foreach(gt, id, v) {
			const char *truth = json_string_value(json_object_get(v, "articleBody"));
			const char *pred = json_string_value(
				json_object_get(json_object_get(out, id), "articleBody"));
			dyad_score_acc_add(&a, truth, pred);
		}
		dyad_score_acc_result(&a, &p, &r, &f1);
		printf("  peer %-15s P=%.3f R=%.3f F1=%.3f (published F1 %s)\n", peers[k][0], p,
		       r, f1, peers[k][1]);
		json_decref(ref);
	}
	json_decref(gt);
}

/* Whether the normalised snippet occurs in the normalised text. */
static bool has_snippet(const char *text, const char *snip)
{
	char *s = dyad_score_norm_ws(snip, strlen(snip));
	bool found = s && *s && text && strstr(text, s) != NULL;
	free(s);
	return found;
}

static char *find_page(const char *data, const char *set, const char *file)
{
	static const char *dirs[] = {"cache", "eval", "test_set"};
	char path[4096];
	for (size_t k = 0; k < sizeof dirs / sizeof dirs[0]; k++) {
		snprintf(path, sizeof path, "%s/extraction/%s/%s/%s.gz", data, set, dirs[k], file);
		FILE *f = fopen(path, "rb");
		if (f) {
			fclose(f);
			return strdup(path);
		}
		snprintf(path, sizeof path, "%s/extraction/%s/%s/%s", data, set, dirs[k], file);
		f = fopen(path, "rb");
		if (f) {
			fclose(f);
			return strdup(path);
		}
	}
	return NULL;
}

static void trafilatura(const char *data)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/extraction/trafilatura-eval/evaldata.json", data);
	json_t *ev = json_load_file(path, 0, NULL);
	if (!ev) {
		printf("trafilatura-eval: skipped (%s absent)\n", path);
		return;
	}
	long tp = 0, fp = 0, fn = 0, tn = 0, pages = 0, missing = 0;
	const char *url;
	json_t *v;
	json_object_foreach(ev, url, v) {
		const char *file = json_string_value(json_object_get(v, "file"));
		char *p = file ? find_page(data, "trafilatura-eval", file) : NULL;
		size_t n;
		char *html = p ? dyad_score_read_file(p, &n) : NULL;
		free(p);
		if (!html) {
			missing++;
			continue;
		}
		pages++;
		struct dyad_extract x = {0};
		extract(html, n, url, &x);
		char *text = x.text ? dyad_score_norm_ws(x.text, strlen(x.text)) : NULL;
		size_t i;
		json_t *s;
		long ptp = 0, pfn = 0, pfp = 0;
		json_array_foreach(json_object_get(v, "with"), i, s) {
			if (has_snippet(text, json_string_value(s)))
				ptp++;
			else
				pfn++;
		}
		json_array_foreach(json_object_get(v, "without"), i, s) {
			if (has_snippet(text, json_string_value(s)))
				pfp++;
			else
				tn++;
		}
		if (verbose && (pfn || pfp))
			printf("  %s fn=%ld fp=%ld %s\n", file, pfn, pfp, url);
		tp += ptp;
		fn += pfn;
		fp += pfp;
		free(text);
		dyad_extract_release(&x);
		free(html);
	}
	double p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	double r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
	printf("trafilatura-eval (%ld pages, %ld missing): dyad P=%.3f R=%.3f F1=%.3f "
	       "(bar 0.900; trafilatura 0.924, jusText 0.862, readability-lxml 0.826)\n",
	       pages, missing, p, r, f1);
	json_decref(ev);
}

/* Date accuracy over one htmldate-eval json file; adds to *ok and *total. */
static void htmldate_file(const char *data, const char *name, json_t *index, long *ok,
			  long *total)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/extraction/htmldate-eval/%s", data, name);
	/* The files are Python's json: "date": NaN marks a page without a date. */
	size_t jl;
	char *js = dyad_score_read_file(path, &jl);
	for (char *p = js; p && (p = strstr(p, ": NaN")) != NULL; p += 5)
		memcpy(p, ": 0  ", 5);
	json_t *ev = js ? json_loadb(js, jl, 0, NULL) : NULL;
	free(js);
	if (!ev) {
		printf("htmldate-eval %s: skipped (absent)\n", name);
		return;
	}
	long good = 0, n = 0, missing = 0, none = 0;
	static const char *const srcs[] = {"url", "json-ld", "meta", "time", "byline", "text"};
	long by_src[DYAD_ARRAY_LEN(srcs)][2] = {{0}};
	const char *url;
	json_t *v;
	json_object_foreach(ev, url, v) {
		const char *file = json_string_value(json_object_get(v, "file"));
		const char *want = json_string_value(json_object_get(v, "date"));
		const char *rel = file ? json_string_value(json_object_get(index, file)) : NULL;
		char *html = NULL;
		size_t len;
		if (rel) {
			snprintf(path, sizeof path, "%s/extraction/htmldate-eval/%s", data, rel);
			html = dyad_score_read_file(path, &len);
		}
		if (!html) {
			missing++;
			continue;
		}
		n++;
		struct dyad_extract x = {0};
		extract(html, len, url, &x);
		if (!x.published)
			none++;
		bool hit = (x.published && want && strcmp(x.published, want) == 0) ||
			   (!x.published && !want);
		for (size_t k = 0; x.date_source && k < DYAD_ARRAY_LEN(srcs); k++)
			if (strcmp(x.date_source, srcs[k]) == 0) {
				by_src[k][0]++;
				by_src[k][1] += hit;
			}
		if (hit)
			good++;
		else if (verbose)
			printf("  %s want %s got %s (%s) %s\n", file, want ? want : "-",
			       x.published ? x.published : "-",
			       x.date_source ? x.date_source : "-", url);
		dyad_extract_release(&x);
		free(html);
	}
	printf("htmldate-eval %s (%ld pages, %ld missing, %ld without date): accuracy %.3f\n",
	       name, n, missing, none, n ? (double)good / (double)n : 0);
	printf("  right/used by source:");
	for (size_t k = 0; k < DYAD_ARRAY_LEN(srcs); k++)
		printf(" %s %ld/%ld", srcs[k], by_src[k][1], by_src[k][0]);
	printf("\n");
	*ok += good;
	*total += n;
	json_decref(ev);
}

static void htmldate(const char *data)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/extraction/htmldate-eval/file-index.tsv", data);
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("htmldate-eval: skipped (%s absent)\n", path);
		return;
	}
	/* file-index.tsv: eval_json, file, path relative to htmldate-eval. Files
	 * of both json lists share names rarely; key by "json\tfile" would be
	 * exact but the lists do not overlap in file names. */
	json_t *index = json_object();
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t2)
			continue;
		*t2 = '\0';
		json_object_set_new(index, t1 + 1, json_string(t2 + 1));
	}
	fclose(f);
	long ok = 0, total = 0;
	htmldate_file(data, "eval_default.json", index, &ok, &total);
	htmldate_file(data, "eval_mediacloud_2020.json", index, &ok, &total);
	printf("htmldate-eval combined (%ld pages): dyad accuracy %.3f (bar 0.850; htmldate "
	       "extensive 0.903, fast 0.861, newspaper4k 0.680)\n",
	       total, total ? (double)ok / (double)total : 0);
	json_decref(index);
}

/* Visible text of expected.html, paragraphs on their own lines. */
static char *html_text(const char *html, size_t n)
{
	char *out = NULL;
	size_t len;
	struct dyad_err err = {0};
	if (dyad_html_to_text(html, n, "utf-8", &out, &len, &err) != DYAD_OK)
		return NULL;
	return out;
}

static void readability(const char *data)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/extraction/readability-test-pages", data);
	if (!dyad_score_is_dir(path)) {
		printf("readability-test-pages: skipped (%s absent)\n", path);
		return;
	}
	DIR *ls = opendir(path);
	if (!ls)
		return;
	long pages = 0, titled = 0, title_ok = 0;
	struct dyad_score_acc acc = {0};
	struct dirent *de;
	while ((de = readdir(ls)) != NULL) {
		const char *name = de->d_name;
		if (name[0] == '.')
			continue;
		char dir[2048];
		snprintf(dir, sizeof dir, "%s/extraction/readability-test-pages/%s", data, name);
		if (!dyad_score_is_dir(dir))
			continue;
		snprintf(path, sizeof path, "%s/source.html.gz", dir);
		size_t n;
		char *html = dyad_score_read_file(path, &n);
		if (!html) {
			snprintf(path, sizeof path, "%s/source.html", dir);
			html = dyad_score_read_file(path, &n);
		}
		if (!html)
			continue;
		pages++;
		struct dyad_extract x = {0};
		extract(html, n, NULL, &x);
		snprintf(path, sizeof path, "%s/expected-metadata.json", dir);
		json_t *meta = json_load_file(path, 0, NULL);
		const char *want = json_string_value(json_object_get(meta, "title"));
		if (want && *want) {
			titled++;
			char *a = dyad_score_norm_ws(want, strlen(want));
			char *b = x.title ? dyad_score_norm_ws(x.title, strlen(x.title)) : NULL;
			if (a && b && strcmp(a, b) == 0)
				title_ok++;
			else if (verbose)
				printf("  title %s: want '%s' got '%s'\n", name, a, b ? b : "-");
			free(a);
			free(b);
		}
		json_decref(meta);
		snprintf(path, sizeof path, "%s/expected.html", dir);
		size_t en;
		char *exp = dyad_score_read_file(path, &en);
		char *etext = exp ? html_text(exp, en) : NULL;
		if (etext)
			dyad_score_acc_add(&acc, etext, x.text);
		free(etext);
		free(exp);
		dyad_extract_release(&x);
		free(html);
	}
	closedir(ls);
	double p, r, f1;
	dyad_score_acc_result(&acc, &p, &r, &f1);
	printf("readability-test-pages (%ld pages): title exact %.3f (%ld/%ld); body P=%.3f "
	       "R=%.3f F1=%.3f\n",
	       pages, titled ? (double)title_ok / (double)titled : 0, title_ok, titled, p, r, f1);
}

int main(int argc, char **argv)
{
	const char *only = NULL;
	dyad_use_html_arena();  /* as the dyad command extracts */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else
			only = argv[i];
	}
	const char *data = dyad_score_data_dir();
	if (!dyad_score_is_dir(data)) {
		printf("eval_extract: skipped (no reference data at %s)\n", data);
		return 0;
	}
	if (!only || strcmp(only, "scrapinghub") == 0)
		scrapinghub(data);
	if (!only || strcmp(only, "trafilatura") == 0)
		trafilatura(data);
	if (!only || strcmp(only, "htmldate") == 0)
		htmldate(data);
	if (!only || strcmp(only, "readability") == 0)
		readability(data);
	return 0;
}
