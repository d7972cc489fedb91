/* Coverage audit of dyad's built-in people dictionaries: for 40 newsworthy
 * countries, every day of 2000-01-01..2025-06-30 should have a head of state,
 * head of government, foreign and defence minister, army chief and a
 * principal spokesperson (of the government, its head or its foreign
 * ministry); and no person is written twice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_builtin.h"

/* The loaded dictionary keeps a role's code and dates but not its words
 * ("Foreign Minister"), so the audit reads the `role` lines of the embedded
 * files itself; the load below checks that those files have no problems. */

/* Gaps up to this long are allowed: interim periods, month-only dates. */
#define MAX_GAP 62

/* Country-office pairs fully covered: a ratchet at what the files reached
 * when this was written (the table printed lists the rest), so that a lost
 * entry fails; raise it as the gaps are filled. */
#define COVERED_FLOOR 197

enum kind { K_HS, K_HG, K_FM, K_DM, K_AC, K_SP, K_COUNT };

static const char *const kind_name[K_COUNT] = {
	"head of state", "head of government", "foreign minister",
	"defence minister", "army chief", "spokesperson",
};

#define HS (1u << K_HS)
#define HG (1u << K_HG)
#define FM (1u << K_FM)
#define DM (1u << K_DM)
#define AC (1u << K_AC)
#define SP (1u << K_SP)
#define ALL (HS | HG | FM | DM | AC | SP)

/* The 40 countries: the G20's member states except Argentina (18) and the
 * countries of conflict news 2000-2025 (22). A head of government is
 * checked where the office is distinct from the head of state, within
 * hg_from..hg_to (yyyymmdd, 0: the whole period). Canada and Australia
 * share the British monarch, so no head of state of their own; in Iran the
 * Supreme Leader is head of state and the President heads the government,
 * and the head-of-state words cover both. The Palestinian Authority has
 * no defence ministry or army; Syria has had no prime minister since the
 * constitutional declaration of 2025-03; Mexico's Defence Secretary
 * commands the army. */
static const struct country {
	const char *cc;
	unsigned roles;
	int32_t hg_from, hg_to;
} countries[] = {
	{"USA", ALL & ~HG, 0, 0},       {"CHN", ALL, 0, 0},
	{"RUS", ALL, 0, 0},             {"GBR", ALL, 0, 0},
	{"FRA", ALL, 0, 0},             {"DEU", ALL, 0, 0},
	{"JPN", ALL, 0, 0},             {"IND", ALL, 0, 0},
	{"PAK", ALL, 0, 0},             {"AFG", ALL, 20210907, 0},
	{"IRN", ALL & ~HG, 0, 0},       {"IRQ", ALL, 0, 0},
	{"SYR", ALL, 0, 20250329},      {"ISR", ALL, 0, 0},
	{"PSE", HS | HG | FM | SP, 20030430, 0},
	{"SAU", ALL, 20220927, 0},
	{"TUR", ALL, 0, 20180709},      {"EGY", ALL, 0, 0},
	{"UKR", ALL, 0, 0},             {"KOR", ALL, 0, 0},
	{"PRK", ALL, 0, 0},             {"BRA", ALL & ~HG, 0, 0},
	{"MEX", HS | FM | DM | SP, 0, 0},    {"CAN", ALL & ~HS, 0, 0},
	{"AUS", ALL & ~HS, 0, 0},       {"IDN", ALL & ~HG, 0, 0},
	{"NGA", ALL & ~HG, 0, 0},       {"ZAF", ALL & ~HG, 0, 0},
	{"ETH", ALL, 0, 0},             {"KEN", ALL, 20080417, 20130409},
	{"YEM", ALL, 0, 0},             {"LBN", ALL, 0, 0},
	{"LBY", ALL, 20110323, 0},      {"SDN", ALL, 20170302, 0},
	{"BGD", ALL, 0, 0},             {"MMR", ALL & ~HG, 0, 0},
	{"VNM", ALL, 0, 0},             {"PHL", ALL & ~HG, 0, 0},
	{"ITA", ALL, 0, 0},             {"QAT", ALL, 0, 0},
};
#define NCOUNTRY (sizeof countries / sizeof countries[0])

#define PERIOD_FROM 20000101
#define PERIOD_TO 20250630

/* Words of each kind of office, matched case-sensitively in a role's
 * description with its parentheses removed, as whole words not preceded
 * by a word of rank ("Vice President", "Deputy Prime Minister"). */
static const char *const kind_words[K_COUNT][32] = {
	[K_HS] = {"President", "King", "Queen", "Emir", "Sultan", "Emperor",
		  "Supreme Leader", "head of state", "Chairman of the State Affairs Commission",
		  "Chairman of the National Defence Commission",
		  "head of the Presidential Council", "head of the Presidential Leadership Council",
		  "head of the Sovereign Council", "chairman of the National Transitional Council",
		  "head of the Supreme Council of the Armed Forces", "Chairman of the State Administration Council",
		  "head of the interim administration", "Supreme Leader of the Islamic Emirate",
		  "junta leader", NULL},
	[K_HG] = {"Prime Minister", "Premier", "Chancellor", "State Counsellor",
		  "head of the Government of National Accord",
		  "head of the National Transitional Council's executive board",
		  "Chief Adviser", "Chief Executive", NULL},
	[K_FM] = {"Foreign Minister", "Foreign Secretary", "Secretary of State",
		  "External Affairs Minister", "Minister of Foreign Affairs",
		  "Foreign Affairs Minister", "Adviser on Foreign Affairs",
		  "Adviser for Foreign Affairs", "foreign affairs adviser", NULL},
	[K_DM] = {"Defence Minister", "Defense Minister", "Defence Secretary",
		  "Secretary of Defense", "Minister of Defence", "Minister of Defense",
		  "Armed Forces Minister", "head of the Defence Agency",
		  "Minister of State for Defence Affairs", NULL},
	[K_AC] = {"Chief of Army Staff", "Army chief", "army chief", "Army commander", "army commander",
		  "Chief of the Defence Forces",
		  "Chief of the General Staff", "Chief of General Staff",
		  "Chief of the Defence Staff", "Chief of Defence Staff", "Chief of Defence",
		  "Chairman of the Joint Chiefs", "IDF Chief of Staff",
		  "Chief of Staff of the Armed Forces", "Chief of Staff of the Army",
		  "commander of the armed forces", "Commander-in-Chief",
		  "Chief of the Defence Force", "Inspector General of the Bundeswehr",
		  "armed forces chief", "Chief of the Armed Forces", "Chief of the Joint Staff",
		  "Chief of Staff, Joint Staff", NULL},
	[K_SP] = {"spokesman", "spokeswoman", "spokesperson", "press secretary",
		  "Spokesman", "Spokeswoman", "Spokesperson",
		  "director of communications",  /* Canada's Prime Minister's Office */
		  "Chief Cabinet Secretary", NULL},  /* Japan's government spokesperson */
};

/* Words that make the office another one when they come just before it. */
static const char *const rank_words[] = {
	"Vice", "Deputy", "deputy", "Under", "Assistant", "Crown", "ex-",
	"Minister of State for", "Secretary of the", NULL,
};

/* Words that make the office another one when they come just after it. */
static const char *const after_words[] = {
	" of the Exchequer", " of the European", " of the UN", " of the Kurdistan",
	" of Parliament", " of the National Assembly",
	" of the Presidium", NULL,
};

/* Offices that stood empty, or whose holder is never named, which no
 * entry can fill; each with its source. */
static const struct vacancy {
	const char *cc;
	enum kind k;
	int32_t from, to;   /* yyyymmdd, both included */
} vacancies[] = {
	/* Li Shangfu removed, Dong Jun appointed. */
	{"CHN", K_DM, 20231024, 20231229},
	/* The Coalition Provisional Authority governed Iraq. */
	{"IRQ", K_HS, 20030409, 20040628},
	{"IRQ", K_HG, 20030409, 20040628},
	{"IRQ", K_FM, 20030409, 20030903},
	{"IRQ", K_DM, 20030409, 20040628},
	/* Parliament did not confirm a defence minister. */
	{"IRQ", K_DM, 20160825, 20170130},
	{"IRQ", K_DM, 20181025, 20190624},
	/* Parliament could not elect a president. */
	{"LBN", K_HS, 20071124, 20080525},
	{"LBN", K_HS, 20140525, 20161031},
	{"LBN", K_HS, 20221031, 20250109},
	/* Michel Suleiman elected President, Jean Kahwaji not yet appointed. */
	{"LBN", K_AC, 20080525, 20080829},
	/* Parliament rejected two nominees for prime minister. */
	{"KOR", K_HG, 20020711, 20021004},
	/* A new president named no ministers for months. */
	{"NGA", K_FM, 20150529, 20151111},
	{"NGA", K_DM, 20150529, 20151111},
	{"NGA", K_DM, 20190529, 20190821},
	{"NGA", K_FM, 20230529, 20230821},
	{"NGA", K_DM, 20230529, 20230821},
	/* The Transitional Military Council ruled without a prime minister. */
	{"SDN", K_HG, 20190411, 20190821},
	/* Paek Nam Sun died in office; Pak Ui Chun named in May. */
	{"PRK", K_FM, 20070103, 20070430},
	/* No defence minister: the Emir commanded the armed forces until a
	 * Minister of State for Defence Affairs was named. */
	{"QAT", K_DM, 20000101, 20130625},
	/* Libya: no army chief after Abdel Fattah Younis was killed in July 2011
	 * until Yousef al-Mangoush was named (AFP, 2012-01-03). */
	{"LBY", K_AC, 20110824, 20120101},
	/* The Government of National Accord left the chief of staff's post empty
	 * until it named Abdulrahman al-Tawil (Libya Security Monitor, 2017-09). */
	{"LBY", K_AC, 20160331, 20170829},
	/* Al-Thinni's cabinet approved in Tobruk had no defence minister, the chief
	 * of staff ran the military (Reuters, 2014-09-23), until the GNA's. */
	{"LBY", K_DM, 20140923, 20151231},
	/* The GNA's defence minister post stood empty from Mahdi al-Barghathi's
	 * removal until Salaheddin al-Namroush was named (AFP, 2020-08-29). */
	{"LBY", K_DM, 20180730, 20200828},
	/* Yemen: Mahmoud al-Subaihi was captured by the Houthis in March 2015 and
	 * the post stayed empty until Mohammed al-Maqdashi was named (AA, 2018-11). */
	{"YEM", K_DM, 20150326, 20181106},
	/* The NTC dismissed its executive board on 2011-08-08 (Al Arabiya,
	 * 2011-08-09); no foreign minister until Ashour bin Khayal (Reuters,
	 * 2011-11-22). */
	{"LBY", K_FM, 20110824, 20111123},
	/* The Transitional Military Council dissolved the government, sacked the
	 * defence minister (TRT World, 2019-04-15) and ran the foreign ministry
	 * without a minister (Sudan Tribune, 2019-04-18) until Hamdok's cabinet. */
	{"SDN", K_FM, 20190412, 20190907},
	{"SDN", K_DM, 20190413, 20190831},
	/* Burhan dissolved the cabinet on 2021-10-25; undersecretaries ran the
	 * ministries (Sudan Tribune, 2024-11-03) until ministers were re-assigned. */
	{"SDN", K_DM, 20211026, 20211231},
	/* Saddam's army collapsed with Baghdad and was dissolved by CPA Order 2
	 * (2003-05-23); the new army's chief of staff was named in 2004-04 (CPA
	 * press release, 2004-04-22). */
	{"IRQ", K_AC, 20030410, 20040331},
	/* The Coalition Provisional Authority spoke for Iraq. */
	{"IRQ", K_SP, 20030409, 20040628},
	/* No chief of the general staff for four years after Ali Ayyoub became
	 * defence minister (Syrian Observer, 2022-04-30). */
	{"SYR", K_AC, 20180102, 20220429},
	/* Lolwah Al-Khater was the first foreign ministry spokesperson of Emir
	 * Tamim's reign (Anadolu, 2017-11-07). */
	{"QAT", K_SP, 20130625, 20171106},
	/* No named holder: KCNA credits the Foreign Ministry's statements to "a
	 * spokesman" and never names one (KCNA, 2012-10-25 and 2019-12-12). */
	{"PRK", K_SP, 20000101, 20250630},
	/* Brazil: no presidential spokesperson between Thomas Traumann and
	 * Alexandre Parola (Agencia Brasil, 2016-09-28); the post was abolished by
	 * MP 980/2020 when Rego Barros left (Extra, 2020-10-07), and not
	 * re-created. */
	{"BRA", K_SP, 20150326, 20160930},
	{"BRA", K_SP, 20201008, 20250630},
	/* Pena Nieto named no spokesperson until the post was created for Eduardo
	 * Sanchez (La Jornada, 2013-11-22). */
	{"MEX", K_SP, 20121201, 20131121},
	/* No national army between the Taliban's fall and Bismillah Khan
	 * Mohammadi's appointment as chief of staff (AFP, 2003-09-20). */
	{"AFG", K_AC, 20011114, 20020430},
	/* The Prime Minister's press secretary post stood empty after Ihsanul
	 * Karim died (Daily Star, 2024-06-08). */
	{"BGD", K_SP, 20240311, 20240605},
	/* Sudan's cabinet, its information minister and spokesman with it, was
	 * dissolved on 2021-10-25; acting ministers came in 2022-01 (Al-Araby,
	 * 2022-01-20). */
	{"SDN", K_SP, 20211026, 20211231},
	/* Vietnam: no Foreign Ministry spokesperson between Le Thi Thu Hang's
	 * promotion to deputy minister and Pham Thu Hang's appointment; deputy
	 * spokespeople gave the briefings (VOH/TTXVN, 2023-06-08). */
	{"VNM", K_SP, 20230101, 20230607},
	/* No named holder: Australia has no government spokesperson, and the Prime
	 * Minister's office speaks as "a spokesperson for the Prime Minister" (SMH,
	 * 2010-09-14, on the last press secretary quoted by name). */
	{"AUS", K_SP, 20100625, 20250630},
};

struct span {
	int32_t from, to;   /* day numbers, both included */
};

struct spans {
	struct span *a;
	size_t n, cap;
};

/* Day number of a civil date (Howard Hinnant's days_from_civil). */
static int32_t day_no(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static int32_t ymd_day(int32_t ymd)
{
	return day_no(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

static void civil(int32_t z, char out[40])
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	snprintf(out, 40, "%04d-%02d-%02d", y, m, d);
}

static int month_days(int y, int m)
{
	static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : md[m - 1];
}

/* "YYYY-MM-DD" or "YYYY-MM" (first or last day as end says) or "" (open). */
static int parse_date(const char *s, size_t n, int end, int32_t *day)
{
	int y = 0, m = 0, d = 0;
	if (n == 0) {
		*day = ymd_day(end ? 99991231 : 10000101);
		return 0;
	}
	if ((n != 7 && n != 10) || sscanf(s, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return -1;
	if (n == 10 && sscanf(s + 8, "%2d", &d) != 1)
		return -1;
	if (n == 7)
		d = end ? month_days(y, m) : 1;
	*day = day_no(y, m, d);
	return 0;
}

/* 1 when words holds office word w at a place not changed by a rank word
 * before it or a qualifier after it. */
static int has_office(const char *words, const char *w)
{
	size_t wl = strlen(w);
	for (const char *p = strstr(words, w); p; p = strstr(p + 1, w)) {
		char after = p[wl];
		if (p > words && (p[-1] != ' ' && p[-1] != ',' && p[-1] != '('))
			continue;
		if (after && after != ' ' && after != ',' && after != ')' && after != ';')
			continue;
		int ranked = 0;
		for (size_t i = 0; rank_words[i] && !ranked; i++) {
			size_t rl = strlen(rank_words[i]);
			size_t gap = rank_words[i][rl - 1] == '-' ? 0 : 1;
			ranked = (size_t)(p - words) >= rl + gap &&
				 !memcmp(p - rl - gap, rank_words[i], rl);
		}
		for (size_t i = 0; after_words[i] && !ranked; i++)
			ranked = !strncmp(p + wl, after_words[i], strlen(after_words[i]));
		if (!ranked)
			return 1;
	}
	return 0;
}

static void spans_add(struct spans *s, int32_t from, int32_t to)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->a = realloc(s->a, s->cap * sizeof *s->a);
		assert_non_null(s->a);
	}
	s->a[s->n++] = (struct span){from, to};
}

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return (x->from > y->from) - (x->from < y->from);
}

/* A `person` line: its country and name, and where it stands. */
struct person_line {
	char key[160];
	const char *file;
	unsigned line;
};

struct audit {
	struct spans sp[NCOUNTRY][K_COUNT];
	struct person_line *people;
	size_t npeople, cap_people;
	size_t roles;       /* role lines read */
	size_t not_mil;     /* defence or army roles of the 40 not coded MIL */
};

static int country_index(const char *code)
{
	for (size_t i = 0; i < NCOUNTRY; i++)
		if (!strncmp(code, countries[i].cc, 3))
			return (int)i;
	return -1;
}

/* One "role CODE FROM..TO words" line (after "role"). */
static void read_role(struct audit *a, const char *s, const char *name, unsigned no)
{
	char code[16], range[32], words[256];
	int off = 0;
	if (sscanf(s, " %15s %31s %n", code, range, &off) != 2) {
		fail_msg("%s:%u: role line without code and range", name, no);
		return;
	}
	/* The description without parenthesised remarks ("(acting until ...)"). */
	size_t wl = 0;
	int depth = 0;
	for (const char *p = s + off; *p && *p != '\n' && wl + 1 < sizeof words; p++) {
		if (*p == '#' && (p[-1] == ' ' || p[-1] == '\t'))
			break;
		depth += *p == '(';
		if (!depth)
			words[wl++] = *p;
		depth -= *p == ')' && depth;
	}
	words[wl] = '\0';
	a->roles++;
	int ci = country_index(code);
	if (ci < 0)
		return;
	const char *dots = strstr(range, "..");
	int32_t from, to;
	if (!dots || parse_date(range, (size_t)(dots - range), 0, &from) < 0 ||
	    parse_date(dots + 2, strlen(dots + 2), 1, &to) < 0) {
		fail_msg("%s:%u: bad range %s", name, no, range);
		return;
	}
	int gov = !strcmp(code + 3, "GOV");
	unsigned kinds = 0;
	for (int k = 0; k < K_COUNT; k++) {
		if (k == K_SP && !gov)
			continue;  /* a government or foreign-ministry spokesperson */
		for (size_t i = 0; kind_words[k][i]; i++)
			if (has_office(words, kind_words[k][i])) {
				spans_add(&a->sp[ci][k], from, to);
				kinds |= 1u << k;
				break;
			}
	}
	/* Defence ministers and army chiefs are MIL (docs/dyad-dictionaries.md);
	 * a line naming a civil office too may be GOV. Reported, not failed:
	 * older entries predate the rule. */
	if ((kinds & (DM | AC)) && !(kinds & (HS | HG | FM)) && strcmp(code + 3, "MIL")) {
		if (!a->not_mil++)
			print_message("note: defence or army roles not coded MIL:\n");
		print_message("  %s:%u: %s %s\n", name, no, code, words);
	}
}

/* Records "CCC Name" of a person line, blanks folded, for the check that
 * no person is written twice (a second entry would make a second actor
 * with the same names, and the coder would pick either). */
static void add_person(struct audit *a, const char *s, const char *file, unsigned no)
{
	if (a->npeople == a->cap_people) {
		a->cap_people = a->cap_people ? a->cap_people * 2 : 1024;
		a->people = realloc(a->people, a->cap_people * sizeof *a->people);
		assert_non_null(a->people);
	}
	struct person_line *p = &a->people[a->npeople++];
	size_t k = 0;
	for (; *s && *s != '#' && k + 1 < sizeof p->key; s++) {
		int blank = *s == ' ' || *s == '\t';
		if (!blank)
			p->key[k++] = *s;
		else if (k && p->key[k - 1] != ' ')
			p->key[k++] = ' ';
	}
	while (k && p->key[k - 1] == ' ')
		k--;
	p->key[k] = '\0';
	p->file = file;
	p->line = no;
}

static int cmp_person(const void *a, const void *b)
{
	const struct person_line *x = a, *y = b;
	return strcmp(x->key, y->key);
}

static void read_blob(struct audit *a, const struct dyad_dict_blob *b)
{
	const char *p = b->data, *end = b->data + b->size;
	unsigned no = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char line[512];
		no++;
		if (n < sizeof line) {
			memcpy(line, p, n);
			line[n] = '\0';
			const char *q = line;
			while (*q == ' ' || *q == '\t')
				q++;
			if (q > line && !strncmp(q, "role", 4) && (q[4] == ' ' || q[4] == '\t'))
				read_role(a, q + 4, b->name, no);
			else if (q == line && !strncmp(line, "person ", 7))
				add_person(a, line + 7, b->name, no);
		}
		p += n + 1;
	}
}

/* Gaps longer than MAX_GAP of spans s within from..to (day numbers),
 * printed; returns their number. */
static int gaps(struct spans *s, int32_t from, int32_t to, const char *cc, int k)
{
	if (s->n)
		qsort(s->a, s->n, sizeof *s->a, cmp_span);
	int found = 0;
	int32_t covered = from - 1;  /* last day covered so far */
	for (size_t i = 0; i <= s->n; i++) {
		int32_t next = i < s->n ? s->a[i].from : to + 1;
		if (next > to + 1)
			next = to + 1;
		if (next - covered - 1 > MAX_GAP) {
			char a[40], b[40];
			civil(covered + 1, a);
			civil(next - 1, b);
			print_message("  %s  %-18s  %s..%s  (%d days)\n", cc, kind_name[k], a, b,
				      (int)(next - covered - 1));
			found++;
		}
		if (i < s->n && s->a[i].to > covered)
			covered = s->a[i].to;
		if (covered >= to)
			break;
	}
	return found;
}

static void test_coverage(void **state)
{
	(void)state;
	struct dyad_dict d;
	struct dyad_err err = {0};
	dyad_dict_init(&d);
	assert_int_equal(dyad_dict_load_builtin(&d, &err), DYAD_OK);
	const struct dyad_dict_diag *dg = d.diags.a;
	for (size_t i = 0; i < d.diags.n; i++)
		print_message("%s:%u: %s\n", dg[i].file, dg[i].line, dg[i].msg);
	size_t ndiag = d.diags.n;
	dyad_dict_release(&d);

	struct audit *a = calloc(1, sizeof *a);
	assert_non_null(a);
	size_t nb = 0;
	const struct dyad_dict_blob *b = dyad_dict_builtin_files(&nb);
	assert_true(nb > 0);
	for (size_t i = 0; i < nb; i++)
		read_blob(a, &b[i]);
	assert_true(a->roles > 1000);
	for (size_t i = 0; i < sizeof vacancies / sizeof vacancies[0]; i++) {
		const struct vacancy *v = &vacancies[i];
		int ci = country_index(v->cc);
		assert_true(ci >= 0);
		spans_add(&a->sp[ci][v->k], ymd_day(v->from), ymd_day(v->to));
	}

	int pairs = 0, covered = 0, ngaps = 0;
	print_message("gaps of more than %d days in %d..%d:\n", MAX_GAP, PERIOD_FROM, PERIOD_TO);
	for (size_t c = 0; c < NCOUNTRY; c++) {
		const struct country *ct = &countries[c];
		for (int k = 0; k < K_COUNT; k++) {
			if (!(ct->roles & (1u << k)))
				continue;
			int32_t from = PERIOD_FROM, to = PERIOD_TO;
			if (k == K_HG && ct->hg_from)
				from = ct->hg_from;
			if (k == K_HG && ct->hg_to)
				to = ct->hg_to;
			pairs++;
			int g = gaps(&a->sp[c][k], ymd_day(from), ymd_day(to), ct->cc, k);
			ngaps += g;
			covered += !g;
		}
	}
	qsort(a->people, a->npeople, sizeof *a->people, cmp_person);
	size_t twice = 0;
	for (size_t i = 1; i < a->npeople; i++)
		if (!strcmp(a->people[i].key, a->people[i - 1].key)) {
			print_message("%s:%u: person %s already at %s:%u\n", a->people[i].file,
				      a->people[i].line, a->people[i].key, a->people[i - 1].file,
				      a->people[i - 1].line);
			twice++;
		}
	print_message("%d of %d country-office pairs fully covered, %d gaps; "
		      "%zu defence or army roles not MIL\n",
		      covered, pairs, ngaps, a->not_mil);
	for (size_t c = 0; c < NCOUNTRY; c++)
		for (int k = 0; k < K_COUNT; k++)
			free(a->sp[c][k].a);
	size_t npeople = a->npeople;
	free(a->people);
	free(a);
	assert_true(npeople > 1000);
	assert_int_equal(twice, 0);
	assert_int_equal(ndiag, 0);
	assert_int_equal(NCOUNTRY, 40);
	assert_true(covered >= COVERED_FLOOR);
}

/* The matcher itself: ranks and qualifiers change the office. */
static void test_office_words(void **state)
{
	(void)state;
	assert_true(has_office("President", "President"));
	assert_true(has_office("Prime Minister, President", "President"));
	assert_false(has_office("Vice President", "President"));
	assert_false(has_office("First Vice President", "President"));
	assert_false(has_office("Deputy Prime Minister", "Prime Minister"));
	assert_false(has_office("Chancellor of the Exchequer", "Chancellor"));
	assert_false(has_office("Deputy Secretary of State", "Secretary of State"));
	assert_false(has_office("President of the European Commission", "President"));
	assert_false(has_office("Foreign Ministry spokesman", "Foreign Minister"));
	assert_true(has_office("Defence Minister, Crown Prince", "Defence Minister"));
	assert_false(has_office("Crown Prince", "Prince"));
	int32_t x;
	assert_int_equal(parse_date("2024-02", 7, 1, &x), 0);
	assert_int_equal(x, ymd_day(20240229));
	assert_int_equal(parse_date("2024-2", 6, 1, &x), -1);
	char s[40];
	civil(ymd_day(20250630), s);
	assert_string_equal(s, "2025-06-30");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_office_words),
		cmocka_unit_test(test_coverage),
	};
	return cmocka_run_group_tests_name("dict_coverage", tests, NULL, NULL);
}
