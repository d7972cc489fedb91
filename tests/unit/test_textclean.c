/* Tests for src/textclean.c: the clutter line classifier and the text-mode
 * extractor (title, byline, dateline, date, body). Fixtures are written for
 * these tests; the scrapinghub floor test reads ../shared/data when present. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textclean.h"

static enum dyad_clutter cl(const char *s)
{
	return dyad_clutter_line(s, strlen(s));
}

/* Lines every kind of clutter detector must leave alone. */
static const char *const keep_lines[] = {
	"He declined to comment.",
	"\xE2\x80\x9CNo,\xE2\x80\x9D she said.",
	"\"Never,\" he said.",
	"Yes.",
	"Why?",
	"The minister declined to comment on the report.",
	"Millions of people subscribe to the streaming service, which costs $9.99 per month.",
	"She shared the video on Facebook and Twitter, where it went viral.",
	"The plan was announced on Tuesday.",
	"Related to the case, police arrested three men.",
	"Latest figures show unemployment fell to 4.5 percent.",
	"Trending topics on Twitter included the election.",
	"Popular support for the bill has grown.",
	"Next, the committee will vote.",
	"Share prices fell sharply on Monday.",
	"The photo shows the minister at a rally.",
	"Copyright laws are being reformed, the minister said.",
	"Search operations continued through the night.",
	"Home Minister Amit Shah visited the flood-hit areas.",
	"Subscribers to the newspaper received a letter.",
	"Print media in Pakistan faces pressure.",
	"Comments from officials were not immediately available.",
	"Advertisement revenue fell 20 percent last year.",
	"Log in details were leaked online, the company said.",
	"The inspectors were given unlimited access to the site.",
	"Read the full statement here.",
	"Watch: a video of the incident was posted online.",
	"ISLAMABAD: The government on Monday announced a new policy.",
	"WASHINGTON (Reuters) - The United States said on Friday it would impose sanctions.",
	"Die Regierung hat am Montag eine neue Politik angek\xC3\xBCndigt.",
	"La police a arr\xC3\xAAt\xC3\xA9 trois hommes mardi soir \xC3\xA0 Paris.",
	"\xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xA9 \xD8\xAA\xD8\xB9\xD9\x84\xD9\x86",
	"Floods kill 20 in Sindh as rains continue",
	"02-751-1500",
};

static void test_keeps_article_lines(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof keep_lines / sizeof *keep_lines; i++) {
		enum dyad_clutter k = cl(keep_lines[i]);
		if (k != DYAD_CLUTTER_NONE)
			fail_msg("flagged %d: %s", (int)k, keep_lines[i]);
	}
}

struct kind_case {
	const char *line;
	enum dyad_clutter kind;
};

static const struct kind_case clutter_lines[] = {
	{"You have 2 free articles left", DYAD_CLUTTER_PAYWALL},
	{"Subscribe to continue reading", DYAD_CLUTTER_PAYWALL},
	{"$1.99/month", DYAD_CLUTTER_PAYWALL},
	{"Rs 999 per year", DYAD_CLUTTER_PAYWALL},
	{"Digital + Print", DYAD_CLUTTER_PAYWALL},
	{"Subscribe", DYAD_CLUTTER_PAYWALL},
	{"Log in", DYAD_CLUTTER_PAYWALL},
	{"Sign up", DYAD_CLUTTER_PAYWALL},
	{"Already a subscriber? Log in here.", DYAD_CLUTTER_PAYWALL},
	{"Share Facebook Twitter WhatsApp Email Print", DYAD_CLUTTER_SHARE},
	{"FacebookTwitterLinkedIn", DYAD_CLUTTER_SHARE},
	{"Share this article", DYAD_CLUTTER_SHARE},
	{"Click to share on Twitter (Opens in new window)", DYAD_CLUTTER_SHARE},
	{"Also read", DYAD_CLUTTER_RELATED},
	{"ALSO READ: Minister resigns over scandal", DYAD_CLUTTER_RELATED},
	{"Related", DYAD_CLUTTER_RELATED},
	{"Read more", DYAD_CLUTTER_RELATED},
	{"Read More:", DYAD_CLUTTER_RELATED},
	{"Latest from World", DYAD_CLUTTER_RELATED},
	{"Don\xE2\x80\x99t miss", DYAD_CLUTTER_RELATED},
	{"More stories", DYAD_CLUTTER_RELATED},
	{"Recommended", DYAD_CLUTTER_RELATED},
	{"Trending", DYAD_CLUTTER_RELATED},
	{"Previous article", DYAD_CLUTTER_NAV},
	{"Next story: Floods kill 20 in Sindh", DYAD_CLUTTER_NAV},
	{"5 min read", DYAD_CLUTTER_READTIME},
	{"Reading time: 3 minutes", DYAD_CLUTTER_READTIME},
	{"Sign up for our newsletter", DYAD_CLUTTER_NEWSLETTER},
	{"Download the app", DYAD_CLUTTER_NEWSLETTER},
	{"We use cookies to improve your experience. By continuing to use this site "
	 "you agree to our cookie policy.", DYAD_CLUTTER_COOKIE},
	{"Comments (12)", DYAD_CLUTTER_COMMENTS},
	{"12 Comments", DYAD_CLUTTER_COMMENTS},
	{"Leave a reply", DYAD_CLUTTER_COMMENTS},
	{"Post a comment", DYAD_CLUTTER_COMMENTS},
	{"Your email address will not be published. Required fields are marked *",
	 DYAD_CLUTTER_COMMENTS},
	{"Disclaimer: The views expressed are the author's own.", DYAD_CLUTTER_LEGAL},
	{"Copyright 2021 The Daily Example", DYAD_CLUTTER_LEGAL},
	{"\xC2\xA9 2021 Example Media. All rights reserved.", DYAD_CLUTTER_LEGAL},
	{"All rights reserved", DYAD_CLUTTER_LEGAL},
	{"(This article has not been edited by Example staff and is auto-generated "
	 "from a syndicated feed.)", DYAD_CLUTTER_LEGAL},
	{"(ANI)", DYAD_CLUTTER_FEEDID},
	{"-- IANS sd/pgh", DYAD_CLUTTER_FEEDID},
	{"PTI ksk", DYAD_CLUTTER_FEEDID},
	{"(Reporting by Ana Mendez; Editing by John Smith)", DYAD_CLUTTER_FEEDID},
	{"Reporting by Ana Mendez in Kabul; Writing by Lee Chan", DYAD_CLUTTER_FEEDID},
	{"Photo: AFP", DYAD_CLUTTER_CREDIT},
	{"File photo/Reuters", DYAD_CLUTTER_CREDIT},
	{"Image credit: Getty Images", DYAD_CLUTTER_CREDIT},
	{"[caption id=\"attachment_9\" align=\"alignnone\" width=\"300\"]", DYAD_CLUTTER_SHORTCODE},
	{"[gallery ids=\"1,2,3\"]", DYAD_CLUTTER_SHORTCODE},
	{"Home | World | Pakistan | Opinion", DYAD_CLUTTER_NAV},
	{"Home > News > Asia", DYAD_CLUTTER_NAV},
	{"Skip to content", DYAD_CLUTTER_NAV},
	{"Menu", DYAD_CLUTTER_NAV},
	{"Search", DYAD_CLUTTER_NAV},
	{"Back to top", DYAD_CLUTTER_NAV},
	{"Advertisement", DYAD_CLUTTER_NAV},
	{"ADVERTISEMENT", DYAD_CLUTTER_NAV},
	{"Story continues below advertisement", DYAD_CLUTTER_NAV},
	{"Tuesday, November 25, 2026", DYAD_CLUTTER_NAV},
	{"Loading...", DYAD_CLUTTER_NAV},
};

static void test_flags_each_clutter_kind(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof clutter_lines / sizeof *clutter_lines; i++) {
		enum dyad_clutter k = cl(clutter_lines[i].line);
		if (k != clutter_lines[i].kind)
			fail_msg("got %d, want %d: %s", (int)k, (int)clutter_lines[i].kind,
				 clutter_lines[i].line);
	}
}

static void test_empty_and_odd_lines(void **state)
{
	(void)state;
	assert_int_equal(dyad_clutter_line("", 0), DYAD_CLUTTER_NONE);
	assert_int_equal(cl("   \t "), DYAD_CLUTTER_NONE);
	/* a very long line is read without overflow */
	size_t n = 10000;
	char *s = malloc(n);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 7 == 6 ? ' ' : 'a';
	assert_int_equal(dyad_clutter_line(s, n), DYAD_CLUTTER_NONE);
	free(s);
}

/* Run the extractor; the caller releases x. */
static int run(const char *text, const struct dyad_extract_hints *h, struct dyad_extract *x)
{
	struct dyad_err err = {0};
	*x = (struct dyad_extract){0};
	return dyad_text_extract(text, strlen(text), h, x, &err);
}

static bool body_has(const struct dyad_extract *x, const char *s)
{
	return x->text != NULL && strstr(x->text, s) != NULL;
}

static const char cluttered[] =
	"Skip to content\n"
	"Home | World | Pakistan | Opinion\n"
	"Tuesday, November 25, 2026\n"
	"\n"
	"Floods kill 20 in Sindh as rains continue | Daily Example\n"
	"By ANA MENDEZ, Staff Reporter\n"
	"Published: March 3, 2016\n"
	"5 min read\n"
	"Share Facebook Twitter WhatsApp Email Print\n"
	"\n"
	"KARACHI: At least 20 people were killed in Sindh on Thursday as heavy rains "
	"lashed the province for a third day, officials said.\n"
	"\n"
	"You have 2 free articles left\n"
	"Subscribe to continue reading\n"
	"\n"
	"The provincial disaster management authority said rescue teams had been sent "
	"to the worst-hit districts and that more rain was expected over the weekend.\n"
	"\n"
	"He declined to comment.\n"
	"\n"
	"\xE2\x80\x9CNo,\xE2\x80\x9D she said.\n"
	"\n"
	"Also read\n"
	"Minister visits flood-hit areas\n"
	"Rains expected to ease next week\n"
	"Relief goods dispatched to Thatta\n"
	"\n"
	"Residents of low-lying areas were asked to move to relief camps set up in "
	"government schools, the authority said in a statement.\n"
	"\n"
	"[caption id=\"attachment_1\" align=\"alignnone\"]A flooded street in Karachi. "
	"Photo: AFP[/caption]\n"
	"\n"
	"Officials said the death toll could rise as reports came in from remote "
	"villages cut off by the water. [embed]https://example.com/v/1[/embed]\n"
	"\n"
	"(Reporting by Ana Mendez; Editing by John Smith)\n"
	"\n"
	"Sign up for our newsletter\n"
	"Download the app\n"
	"Comments (12)\n"
	"Leave a reply\n"
	"This is a great article, I fully agree with everything the author said here.\n"
	"Copyright 2016 Daily Example. All rights reserved.\n";

static void test_cluttered_article(void **state)
{
	(void)state;
	struct dyad_extract x;
	assert_int_equal(run(cluttered, NULL, &x), DYAD_OK);
	assert_non_null(x.title);
	assert_string_equal(x.title, "Floods kill 20 in Sindh as rains continue");
	assert_non_null(x.byline);
	assert_string_equal(x.byline, "Ana Mendez");
	assert_non_null(x.dateline);
	assert_string_equal(x.dateline, "KARACHI");
	/* banner date trap: the banner's today is not the publication date */
	assert_non_null(x.published);
	assert_string_equal(x.published, "2016-03-03");
	assert_string_equal(x.date_source, "byline");
	assert_true(x.date_confidence >= 0.8);
	/* every article paragraph, short ones and quotes too */
	assert_true(body_has(&x, "KARACHI: At least 20 people were killed"));
	assert_true(body_has(&x, "rescue teams had been sent"));
	assert_true(body_has(&x, "He declined to comment."));
	assert_true(body_has(&x, "\xE2\x80\x9CNo,\xE2\x80\x9D she said."));
	assert_true(body_has(&x, "Residents of low-lying areas"));
	assert_true(body_has(&x, "cut off by the water."));
	/* and no clutter */
	const char *gone[] = {
		"Skip to", "Home |", "November 25", "Staff Reporter", "min read",
		"WhatsApp", "free articles", "Subscribe", "Also read",
		"Minister visits", "Rains expected", "Relief goods", "caption",
		"A flooded street", "Photo: AFP", "[embed]", "[/embed]", "Reporting by",
		"newsletter", "Download", "Comments", "Leave a reply", "great article",
		"Copyright", "Floods kill 20",
	};
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
		if (body_has(&x, gone[i]))
			fail_msg("clutter left in body: %s\n---\n%s", gone[i], x.text);
	/* paragraphs joined by exactly one blank line, no edges */
	assert_null(strstr(x.text, "\n\n\n"));
	assert_true(x.text[0] != '\n' && x.text[strlen(x.text) - 1] != '\n');
	dyad_extract_release(&x);
}

static void test_single_line_article(void **state)
{
	(void)state;
	const char *t = "The central bank raised its policy rate by half a percentage point on "
			"Tuesday, citing persistent inflation, and said further increases could "
			"follow if prices did not ease in the coming months, a statement said.";
	struct dyad_extract x;
	assert_int_equal(run(t, NULL, &x), DYAD_OK);
	assert_null(x.title);
	assert_string_equal(x.text, t);
	assert_null(x.published);
	assert_true(x.date_confidence == 0.0);
	dyad_extract_release(&x);
}

static void test_title_detection(void **state)
{
	(void)state;
	struct dyad_extract x;
	/* a sentence is not a title */
	assert_int_equal(run("The minister said on Monday that talks would resume.\n\n"
			     "He gave no date for the talks.\n", NULL, &x), DYAD_OK);
	assert_null(x.title);
	assert_true(body_has(&x, "The minister said on Monday"));
	dyad_extract_release(&x);
	/* a headline is, and loses its site-name suffix */
	assert_int_equal(run("Talks to resume next week, minister says - The Express Tribune\n\n"
			     "The minister said on Monday that talks would resume.\n", NULL, &x),
			 DYAD_OK);
	assert_non_null(x.title);
	assert_string_equal(x.title, "Talks to resume next week, minister says");
	assert_false(body_has(&x, "Talks to resume"));
	dyad_extract_release(&x);
	/* a nav banner is not a title */
	assert_int_equal(run("Home | World | Pakistan | Opinion\n"
			     "The minister said on Monday that talks would resume.\n", NULL, &x),
			 DYAD_OK);
	assert_null(x.title);
	dyad_extract_release(&x);
	/* a date line is not a title */
	assert_int_equal(run("March 3, 2016\n"
			     "The minister said on Monday that talks would resume.\n", NULL, &x),
			 DYAD_OK);
	assert_null(x.title);
	assert_string_equal(x.published, "2016-03-03");
	dyad_extract_release(&x);
	/* suffix after a pipe; a dash inside a headline stays */
	assert_int_equal(run("Pakistan, India agree to talks | Dawn\n\nText of the story follows here.\n",
			     NULL, &x), DYAD_OK);
	assert_string_equal(x.title, "Pakistan, India agree to talks");
	dyad_extract_release(&x);
	assert_int_equal(run("Floods - what we know so far\n\nText of the story follows here.\n",
			     NULL, &x), DYAD_OK);
	assert_string_equal(x.title, "Floods - what we know so far");
	dyad_extract_release(&x);
}

static void test_bylines(void **state)
{
	(void)state;
	struct { const char *line, *name; } cases[] = {
		{"By Ana Mendez", "Ana Mendez"},
		{"By ANA MENDEZ, Staff Reporter", "Ana Mendez"},
		{"Ana Mendez | Published March 3, 2016", "Ana Mendez"},
		{"By Ana Mendez and Lee Chan", "Ana Mendez and Lee Chan"},
		{"Priya Menon, Capital Courier", "Priya Menon"},
		{"Monday March 3, 2016 7:45 am PST by Joe Rossi", "Joe Rossi"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char doc[512];
		snprintf(doc, sizeof doc, "Talks to resume next week\n%s\n\n"
			 "The minister said on Monday that talks would resume.\n", cases[i].line);
		struct dyad_extract x;
		assert_int_equal(run(doc, NULL, &x), DYAD_OK);
		if (x.byline == NULL || strcmp(x.byline, cases[i].name) != 0)
			fail_msg("byline of '%s': got '%s'", cases[i].line, x.byline ? x.byline : "(null)");
		assert_false(body_has(&x, cases[i].line));
		dyad_extract_release(&x);
	}
	struct dyad_extract x;
	assert_int_equal(run("Talks to resume next week\nAna Mendez | Published March 3, 2016\n\n"
			     "The minister said on Monday that talks would resume.\n", NULL, &x),
			 DYAD_OK);
	assert_string_equal(x.published, "2016-03-03");
	assert_string_equal(x.date_source, "byline");
	dyad_extract_release(&x);
	/* a sentence starting with "By" is body text */
	assert_int_equal(run("By Monday, the river had burst its banks in three places.\n",
			     NULL, &x), DYAD_OK);
	assert_null(x.byline);
	assert_true(body_has(&x, "By Monday, the river"));
	dyad_extract_release(&x);
}

static void test_name_lines_and_outlet(void **state)
{
	(void)state;
	struct dyad_extract x;
	/* a bare name under the title, even one that starts like an agency
	 * (SANA), is the byline; the copyright line names the outlet; a banner
	 * date is never the publication date */
	assert_int_equal(run("Wednesday, November 25, 2026\nFrontier Sentinel\n\n"
			     "Militants attack police post in the north\n\nSana Qadir\n"
			     "Share on Facebook\n\n"
			     "PESHAWAR: Militants attacked a police post overnight, officials said.\n\n"
			     "ADVERTISEMENT \xc2\xb7 Scroll to continue with content\n\n"
			     "Four policemen were killed and two wounded in the attack.\n\n"
			     "All quotes delayed. \xc2\xa9 2026 Frontier Sentinel Media Ltd. All rights reserved.\n",
			     NULL, &x), DYAD_OK);
	assert_string_equal(x.byline, "Sana Qadir");
	assert_string_equal(x.outlet, "Frontier Sentinel");
	assert_null(x.published);
	assert_false(body_has(&x, "Scroll to continue"));
	assert_true(body_has(&x, "Four policemen were killed"));
	dyad_extract_release(&x);
	/* the container's outlet wins over the copyright line */
	struct dyad_extract_hints h = {.outlet = "Frontier Post"};
	assert_int_equal(run("Talks resume\n\nThe ministers met on Monday in the capital, officials said.\n\n"
			     "Copyright 2021 Other Name Inc. All rights reserved.\n", &h, &x), DYAD_OK);
	assert_null(x.outlet);
	dyad_extract_release(&x);
}

static void test_datelines(void **state)
{
	(void)state;
	struct { const char *para, *dateline; } cases[] = {
		{"ISLAMABAD: The government on Monday announced a new policy.", "ISLAMABAD"},
		{"WASHINGTON (Reuters) - The United States said on Friday it would act.",
		 "WASHINGTON"},
		{"Washington, Oct 21 (IANS) The United States said on Friday it would act.",
		 "Washington, Oct 21"},
		{"KABUL, Afghanistan \xE2\x80\x94 A bomb exploded near a market on Sunday.",
		 "KABUL, Afghanistan"},
		{"Islamabad: India and Pakistan on Wednesday agreed to resume talks.", "Islamabad"},
		{"Note: this story was updated with a statement from the ministry.", NULL},
		{"The government on Monday announced a new policy.", NULL},
		{"Mr Khan: we will not give in, he told reporters on Monday.", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct dyad_extract x;
		assert_int_equal(run(cases[i].para, NULL, &x), DYAD_OK);
		if (cases[i].dateline == NULL) {
			if (x.dateline != NULL)
				fail_msg("dateline of '%s': got '%s'", cases[i].para, x.dateline);
		} else if (x.dateline == NULL || strcmp(x.dateline, cases[i].dateline) != 0) {
			fail_msg("dateline of '%s': got '%s'", cases[i].para,
				 x.dateline ? x.dateline : "(null)");
		}
		/* the paragraph text is kept as is */
		assert_string_equal(x.text, cases[i].para);
		dyad_extract_release(&x);
	}
}

static void test_dates(void **state)
{
	(void)state;
	struct dyad_extract x;
	const char *body = "\n\nThe minister said on Monday that talks would resume.\n";
	char doc[512];
	/* no evidence: NULL, never today */
	assert_int_equal(run(body + 2, NULL, &x), DYAD_OK);
	assert_null(x.published);
	assert_null(x.date_source);
	dyad_extract_release(&x);
	/* the input's date wins */
	struct dyad_extract_hints h = {.published = "2015-10-21T10:00:00Z",
				       .url = "https://example.com/2014/01/02/story"};
	snprintf(doc, sizeof doc, "Talks to resume\nPublished: March 3, 2016%s", body);
	assert_int_equal(run(doc, &h, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.date_source, "input");
	dyad_extract_release(&x);
	/* url only */
	struct dyad_extract_hints hu = {.url = "https://example.com/2014/01/02/story"};
	assert_int_equal(run(body + 2, &hu, &x), DYAD_OK);
	assert_string_equal(x.published, "2014-01-02");
	assert_string_equal(x.date_source, "url");
	dyad_extract_release(&x);
	/* "Updated" weaker than "Published" */
	snprintf(doc, sizeof doc, "Talks to resume\nUpdated: March 5, 2016\nPublished: March 3, 2016%s",
		 body);
	assert_int_equal(run(doc, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2016-03-03");
	assert_true(x.date_confidence < 0.9);
	dyad_extract_release(&x);
	/* dateline with a year */
	assert_int_equal(run("Washington, Oct 21, 2015 (IANS) The United States said it would act.",
			     NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.date_source, "dateline");
	dyad_extract_release(&x);
	/* dateline without a year takes the year of the capture */
	struct dyad_extract_hints hf = {.fetched = "2015-11-02T08:00:00Z"};
	assert_int_equal(run("Washington, Oct 21 (IANS) The United States said it would act.",
			     &hf, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_true(x.date_confidence <= 0.6);
	dyad_extract_release(&x);
	/* never after the capture date */
	struct dyad_extract_hints hf2 = {.fetched = "2016-01-01"};
	snprintf(doc, sizeof doc, "Talks to resume\nPublished: March 3, 2016%s", body);
	assert_int_equal(run(doc, &hf2, &x), DYAD_OK);
	assert_null(x.published);
	dyad_extract_release(&x);
	/* a "Posted on ... by ..." line closing the article */
	assert_int_equal(run("The minister said on Monday that talks would resume.\n\n"
			     "He gave no date for the talks.\n\n"
			     "Posted on 14 March 2024 by Sports Desk\n\nLeave a Reply\n", NULL, &x),
			 DYAD_OK);
	assert_string_equal(x.published, "2024-03-14");
	assert_string_equal(x.byline, "Sports Desk");
	assert_false(body_has(&x, "Posted on"));
	dyad_extract_release(&x);
	/* a copyright year is not a publication date */
	assert_int_equal(run("The minister said on Monday that talks would resume.\n\n"
			     "Copyright 2019 Daily Example. All rights reserved.\n", NULL, &x), DYAD_OK);
	assert_null(x.published);
	dyad_extract_release(&x);
	/* "Today is ..." at the top is not the publication date */
	assert_int_equal(run("Today is Tuesday, November 25, 2026\n\nTalks to resume next week\n\n"
			     "The minister said on Monday that talks would resume.\n", NULL, &x),
			 DYAD_OK);
	assert_null(x.published);
	dyad_extract_release(&x);
}

static void test_hard_wrapped_lines_joined(void **state)
{
	(void)state;
	const char *t =
		"Talks to resume next week\n"
		"\n"
		"The minister said on Monday that talks between the two countries would\n"
		"resume next week in the capital, ending a pause of more than six months\n"
		"that followed a series of border clashes.\n"
		"\n"
		"He gave no date for the talks but said both sides had agreed on an\n"
		"agenda that included trade, water and the release of prisoners held\n"
		"on both sides of the border.\n";
	struct dyad_extract x;
	assert_int_equal(run(t, NULL, &x), DYAD_OK);
	assert_string_equal(x.text,
			    "The minister said on Monday that talks between the two countries would "
			    "resume next week in the capital, ending a pause of more than six months "
			    "that followed a series of border clashes.\n\n"
			    "He gave no date for the talks but said both sides had agreed on an "
			    "agenda that included trade, water and the release of prisoners held "
			    "on both sides of the border.");
	dyad_extract_release(&x);
}

static void test_lines_without_blank_lines(void **state)
{
	(void)state;
	const char *t = "The minister said on Monday that talks would resume.\n"
			"He declined to comment.\n"
			"   Officials   said the   agenda was   not final.  \n";
	struct dyad_extract x;
	assert_int_equal(run(t, NULL, &x), DYAD_OK);
	assert_string_equal(x.text, "The minister said on Monday that talks would resume.\n\n"
				    "He declined to comment.\n\n"
				    "Officials said the agenda was not final.");
	dyad_extract_release(&x);
}

static void test_trailing_feed_id(void **state)
{
	(void)state;
	struct dyad_extract x;
	assert_int_equal(run("The minister said on Monday that talks would resume. (ANI)\n", NULL, &x),
			 DYAD_OK);
	assert_string_equal(x.text, "The minister said on Monday that talks would resume.");
	dyad_extract_release(&x);
}

static void test_empty_input(void **state)
{
	(void)state;
	struct dyad_extract x;
	assert_int_equal(run("", NULL, &x), DYAD_EEMPTY);
	assert_null(x.text);
	dyad_extract_release(&x);
	assert_int_equal(run("Subscribe\nLog in\nMenu\n", NULL, &x), DYAD_EEMPTY);
	dyad_extract_release(&x);
}

static void test_non_english_kept(void **state)
{
	(void)state;
	const char *t = "Die Regierung hat am Montag eine neue Politik angek\xC3\xBCndigt.\n\n"
			"Der Minister sagte, die Gespr\xC3\xA4" "che w\xC3\xBCrden n\xC3\xA4" "chste Woche "
			"fortgesetzt.\n";
	struct dyad_extract x;
	assert_int_equal(run(t, NULL, &x), DYAD_OK);
	assert_true(body_has(&x, "Die Regierung"));
	assert_true(body_has(&x, "Der Minister"));
	dyad_extract_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keeps_article_lines),
		cmocka_unit_test(test_flags_each_clutter_kind),
		cmocka_unit_test(test_empty_and_odd_lines),
		cmocka_unit_test(test_cluttered_article),
		cmocka_unit_test(test_single_line_article),
		cmocka_unit_test(test_title_detection),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_name_lines_and_outlet),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_hard_wrapped_lines_joined),
		cmocka_unit_test(test_lines_without_blank_lines),
		cmocka_unit_test(test_trailing_feed_id),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_non_english_kept),
	};
	return cmocka_run_group_tests_name("textclean", tests, NULL, NULL);
}
