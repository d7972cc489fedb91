/* Tests for src/dict_dyad.c and src/dict_builtin.c: each construct of the
 * dyad dictionary format on fixtures written here, broken lines reported
 * with file and line, and spot checks of the built-in dictionaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dict.h"
#include "dict_builtin.h"
#include "test_helpers.h"

/* Split a copy of sentence at spaces: orig keeps the case, fold is upper case. */
struct sent {
	char buf[512], fbuf[2048];
	const char *orig[48], *fold[48];
	size_t n;
};

static void sent_init(struct sent *s, const char *text)
{
	snprintf(s->buf, sizeof s->buf, "%s", text);
	s->n = 0;
	size_t fo = 0;
	for (char *p = strtok(s->buf, " "); p && s->n < 48; p = strtok(NULL, " ")) {
		s->orig[s->n] = p;
		size_t k = dyad_dict_fold(p, strlen(p), s->fbuf + fo, sizeof s->fbuf - fo);
		s->fold[s->n++] = s->fbuf + fo;
		fo += k + 1;
	}
}

/* Code of the actor starting the sentence on date; "" no match, "(case)"
 * matched only against the case rule, "(none)" no code. */
static const char *actor(const struct dyad_dict *d, const char *text, int32_t date)
{
	static char out[64];
	struct sent s;
	sent_init(&s, text);
	struct dyad_dict_match m;
	if (!dyad_dict_actor_match(d, s.fold, s.n, 0, date, &m))
		return "";
	if (!dyad_dict_case_ok(d, DYAD_DK_ACTOR, &m, s.orig))
		return "(case)";
	const char *c = m.code ? m.code : dyad_dict_actor_code(d, m.entry->id, date);
	snprintf(out, sizeof out, "%s", c ? c : "(none)");
	return out;
}

static const char *agent(const struct dyad_dict *d, const char *text, size_t pos)
{
	struct sent s;
	sent_init(&s, text);
	struct dyad_dict_match m;
	if (!dyad_dict_agent_match(d, s.fold, s.n, pos, &m))
		return "";
	return m.code;
}

/* Code of the verb at token pos, "" when none. */
static const char *verb(const struct dyad_dict *d, const char *text, size_t pos)
{
	static char out[32];
	struct sent s;
	sent_init(&s, text);
	struct dyad_dict_match m;
	const struct dyad_dict_verb *v;
	if (!dyad_dict_verb_match(d, s.fold, s.n, pos, &m, &v))
		return "";
	snprintf(out, sizeof out, "%s", v->code);
	return out;
}

static void load_text(struct dyad_dict *d, const char *text)
{
	char *path = tmp_file(".txt", text, strlen(text), 0);
	struct dyad_err err;
	dyad_dict_init(d);
	assert_int_equal(dyad_dict_load_file(d, path, DYAD_DF_DYAD, &err), DYAD_OK);
	tmp_remove(path);
}

static const char fixture[] =
	"# a comment\n"
	"country FRD  Freedonia   # trailing comment\n"
	"  names      Republic of Freedonia; FRD\n"
	"  adjective  Freedonian\n"
	"  demonym    Freedonians\n"
	"  capital    Fredville\n"
	"  institution  Palace = GOV; Secret Bureau = SPY\n"
	"person FRD  Rufus Firefly\n"
	"  names      Rufus T. Firefly; Firefly\n"
	"  role       FRDGOV 1933-01-01..1933-12-31  leader\n"
	"  role       FRDMIL 1934-03..1934-04        month precision\n"
	"person -  Nobody Special\n"
	"group FRDINS  Sylvanian Front\n"
	"  code       FRDINS ..1935-06-30\n"
	"  code       FRDGOV 1935-07-01..\n"
	"agent GOV  government\n"
	"  words      government; spokesman (spokesmen); police ()\n"
	"verb 112  Accuse\n"
	"  verbs      accuse; blame; call off; seek {sought}; stop; commit; deny; up +end\n"
	"  pattern    * + of corruption = 1121\n";

static void test_constructs(void **state)
{
	(void)state;
	struct dyad_dict d;
	load_text(&d, fixture);
	assert_int_equal(d.diags.n, 0);
	assert_string_equal(actor(&d, "Freedonia", 0), "FRD");
	assert_string_equal(actor(&d, "Republic of Freedonia", 0), "FRD");
	assert_string_equal(actor(&d, "Freedonians", 0), "FRD");
	assert_string_equal(actor(&d, "FRD", 0), "FRD");
	assert_string_equal(actor(&d, "Frd", 0), "(case)");
	assert_string_equal(actor(&d, "Fredville", 0), "FRDGOV");
	assert_string_equal(actor(&d, "Secret Bureau", 0), "FRDSPY");
	assert_string_equal(actor(&d, "the Secret Bureau", 0), "FRDSPY");
	assert_string_equal(actor(&d, "the Freedonia", 0), "");
	assert_string_equal(actor(&d, "Firefly", 19330601), "FRDGOV");
	assert_string_equal(actor(&d, "Rufus T. Firefly", 19340415), "FRDMIL");
	assert_string_equal(actor(&d, "Firefly", 19340501), "FRDELI");
	assert_string_equal(actor(&d, "Firefly", 19340301), "FRDMIL");
	assert_string_equal(actor(&d, "Nobody Special", 0), "(none)");
	assert_string_equal(actor(&d, "Sylvanian Front", 19350630), "FRDINS");
	assert_string_equal(actor(&d, "Sylvanian Front", 19350701), "FRDGOV");
	assert_string_equal(actor(&d, "Sylvanian Front", 0), "FRDINS");
	assert_string_equal(agent(&d, "the spokesmen", 1), "GOV");
	assert_string_equal(agent(&d, "governments", 0), "GOV");
	assert_string_equal(agent(&d, "police", 0), "GOV");
	assert_string_equal(agent(&d, "polices", 0), "");
	const char *forms[] = { "accuse", "accuses", "accused", "accusing", "blamed", "sought",
				"seeks", "seeking", "stopped", "stopping", "committed", "denied",
				"denies", "denying" };
	for (size_t i = 0; i < DYAD_ARRAY_LEN(forms); i++)
		assert_string_equal(verb(&d, forms[i], 0), "112");
	assert_string_equal(verb(&d, "seeked", 0), "");
	assert_string_equal(verb(&d, "they called off", 1), "112");
	assert_string_equal(verb(&d, "called", 0), "");
	assert_string_equal(verb(&d, "they up ended", 2), "112");
	assert_int_equal(d.patterns.n, 1);
	const struct dyad_dict_pattern *p = d.patterns.a;
	assert_string_equal(p->code, "1121");
	assert_int_equal(p->ph.n, 4);
	assert_int_equal(p->ph.tok[0].kind, DYAD_TK_VERB);
	assert_int_equal(p->ph.tok[1].kind, DYAD_TK_TARGET);
	assert_string_equal(p->ph.tok[2].str, "OF");
	dyad_dict_release(&d);
}

static void test_broken_lines(void **state)
{
	(void)state;
	struct dyad_dict d;
	load_text(&d,
		  "country frd  Lowercase code\n"         /* 1: bad code */
		  "  names  Skipped with its block\n"      /* 2: silent */
		  "country FRD  Freedonia\n"               /* 3 */
		  "  role  FRDGOV 1933-02-30..  bad day\n" /* 4 */
		  "  role  FRDGOV 1933  no range\n"        /* 5 */
		  "  colour  blue\n"                       /* 6: unknown field */
		  "planet X  Mars\n"                       /* 7: unknown block */
		  "verb 010  Say\n"                        /* 8 */
		  "  pattern  * + nothing\n"               /* 9: no code */
		  "  pattern  + * * = 010\n"               /* 10: two verbs */
		  "  verbs  say {said\n"                   /* 11 */
		  "  verbs  say {said}\n"                  /* 12: fine */
		  "agent GOV  government\n"                /* 13 */
		  "  words  spokesman (spokesmen\n"        /* 14 */
		  "  names  wrong field\n");               /* 15 */
	uint32_t want[] = { 1, 4, 5, 6, 7, 9, 10, 11, 14, 15 };
	assert_int_equal(d.diags.n, DYAD_ARRAY_LEN(want));
	const struct dyad_dict_diag *g = d.diags.a;
	for (size_t i = 0; i < DYAD_ARRAY_LEN(want); i++) {
		assert_int_equal(g[i].line, want[i]);
		assert_int_equal(g[i].sev, DYAD_DIAG_ERROR);
		assert_non_null(strstr(g[i].file, "dyad-test-"));
	}
	assert_string_equal(actor(&d, "Freedonia", 19330301), "FRD");
	assert_string_equal(actor(&d, "Skipped with its block", 0), "");
	assert_string_equal(verb(&d, "said", 0), "010");
	dyad_dict_release(&d);
}

static void test_folder(void **state)
{
	(void)state;
	char dir[] = "/tmp/dyad-dict-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct dyad_dict d;
	struct dyad_err err;
	dyad_dict_init(&d);
	/* An empty folder is still refused. */
	assert_int_equal(dyad_dict_load(&d, dir, &err), DYAD_EINVAL);
	/* A *.txt file of another format is not taken for dyad's. */
	char path[128], other[128];
	snprintf(other, sizeof other, "%s/CAMEO.txt", dir);
	FILE *f = fopen(other, "w");
	fputs("--- ABANDON [---] ---\nABANDON\n", f);
	fclose(f);
	assert_int_equal(dyad_dict_load(&d, dir, &err), DYAD_EINVAL);
	snprintf(path, sizeof path, "%s/a.txt", dir);
	f = fopen(path, "w");
	fputs("# Freedonia\n\ncountry FRD  Freedonia\n", f);
	fclose(f);
	assert_int_equal(dyad_dict_load(&d, dir, &err), DYAD_OK);
	assert_string_equal(actor(&d, "Freedonia", 0), "FRD");
	assert_int_equal(d.diags.n, 0);
	unlink(path);
	unlink(other);
	rmdir(dir);
	dyad_dict_release(&d);
}

static struct dyad_dict builtin;
static double builtin_ms;

static int builtin_setup(void **state)
{
	(void)state;
	struct dyad_err err;
	struct timespec a, b;
	dyad_dict_init(&builtin);
	clock_gettime(CLOCK_MONOTONIC, &a);
	int rc = dyad_dict_load_builtin(&builtin, &err);
	clock_gettime(CLOCK_MONOTONIC, &b);
	builtin_ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	return rc == DYAD_OK ? 0 : -1;
}

static int builtin_teardown(void **state)
{
	(void)state;
	dyad_dict_release(&builtin);
	return 0;
}

static void test_builtin_clean(void **state)
{
	(void)state;
	const struct dyad_dict_diag *g = builtin.diags.a;
	for (size_t i = 0; i < builtin.diags.n; i++)
		fprintf(stderr, "%s:%u: %s\n", g[i].file, g[i].line, g[i].msg);
	assert_int_equal(builtin.diags.n, 0);
	size_t nfiles;
	dyad_dict_builtin_files(&nfiles);
	/* A figure, not a test: timing depends on the machine and sanitizers. */
	printf("# built-in dictionaries: %zu files, %zu actors, %zu actor phrases, %zu agents, "
	       "%zu verb blocks, %zu verb forms, %zu patterns, loaded in %.1f ms\n",
	       nfiles, builtin.actors.n, dyad_dict_count(&builtin, DYAD_DK_ACTOR),
	       builtin.agents.n, builtin.blocks.n, dyad_dict_count(&builtin, DYAD_DK_VERB),
	       builtin.patterns.n, builtin_ms);
}

static void test_builtin_spots(void **state)
{
	(void)state;
	const struct dyad_dict *d = &builtin;
	assert_string_equal(actor(d, "Antony Blinken", 20220501), "USAGOV");
	assert_string_not_equal(actor(d, "Antony Blinken", 20190501), "USAGOV");
	assert_string_equal(actor(d, "Blinken", 20220501), "USAGOV");
	assert_string_equal(actor(d, "Taliban", 20200101), "AFGINS");
	assert_string_equal(actor(d, "Taliban", 20220101), "AFGGOV");
	assert_string_equal(actor(d, "the Pentagon", 0), "USAMIL");
	assert_string_equal(actor(d, "Pentagon", 0), "USAMIL");
	assert_string_equal(actor(d, "Kremlin", 0), "RUSGOV");
	assert_string_equal(actor(d, "Downing Street", 0), "GBRGOV");
	assert_string_equal(actor(d, "Moscow", 0), "RUSGOV");
	assert_string_equal(actor(d, "Pakistani army", 0), "PAK");
	assert_string_equal(agent(d, "Pakistani army", 1), "MIL");
	assert_string_equal(actor(d, "US", 0), "USA");
	assert_string_equal(actor(d, "us", 0), "(case)");
	assert_string_equal(actor(d, "United States", 0), "USA");
	assert_string_equal(actor(d, "UN", 0), "IGOUNO");
	assert_string_equal(actor(d, "un", 0), "(case)");
	assert_string_equal(actor(d, "TTP", 20230101), "PAKINS");
	assert_string_equal(actor(d, "NATO", 0), "IGOWSTNAT");
	assert_string_equal(actor(d, "Nato", 0), "IGOWSTNAT");
	assert_string_equal(actor(d, "Imran Khan", 20200101), "PAKGOV");
	assert_string_equal(actor(d, "Asim Munir", 20240101), "PAKMIL");
	assert_string_equal(actor(d, "Narendra Modi", 20200101), "INDGOV");
	assert_string_equal(actor(d, "Vladimir Putin", 20100101), "RUSGOV");
	assert_string_equal(verb(d, "sought", 0), "020");
	assert_string_equal(verb(d, "accused", 0), "112");
	assert_string_equal(verb(d, "killed", 0), "190");
	/* every CAMEO root has a verb */
	char seen[21] = { 0 };
	const struct dyad_dict_verb *v = d->verbs.a;
	for (size_t i = 0; i < d->verbs.n; i++) {
		int root = (v[i].code[0] - '0') * 10 + (v[i].code[1] - '0');
		if (root >= 1 && root <= 20)
			seen[root] = 1;
	}
	for (int r = 1; r <= 20; r++)
		assert_true(seen[r]);
}

/* Place of the sentence's first words: its country code, "" when none. */
static const char *place(const struct dyad_dict *d, const char *text)
{
	struct sent s;
	sent_init(&s, text);
	struct dyad_dict_match m;
	if (!dyad_dict_match(d, DYAD_DK_PLACE, s.fold, s.n, 0, &m))
		return "";
	const char *const *cc = d->places.a;
	return m.entry->id < d->places.n ? cc[m.entry->id] : "(bad id)";
}

/* "place" blocks and the capitals of countries are places (never actors). */
static void test_places(void **state)
{
	(void)state;
	struct dyad_dict d;
	load_text(&d, "country FRD  Freedonia\n"
		      "  capital    Fredville; Old Fredville\n"
		      "place FRD  Torkhamia\n"
		      "  names    Torkhamia Crossing; Tork\n"
		      "  capital  Nowhere\n"
		      "place frd  Lowercase\n");
	assert_string_equal(place(&d, "Torkhamia Crossing today"), "FRD");
	assert_string_equal(place(&d, "tork"), "FRD");
	assert_string_equal(place(&d, "Old Fredville"), "FRD");
	assert_string_equal(place(&d, "Fredville"), "FRD");
	assert_string_equal(place(&d, "Freedonia"), "");      /* a country is an actor */
	assert_string_equal(actor(&d, "Torkhamia", 0), "");   /* a place is no actor */
	assert_string_equal(actor(&d, "Fredville", 0), "FRDGOV");
	assert_string_equal(place(&d, "Lowercase"), "");
	assert_int_equal(d.diags.n, 2); /* "capital" in a place block, the bad code */
	dyad_dict_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_constructs),
		cmocka_unit_test(test_broken_lines),
		cmocka_unit_test(test_folder),
		cmocka_unit_test(test_places),
		cmocka_unit_test_setup_teardown(test_builtin_clean, builtin_setup, builtin_teardown),
		cmocka_unit_test_setup_teardown(test_builtin_spots, builtin_setup, builtin_teardown),
	};
	return cmocka_run_group_tests_name("dict_dyad", tests, NULL, NULL);
}
