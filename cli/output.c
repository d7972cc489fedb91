/* Printing query results (src/query.h) as a terminal table, JSON Lines or
 * CSV, and the option parsing shared by the query commands. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "csv.h"
#include "query.h"

/* ---- Cell text ---------------------------------------------------------- */

static void add_text(struct dyad_buf *b, const json_t *v);

/* An event {source, target, name, goldstein} as "USA>PAK Accuse (-2.0)", a
 * quotation {speaker, quote} as 'speaker: "quote"', other objects as their
 * values joined by spaces. */
static void add_object(struct dyad_buf *b, const json_t *o)
{
	const json_t *src = json_object_get(o, "source"), *tgt = json_object_get(o, "target");
	const json_t *quote = json_object_get(o, "quote");
	if (json_is_string(src) && json_is_string(tgt)) {
		const json_t *name = json_object_get(o, "name"), *g = json_object_get(o, "goldstein");
		dyad_buf_printf(b, "%s>%s %s", json_string_value(src), json_string_value(tgt),
				json_is_string(name) ? json_string_value(name)
						     : json_string_value(json_object_get(o, "code")));
		if (json_is_number(g))
			dyad_buf_printf(b, " (%.1f)", json_number_value(g));
		return;
	}
	if (quote) {
		const json_t *sp = json_object_get(o, "speaker");
		if (json_is_string(sp))
			dyad_buf_printf(b, "%s: ", json_string_value(sp));
		dyad_buf_addc(b, '"');
		add_text(b, quote);
		dyad_buf_addc(b, '"');
		return;
	}
	const char *k;
	const json_t *v;
	bool first = true;
	json_object_foreach((json_t *)o, k, v) {
		if (json_is_null(v))
			continue;
		if (!first)
			dyad_buf_addc(b, ' ');
		first = false;
		add_text(b, v);
	}
}

static void add_text(struct dyad_buf *b, const json_t *v)
{
	size_t i;
	const json_t *x;
	switch (json_typeof(v)) {
	case JSON_STRING: {
		/* one line per row: control characters become spaces */
		const char *s = json_string_value(v);
		for (; *s; s++)
			dyad_buf_addc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
		break;
	}
	case JSON_INTEGER:
		dyad_buf_printf(b, "%lld", (long long)json_integer_value(v));
		break;
	case JSON_REAL: {
		double d = json_real_value(v);
		dyad_buf_printf(b, fabs(d) >= 1000 ? "%.0f" : "%.2f", d);
		break;
	}
	case JSON_TRUE:
		dyad_buf_adds(b, "true");
		break;
	case JSON_FALSE:
		dyad_buf_adds(b, "false");
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, x) {
			if (i)
				dyad_buf_adds(b, "; ");
			add_text(b, x);
		}
		break;
	case JSON_OBJECT:
		add_object(b, v);
		break;
	default:
		break;
	}
}

char *cli_cell_text(const json_t *v)
{
	struct dyad_buf b = DYAD_BUF_INIT;
	if (v)
		add_text(&b, v);
	return dyad_buf_detach(&b);
}

/* ---- Table ------------------------------------------------------------- */

/* Characters (code points) of a UTF-8 string: the terminal width of most
 * news text; wide CJK characters are counted as one. */
static size_t width_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Print s in exactly w columns: cut with "…" when longer, padded. */
static void put_cell(FILE *out, const char *s, size_t w, bool right, bool last)
{
	size_t n = width_of(s);
	if (n > w) {
		size_t keep = w ? w - 1 : 0, i = 0, c = 0;
		for (; s[i]; i++) {
			if (((unsigned char)s[i] & 0xC0) != 0x80 && c++ == keep)
				break;
		}
		fwrite(s, 1, i, out);
		if (w)
			fputs("\u2026", out);
		return;
	}
	if (right)
		for (size_t i = n; i < w; i++)
			fputc(' ', out);
	fputs(s, out);
	if (!right && !last)
		for (size_t i = n; i < w; i++)
			fputc(' ', out);
}

static size_t term_width(FILE *out)
{
	struct winsize ws;
	if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	if (c && atoi(c) >= 20)
		return (size_t)atoi(c);
	return 100;
}

static int print_table(const json_t *res, const char *const *only, FILE *out)
{
	const json_t *rows = json_object_get(res, "rows");
	json_t *cols = json_array();
	size_t j;
	const json_t *c0;
	/* the columns of the result that are also in only (all when NULL) */
	json_array_foreach(json_object_get(res, "columns"), j, c0) {
		bool keep = !only;
		for (const char *const *o = only; o && *o; o++)
			keep = keep || !strcmp(*o, json_string_value(c0));
		if (keep)
			json_array_append(cols, (json_t *)c0);
	}
	size_t nc = json_array_size(cols), nr = json_array_size(rows);
	if (!nc) {
		json_decref(cols);
		return EXIT_OK;
	}
	char **cell = calloc((nr + 1) * nc, sizeof *cell);
	size_t *w = calloc(nc, sizeof *w);
	bool *num = calloc(nc, sizeof *num);
	if (!cell || !w || !num) {
		json_decref(cols);
		free(cell);
		free(w);
		free(num);
		return EXIT_FAIL;
	}
	for (size_t c = 0; c < nc; c++) {
		cell[c] = cli_cell_text(json_array_get(cols, c));
		w[c] = width_of(cell[c]);
		num[c] = true;
	}
	for (size_t r = 0; r < nr; r++) {
		const json_t *row = json_array_get(rows, r);
		for (size_t c = 0; c < nc; c++) {
			const json_t *v =
				json_object_get(row, json_string_value(json_array_get(cols, c)));
			char *t = cell[(r + 1) * nc + c] = cli_cell_text(v);
			if (t && width_of(t) > w[c])
				w[c] = width_of(t);
			if (v && !json_is_number(v) && !json_is_null(v))
				num[c] = false;
		}
	}
	/* Leave out the last columns while even 6 characters each are too
	 * many, then shrink the widest column until the table fits. */
	size_t tw = term_width(out), total, shown = nc;
	for (;;) {
		total = 2 * (shown - 1);
		for (size_t c = 0; c < shown; c++)
			total += w[c] < 6 ? w[c] : 6;
		if (total <= tw || shown == 1)
			break;
		shown--;
	}
	total = 2 * (shown - 1);
	for (size_t c = 0; c < shown; c++)
		total += w[c];
	while (total > tw) {
		size_t m = 0;
		for (size_t c = 1; c < shown; c++)
			if (w[c] > w[m])
				m = c;
		if (w[m] <= 6)
			break;
		w[m]--;
		total--;
	}
	for (size_t r = 0; r <= nr; r++) {
		for (size_t c = 0; c < shown; c++) {
			if (c)
				fputs("  ", out);
			put_cell(out, cell[r * nc + c] ? cell[r * nc + c] : "", w[c], r && num[c],
				 c + 1 == shown);
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < (nr + 1) * nc; i++)
		free(cell[i]);
	free(cell);
	free(w);
	free(num);
	json_decref(cols);
	return EXIT_OK;
}

/* ---- JSON Lines, CSV ---------------------------------------------------- */

static int print_jsonl(const json_t *res, FILE *out)
{
	const json_t *cols = json_object_get(res, "columns"), *rows = json_object_get(res, "rows");
	size_t i, j;
	const json_t *row, *c;
	json_array_foreach(rows, i, row) {
		/* keys in the columns' order, then any others */
		json_t *o = json_object();
		const char *k;
		json_t *v;
		json_array_foreach(cols, j, c) {
			const char *name = json_string_value(c);
			if (name && (v = json_object_get(row, name)))
				json_object_set(o, name, v);
		}
		json_object_foreach((json_t *)row, k, v)
			if (!json_object_get(o, k))
				json_object_set(o, k, v);
		int rc = json_dumpf(o, out, JSON_COMPACT | JSON_REAL_PRECISION(10));
		json_decref(o);
		if (rc)
			return EXIT_FAIL;
		fputc('\n', out);
	}
	return EXIT_OK;
}

static int print_csv(const json_t *res, FILE *out)
{
	const json_t *cols = json_object_get(res, "columns"), *rows = json_object_get(res, "rows");
	size_t i, j;
	const json_t *row, *c;
	json_array_foreach(cols, j, c) {
		if (j)
			fputc(',', out);
		dyad_csv_field(out, json_string_value(c));
	}
	fputs("\r\n", out);
	json_array_foreach(rows, i, row) {
		json_array_foreach(cols, j, c) {
			if (j)
				fputc(',', out);
			const json_t *v = json_object_get(row, json_string_value(c));
			/* nested values (events, quotations) as JSON: exact, parseable */
			char *t = v && (json_is_array(v) || json_is_object(v))
					  ? json_dumps(v, JSON_COMPACT)
					  : cli_cell_text(v);
			if (!t)
				return EXIT_FAIL;
			dyad_csv_field(out, t);
			free(t);
		}
		fputs("\r\n", out);
	}
	return EXIT_OK;
}

int cli_print_result(const json_t *res, enum cli_out format, const char *const *table_cols,
		     FILE *out)
{
	switch (format) {
	case CLI_OUT_TABLE:
		return print_table(res, table_cols, out);
	case CLI_OUT_CSV:
		return print_csv(res, out);
	default:
		return print_jsonl(res, out);
	}
}

/* ---- The query commands ------------------------------------------------- */

#define MAX_PARAMS 40

static bool in_list(const char *const *list, const char *s)
{
	for (; list && *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

int cli_query_main(const struct cli_query *cq, int argc, char **argv)
{
	const char *dbpath = "dyad.db", *fmt = NULL;
	const char *const *names = dyad_query_params(cq->kind);
	struct dyad_param p[MAX_PARAMS];
	size_t np = 0;
	struct dyad_buf words = DYAD_BUF_INIT;
	int status = EXIT_USAGE;
	const char *cur = "";
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		const char *a = cur = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			dyad_buf_release(&words);
			return cli_usage(cq->usage, true);
		}
		if ((v = cli_opt(argv, argc, &i, "--db", &missing))) {
			dbpath = v;
			continue;
		}
		if ((v = cli_opt(argv, argc, &i, "--format", &missing))) {
			fmt = v;
			continue;
		}
		if (missing)
			goto missing;
		if (a[0] == '-' && a[1] == '-' && a[2]) {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			const char *canon = NULL;  /* the static name of the parameter */
			for (const char *const *k = names; *k; k++)
				if (strlen(*k) == n && !strncmp(*k, a + 2, n))
					canon = *k;
			if (!canon || np >= MAX_PARAMS ||
			    (cq->positional && !strcmp(canon, cq->positional)))
				goto bad;
			if (in_list(cq->flags, canon) && !eq) {
				p[np].name = canon;
				p[np++].value = "1";
				continue;
			}
			char opt[80];
			snprintf(opt, sizeof opt, "--%s", canon);
			if (!(v = cli_opt(argv, argc, &i, opt, &missing)))
				goto missing;
			p[np].name = canon;
			p[np++].value = v;
			continue;
		}
		if (!cq->positional || a[0] == '-')
			goto bad;
		if (words.len)
			dyad_buf_addc(&words, ' ');
		dyad_buf_adds(&words, a);
	}
	if (words.len) {
		if (np >= MAX_PARAMS)
			goto bad;
		p[np].name = cq->positional;
		p[np++].value = words.data;
	}
	enum cli_out out = isatty(fileno(stdout)) ? CLI_OUT_TABLE : CLI_OUT_JSON;
	if (fmt) {
		if (!strcmp(fmt, "table"))
			out = CLI_OUT_TABLE;
		else if (!strcmp(fmt, "json") || !strcmp(fmt, "jsonl"))
			out = CLI_OUT_JSON;
		else if (!strcmp(fmt, "csv"))
			out = CLI_OUT_CSV;
		else if (!strcmp(fmt, "html") && cq->html)
			out = CLI_OUT_HTML;
		else {
			cli_error(cq->cmd, "--format: '%s' is not table, json, csv%s", fmt,
				  cq->html ? " or html" : "");
			goto out;
		}
	}
	struct dyad_db *db = cli_open_db(cq->cmd, dbpath, DYAD_DB_READONLY);
	if (!db) {
		status = EXIT_FAIL;
		goto out;
	}
	struct dyad_err err = {0};
	json_t *res = NULL;
	int rc = dyad_query(db, cq->kind, p, np, &res, &err);
	dyad_db_close(db);
	if (rc) {
		cli_error(cq->cmd, "%s", dyad_errmsg(&err));
		status = rc == DYAD_EINVAL ? EXIT_USAGE : EXIT_FAIL;
		goto out;
	}
	status = out == CLI_OUT_HTML ? cq->html(res, stdout) : cli_print_result(res, out, cq->table_cols, stdout);
	if (!status && json_is_true(json_object_get(res, "more")) && out == CLI_OUT_TABLE &&
	    fflush(stdout) == 0)
		fprintf(stderr, "(more: --offset %lld)\n",
			(long long)(json_integer_value(json_object_get(res, "offset")) +
				    json_integer_value(json_object_get(res, "limit"))));
	json_decref(res);
	status = cli_finish(cq->cmd, status);
	goto out;
missing:
	cli_error(cq->cmd, "%s needs a value", cur);
	status = cli_usage(cq->usage, false);
	goto out;
bad:
	cli_error(cq->cmd, "unexpected argument '%s'", cur);
	status = cli_usage(cq->usage, false);
out:
	dyad_buf_release(&words);
	return status;
}
