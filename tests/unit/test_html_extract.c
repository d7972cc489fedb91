/* Tests for src/html_extract.c (with html_body.c and html_meta.c): body
 * boilerplate removal, title, date evidence, byline, dateline, entities;
 * and, when ../shared/data is present, a floor on the scrapinghub benchmark. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html_extract.h"

/* The benchmark scorer lives with the evaluation programs, which the test
 * build does not link; the floor test below compiles it in. */
#include "../../eval/score.c"

static int run(const char *html, const struct dyad_extract_hints *h, struct dyad_extract *x)
{
	struct dyad_err err = {0};
	return dyad_html_extract(html, strlen(html), h, x, &err);
}

/* Five sentences of article text, reused as paragraphs. */
#define P1 "The river council met on Tuesday to discuss the new flood barrier, which has divided residents for two years."
#define P2 "Engineers told the meeting that the barrier would protect four hundred homes, but farmers downstream fear the water will be pushed onto their fields."
#define P3 "The mayor said the vote would take place next month, after a final round of public hearings in the town hall."
#define P4 "Opponents have collected more than three thousand signatures, and they say they will take the matter to court if the plan goes ahead."

static const char page_clutter[] =
	"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
	"<title>Council Splits Over Flood Barrier | The Valley Courier</title>"
	"<meta property=\"og:site_name\" content=\"The Valley Courier\">"
	"<meta property=\"article:published_time\" content=\"2015-10-21T09:30:00+01:00\">"
	"<meta name=\"author\" content=\"By Jane Doe\">"
	"<script>var x = '<p>script text must not appear</p>';</script>"
	"<style>p { color: red }</style></head><body>"
	"<div class=\"cookie-banner\"><p>We use cookies to improve your experience. Accept all cookies?</p></div>"
	"<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
	"<li><a href=\"/sport\">Sport</a></li></ul></nav><div class=\"banner-date\">Monday, 1 January 2024</div></header>"
	"<main><article><h1>Council Splits Over Flood Barrier</h1>"
	"<div class=\"byline\">By Jane Doe</div>"
	"<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>"
	"<span class=\"read-time\">5 min read</span>"
	"<div class=\"article-body\"><p>" P1 "</p>"
	"<figure><img src=\"a.jpg\"><figcaption>The barrier site. Photo: John Smith/Agency</figcaption></figure>"
	"<p>" P2 "</p><p>Yes.</p>"
	"<blockquote><p>\"We will not give up our land,\" one farmer said.</p></blockquote>"
	"<h2>What happens next</h2><p>" P3 "</p>"
	"<div class=\"newsletter-signup\"><p>Sign up for our daily newsletter and get the news first.</p></div>"
	"<p>" P4 "</p>"
	"<p>With inputs from agencies</p>"
	"<p>[caption id=\"attachment_1\"]A caption shortcode[/caption]</p>"
	"<div class=\"paywall-prompt\"><p>Subscribe now for just $1 a week. Cancel anytime.</p></div>"
	"</div>"
	"<div class=\"related-articles\"><h3>Related</h3><ul><li><a href=\"/a\">Storm closes the coastal road for a week</a></li>"
	"<li><a href=\"/b\">Farmers protest outside the town hall again</a></li></ul></div>"
	"<div class=\"post-navigation\"><a href=\"/prev\">Previous article</a> <a href=\"/next\">Next article</a></div>"
	"</article></main>"
	"<aside class=\"sidebar\"><h3>Most read</h3><p>A very popular story about something else entirely that readers liked.</p></aside>"
	"<section id=\"comments\" class=\"comments-area\"><h3>3 comments</h3><p>I think this barrier is a terrible idea and the council should resign.</p></section>"
	"<footer><p>&copy; 2015 Valley Courier Ltd. All rights reserved.</p><a href=\"#top\">Back to top</a></footer>"
	"</body></html>";

static void test_boilerplate_removed(void **state)
{
	(void)state;
	struct dyad_extract x;
	assert_int_equal(run(page_clutter, NULL, &x), DYAD_OK);
	const char *t = x.text;
	assert_non_null(t);
	assert_non_null(strstr(t, P1));
	assert_non_null(strstr(t, P2));
	assert_non_null(strstr(t, P3));
	assert_non_null(strstr(t, P4));
	/* Short paragraphs, quotes and headings inside the article stay. */
	assert_non_null(strstr(t, "\n\nYes.\n\n"));
	assert_non_null(strstr(t, "\"We will not give up our land,\" one farmer said."));
	assert_non_null(strstr(t, "What happens next"));
	/* Paragraphs are separated by one blank line, nothing around. */
	assert_int_equal(strncmp(t, P1, strlen(P1)), 0);
	assert_true(t[strlen(t) - 1] == '.');
	static const char *const clutter[] = {
		"cookies", "Home", "Share on Facebook", "min read", "Photo:", "newsletter",
		"caption", "Subscribe", "Storm closes", "Previous article", "Most read",
		"terrible idea", "All rights reserved", "Back to top", "script text",
		"color: red", "Council Splits", "By Jane Doe", "Monday", "inputs from",
	};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(clutter); i++)
		if (strstr(t, clutter[i]))
			fail_msg("clutter '%s' kept in:\n%s", clutter[i], t);
	/* Metadata from the same page. */
	assert_string_equal(x.title, "Council Splits Over Flood Barrier");
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.date_source, "meta");
	assert_true(x.date_confidence > 0.7);
	assert_string_equal(x.byline, "Jane Doe");
	assert_string_equal(x.outlet, "The Valley Courier");
	assert_string_equal(x.lang, "en");
	dyad_extract_release(&x);
}

/* A page around one article body; fmt gets head extras and the body. */
static char *page(const char *head, const char *body)
{
	size_t n = strlen(head) + strlen(body) + 256;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "<html><head><meta charset=\"utf-8\">%s</head><body>%s</body></html>", head,
		 body);
	return s;
}

static const char body4[] = "<article><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></article>";

static void test_title_suffix_and_prefix(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<title>Storm Hits the Coast - Daily Planet</title>", body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.title, "Storm Hits the Coast");
	dyad_extract_release(&x);
	free(s);
	s = page("<title>Daily Planet: Storm Hits the Coast</title>"
		 "<meta property=\"og:site_name\" content=\"Daily Planet\">",
		 body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.title, "Storm Hits the Coast");
	dyad_extract_release(&x);
	free(s);
	/* The <h1> agrees with og:title: the h1 wins over a longer <title>. */
	s = page("<title>Storm Hits the Coast, Homes Flooded | News | Daily Planet</title>"
		 "<meta property=\"og:title\" content=\"Storm hits the coast, homes flooded\">",
		 "<h1>Storm Hits the Coast, Homes Flooded</h1><div><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.title, "Storm Hits the Coast, Homes Flooded");
	dyad_extract_release(&x);
	free(s);
}

static void test_banner_date_loses_to_meta(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<meta name=\"pubdate\" content=\"20151021\">",
		       "<div class=\"top-bar\">Today is Friday, 3 March 2017</div>"
		       "<h1>Storm</h1><article><p>" P1 "</p><p>" P2 "</p></article>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	dyad_extract_release(&x);
	free(s);
}

static void test_banner_date_alone_is_no_date(void **state)
{
	(void)state;
	struct dyad_extract x;
	/* The banner above the headline shows the day the page was served (not
	 * today's date, so the site-clock rule cannot catch it): no date. */
	char *s = page("<title>Storm</title>",
		       "<header><span class=\"today\">Wednesday, November 25, 2020</span></header>"
		       "<h1>Storm</h1><article><p>" P1 "</p><p>" P2 "</p></article>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_null(x.published);
	dyad_extract_release(&x);
	free(s);
}

static void test_no_date(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<title>Storm</title>", body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_null(x.published);
	assert_null(x.date_source);
	assert_true(x.date_confidence == 0);
	dyad_extract_release(&x);
	free(s);
	/* Today's date on the page (a site clock) is no publication date. */
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char head[160];
	strftime(head, sizeof head, "<meta name=\"date\" content=\"%Y-%m-%d\">", &tm);
	s = page(head, body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_null(x.published);
	dyad_extract_release(&x);
	free(s);
}

static void test_modified_vs_published(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<meta property=\"article:modified_time\" content=\"2016-01-02T10:00:00Z\">"
		       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		       "\"datePublished\":\"2015-10-21T08:00:00Z\",\"dateModified\":\"2016-01-02\","
		       "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"name\":\"Bo Chan\"}]}</script>",
		       body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.date_source, "json-ld");
	assert_string_equal(x.byline, "Ann Lee, Bo Chan");
	dyad_extract_release(&x);
	free(s);
	/* Only a modification date: kept, with low confidence. */
	s = page("<meta property=\"article:modified_time\" content=\"2016-01-02T10:00:00Z\">", body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2016-01-02");
	assert_true(x.date_confidence < 0.5);
	dyad_extract_release(&x);
	free(s);
}

static void test_url_date_and_limits(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("", body4);
	struct dyad_extract_hints h = {.url = "https://news.example.org/2015/10/21/storm-story"};
	assert_int_equal(run(s, &h, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.date_source, "url");
	assert_string_equal(x.url, h.url);
	assert_string_equal(x.outlet, "news.example.org");
	dyad_extract_release(&x);
	/* A date after the capture is not the publication date. */
	struct dyad_extract_hints h2 = {.url = h.url, .fetched = "2015-10-20T10:00:00Z"};
	assert_int_equal(run(s, &h2, &x), DYAD_OK);
	assert_null(x.published);
	dyad_extract_release(&x);
	/* The input's own date and outlet win. */
	struct dyad_extract_hints h3 = {.url = h.url, .published = "March 3, 2014",
					.outlet = "Example News"};
	assert_int_equal(run(s, &h3, &x), DYAD_OK);
	assert_string_equal(x.published, "2014-03-03");
	assert_string_equal(x.date_source, "input");
	assert_true(x.date_confidence == 1.0);
	assert_string_equal(x.outlet, "Example News");
	dyad_extract_release(&x);
	free(s);
}

static void test_byline_area_date(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("", "<h1>Storm</h1><div class=\"article-meta\">Updated 4 Nov 2015 | "
			   "Published 21 October 2015</div>"
			   "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	dyad_extract_release(&x);
	free(s);
	s = page("<link rel=\"canonical\" href=\"https://example.com/story\">",
		 "<h1>Storm</h1><p class=\"byline\">By <a rel=\"author\" href=\"/staff/sam\">Sam "
		 "Roe</a></p><div><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.byline, "Sam Roe");
	assert_string_equal(x.url, "https://example.com/story");
	dyad_extract_release(&x);
	free(s);
}

/* The date shown under the headline beats a metadata date that the page
 * never shows; a metadata date that the page also shows stays. */
static void test_headline_date(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		       "\"datePublished\":\"2015-10-02T08:00:00Z\"}</script>",
		       "<h1>Storm</h1><div class=\"post-date\">21 October 2015</div>"
		       "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	dyad_extract_release(&x);
	free(s);
	s = page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		 "\"datePublished\":\"2015-10-02T08:00:00Z\"}</script>",
		 "<div class=\"date\">2 October 2015</div><h1>Storm</h1>"
		 "<div class=\"post-date\">21 October 2015</div>"
		 "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-02");
	dyad_extract_release(&x);
	free(s);
}

/* A logo in an <h1> gives way to the headline that matches the <title>:
 * the text under the real headline, past a long menu, is read for a date. */
static void test_second_h1(void **state)
{
	(void)state;
	struct dyad_extract x;
	char body[8192] = "<h1>Courier</h1><ul>";
	for (int i = 0; i < 200; i++)
		strcat(body, "<li>Section</li>");
	strcat(body, "</ul><h1>Council splits over flood barrier</h1><p>Date: 21.10.2015</p>"
		     "<div><p>" P1 "</p><p>" P2 "</p></div>");
	char *s = page("<title>Council splits over flood barrier - Courier</title>", body);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.title, "Council splits over flood barrier");
	dyad_extract_release(&x);
	free(s);
}

/* An image filed by day is weak evidence, used when nothing else is
 * found; a day-first URL segment is a date. */
static void test_image_and_url_dates(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<meta property=\"og:image\" content=\"https://cdn.example.com/2015/10/21/a.jpg\">",
		       body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.date_source, "image");
	assert_true(x.date_confidence <= 0.5);
	dyad_extract_release(&x);
	free(s);
	s = page("<meta property=\"og:image\" content=\"https://cdn.example.com/2015/10/21/a.jpg\">"
		 "<meta name=\"date\" content=\"2015-11-02\">", body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-11-02");
	dyad_extract_release(&x);
	free(s);
	s = page("", body4);
	struct dyad_extract_hints h = {.url = "https://example.org/news/notes/21-10-2015"};
	assert_int_equal(run(s, &h, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	assert_string_equal(x.date_source, "url");
	dyad_extract_release(&x);
	free(s);
}

/* Dates in page scripts' state, found in one pass over the quotes. */
static void test_script_state_date(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<script>window.state={\"id\":7,\"title\":\"x\",\"publishDate\":"
		       "\"2015-10-21T08:00:00Z\"};</script>", body4);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	dyad_extract_release(&x);
	free(s);
}

/* data-* attributes: ISO text and Unix times (seconds, milliseconds). */
static void test_data_attr_dates(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("", "<h1>Storm</h1><div data-published=\"2015-10-21T08:00:00Z\">x</div>"
			   "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	dyad_extract_release(&x);
	free(s);
	/* 1445416200 is 2015-10-21 08:30 UTC. */
	s = page("", "<h1>Storm</h1><span data-timestamp=\"1445416200000\">x</span>"
		     "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	dyad_extract_release(&x);
	free(s);
	/* Not a date, and a number of the wrong length: nothing. */
	s = page("", "<h1>Storm</h1><span data-time=\"5 min\" data-timestamp=\"14454162\">x</span>"
		     "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_null(x.published);
	dyad_extract_release(&x);
	free(s);
}

/* <time> elements of a list of other stories disagree among themselves:
 * the shown date nearest the headline wins over them, even one too far
 * below it (50 elements) to count as the headline's own. */
static void test_listing_dates(void **state)
{
	(void)state;
	struct dyad_extract x;
	char body[4096] = "<h1>Storm</h1><div class=\"entry-content\"><p>" P1 "</p>";
	for (int i = 0; i < 50; i++)
		strcat(body, "<span>x</span>");
	strcat(body, "<div class=\"byline\">21 October 2015</div><p>" P2 "</p><p>" P3 "</p></div>"
		     "<div><time datetime=\"2015-11-02\">a</time><time datetime=\"2015-11-03\">b"
		     "</time><time datetime=\"2015-11-04\">c</time></div>");
	char *s = page("", body);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.published, "2015-10-21");
	dyad_extract_release(&x);
	free(s);
}

/* Extract head and body (hints h) and check the date (NULL: none) and,
 * when src is given, its source; returns the confidence. */
static double expect_date(const char *head, const char *body,
			  const struct dyad_extract_hints *h, const char *want, const char *src)
{
	struct dyad_extract x;
	char *s = page(head, body);
	assert_int_equal(run(s, h, &x), DYAD_OK);
	if (want)
		assert_string_equal(x.published, want);
	else
		assert_null(x.published);
	if (src)
		assert_string_equal(x.date_source, src);
	double conf = x.date_confidence;
	dyad_extract_release(&x);
	free(s);
	return conf;
}

/* The text under the headline shows the metadata's modification date: the
 * page presents its revised version under that date, unless the page also
 * shows the publication date next to the headline; with no modification
 * date in the metadata, a date in the text is no reason to leave it. */
static void test_revised_date(void **state)
{
	(void)state;
	static const char ld[] = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
				 "\"datePublished\":\"2015-10-02T08:00:00Z\","
				 "\"dateModified\":\"2015-11-20T08:00:00Z\"}</script>";
	static const char revised[] = "<h1>Storm</h1><p>Last revised on 20 November 2015.</p>"
				      "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>";
	assert_true(expect_date(ld, revised, NULL, "2015-11-20", "text") < 0.9);
	expect_date(ld,
		    "<h1>Storm</h1><time datetime=\"2015-10-02\" pubdate>2 Oct</time>"
		    "<p>Last revised on 20 November 2015.</p>"
		    "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>",
		    NULL, "2015-10-02", NULL);
	expect_date("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		    "\"datePublished\":\"2015-10-02T08:00:00Z\"}</script>",
		    "<h1>Storm</h1><p>The river rose on 20 November 2015.</p>"
		    "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>",
		    NULL, "2015-10-02", "json-ld");
	/* The input's own date is never overruled. */
	struct dyad_extract_hints h = {.published = "2015-10-01"};
	expect_date(ld, revised, &h, "2015-10-01", "input");
}

/* With no other evidence, a short line just above the headline gives its
 * date (a dateline or kicker); not a site header's date, not a long teaser,
 * not a line far above the headline. */
static void test_dateline_above_headline(void **state)
{
	(void)state;
	static const char title[] = "<title>Storm</title>";
	expect_date(title,
		    "<main><div class=\"kicker\">21.10.2015 | Press release</div>"
		    "<h1>Storm</h1><article><p>" P1 "</p><p>" P2 "</p></article></main>",
		    NULL, "2015-10-21", "text");
	expect_date(title,
		    "<div id=\"site-topbar\">Wednesday, 21 October 2015</div>"
		    "<h1>Storm</h1><article><p>" P1 "</p><p>" P2 "</p></article>",
		    NULL, NULL, NULL);
	expect_date(title,
		    "<div><p>On 21 October 2015 " P1 "</p></div>"
		    "<h1>Storm</h1><article><p>" P2 "</p><p>" P3 "</p></article>",
		    NULL, NULL, NULL);
	expect_date(title,
		    "<div>21.10.2015</div><ul><li><a>One</a></li><li><a>Two</a></li>"
		    "<li><a>Three</a></li></ul><h1>Storm</h1><article><p>" P2 "</p></article>",
		    NULL, NULL, NULL);
}

/* A publication label after its date (German word order) reads the date
 * nearest before it, also in a byline area too long to read whole. */
static void test_label_after_date(void **state)
{
	(void)state;
	expect_date("",
		    "<h1>Storm</h1><p class=\"postmeta\">Kategorie Wetter, Sturm, "
		    "Hochwasser, Deich, Rat, Gemeinde, Landwirtschaft, Umwelt, Verkehr, "
		    "Politik, Kommentare, Leserbriefe, Bilder, Videos, Archiv, Termine, "
		    "Service, Kontakt, Impressum, Datenschutz, Newsletter, Abo, Anzeigen, "
		    "Sport, Kultur, Wirtschaft, Region. Zuletzt am 5. Januar 2016 bearbeitet; "
		    "am Samstag, 13. Dezember 2015 um 10:00 Uhr ver\xc3\xb6" "ffentlicht.</p>"
		    "<div class=\"entry-content\"><p>" P1 "</p><p>" P2 "</p></div>",
		    NULL, "2015-12-13", "byline");
}

static void expect_dateline(const char *first, const char *want)
{
	struct dyad_extract x;
	size_t n = strlen(first) + 512;
	char *body = malloc(n);
	assert_non_null(body);
	snprintf(body, n, "<div><p>%s</p><p>" P2 "</p><p>" P3 "</p></div>", first);
	char *s = page("", body);
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	if (want)
		assert_string_equal(x.dateline, want);
	else
		assert_null(x.dateline);
	/* The paragraph itself is left intact. */
	assert_int_equal(strncmp(x.text, first, strlen(first)), 0);
	dyad_extract_release(&x);
	free(s);
	free(body);
}

static void test_dateline(void **state)
{
	(void)state;
	expect_dateline("ISLAMABAD: The government announced new measures on Monday to curb "
			"rising prices across the country.",
			"ISLAMABAD");
	expect_dateline("WASHINGTON (Reuters) - The Senate voted on Tuesday to extend the "
			"programme for another year.",
			"WASHINGTON");
	expect_dateline("Washington, Oct 21 (IANS) - The two leaders met for talks that "
			"lasted more than three hours.",
			"Washington, Oct 21");
	expect_dateline("BEIRUT \xe2\x80\x94 Lebanese banks reopened on Tuesday after a closure "
			"that lasted two weeks.",
			"BEIRUT");
	expect_dateline("NEW DELHI, Oct 21: The two ministers met for talks that lasted more "
			"than three hours.",
			"NEW DELHI, Oct 21");
	expect_dateline("The government announced new measures on Monday to curb rising "
			"prices across the country.",
			NULL);
}

static void test_entities(void **state)
{
	(void)state;
	struct dyad_extract x;
	char *s = page("<title>Caf&eacute; &amp; Bar &#8212; &quot;Reopened&quot;</title>",
		       "<div><p>The caf&eacute; &amp; bar re&shy;opened &mdash; at last &#x2014; said "
		       "&quot;Ren&eacute;e&quot;&nbsp;Martin, who has run it for thirty years.</p>"
		       "<p>" P2 "</p></div>");
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_string_equal(x.title, "Caf\xc3\xa9 & Bar \xe2\x80\x94 \"Reopened\"");
	assert_non_null(strstr(x.text, "The caf\xc3\xa9 & bar re"));
	assert_non_null(strstr(x.text, "\xe2\x80\x94 at last \xe2\x80\x94 said \"Ren\xc3\xa9" "e\" Martin"));
	dyad_extract_release(&x);
	free(s);
}

static void test_latin1_page(void **state)
{
	(void)state;
	struct dyad_extract x;
	/* Windows-1252 bytes without a declared charset become UTF-8. */
	const char *s = "<html><body><div><p>Stra\xdf" "e und Caf\xe9 \x96 eine Geschichte aus "
			"der Altstadt, erz\xe4hlt von den Leuten, die dort wohnen.</p></div></body></html>";
	assert_int_equal(run(s, NULL, &x), DYAD_OK);
	assert_non_null(strstr(x.text, "Stra\xc3\x9f" "e und Caf\xc3\xa9 \xe2\x80\x93 eine"));
	dyad_extract_release(&x);
}

static void test_empty(void **state)
{
	(void)state;
	struct dyad_extract x;
	assert_int_equal(run("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", NULL, &x),
			 DYAD_EEMPTY);
	assert_null(x.text);
	assert_null(x.title);
	dyad_extract_release(&x);
	/* Metadata survives a page without body text. */
	assert_int_equal(run("<html><head><title>Only A Title</title></head><body></body></html>",
			     NULL, &x),
			 DYAD_EEMPTY);
	assert_string_equal(x.title, "Only A Title");
	dyad_extract_release(&x);
	struct dyad_err err = {0};
	assert_int_equal(dyad_html_extract("", 0, NULL, &x, &err), DYAD_EEMPTY);
	int rc = dyad_html_extract("\x00\x01\x02", 3, NULL, &x, &err);
	assert_true(rc == DYAD_EEMPTY || rc == DYAD_EPARSE);
	dyad_extract_release(&x);
}

/* Every section of a review wears a class word that marks ads elsewhere:
 * the second pass, which trusts only tags and roles, still finds the text;
 * the navigation stays out. */
static void test_class_words_on_every_section(void **state)
{
	(void)state;
	static const char page[] =
		"<html><body><nav><a href=\"/\">Home</a> <a href=\"/tests\">All tests of the month</a></nav>"
		"<main><section class=\"review__part review__part--ads\"><h2>Build</h2><p>" P1 "</p></section>"
		"<section class=\"review__part review__part--ads\"><h2>Use</h2><p>" P2 "</p></section>"
		"<section class=\"review__part review__part--ads\"><h2>Price</h2><p>" P3 "</p></section>"
		"<section class=\"review__part review__part--ads\"><h2>Verdict</h2><p>" P4 "</p></section>"
		"</main></body></html>";
	struct dyad_extract x;
	assert_int_equal(run(page, NULL, &x), DYAD_OK);
	assert_non_null(strstr(x.text, P1));
	assert_non_null(strstr(x.text, P4));
	assert_null(strstr(x.text, "All tests of the month"));
	dyad_extract_release(&x);
}

/* An unclosed <h2> around the standfirst swallows the article's
 * paragraphs: they are still paragraphs, not heading text. */
static void test_unclosed_heading(void **state)
{
	(void)state;
	static const char page[] =
		"<html><body><main><h1>Council Splits Over Flood Barrier</h1>"
		"<h2 class=\"standfirst\">A short summary of the flood barrier dispute."
		"<div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p></div>"
		"</main><footer><p>Copyright The Valley Courier, all rights reserved.</p></footer>"
		"</body></html>";
	struct dyad_extract x;
	assert_int_equal(run(page, NULL, &x), DYAD_OK);
	assert_non_null(strstr(x.text, P1));
	assert_non_null(strstr(x.text, P4));
	assert_null(strstr(x.text, "Copyright"));
	dyad_extract_release(&x);
}

/* A lead in its own block right before the body container (no headline
 * between them) is kept; key-point bullets and prose further back are not. */
static void test_lead_before_body(void **state)
{
	(void)state;
	static const char page[] =
		"<html><body><div class=\"wrap\"><div class=\"other\"><p>Readers of the weekly edition also "
		"receive a printed guide to the valley's walking trails every spring.</p></div>"
		"<div class=\"notes\">Short label text that is long enough to stop the walk back</div>"
		"<ul class=\"points\"><li>The council voted to build the new flood barrier on the "
		"river after two years of debate.</li></ul>"
		"<div class=\"intro\">The flood barrier has divided the valley for two years, and "
		"the final vote on it is now only a few weeks away.</div>"
		"<div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p>"
		"<p>" P2 "</p><p>" P1 "</p><p>" P4 "</p><p>" P3 "</p>"
		"<p>" P3 "</p><p>" P4 "</p><p>" P1 "</p><p>" P2 "</p></div>"
		"</div></body></html>";
	struct dyad_extract x;
	assert_int_equal(run(page, NULL, &x), DYAD_OK);
	assert_non_null(strstr(x.text, "The flood barrier has divided the valley"));
	assert_non_null(strstr(x.text, P1));
	assert_null(strstr(x.text, "The council voted to build"));
	assert_null(strstr(x.text, "walking trails"));
	dyad_extract_release(&x);
}

/* The article's <header> (the one with the headline) is walked for its
 * lead: a long prose paragraph there is kept, a one-line dek and the
 * byline are not; the site header stays out. */
static void test_header_lead(void **state)
{
	(void)state;
	static const char page[] =
		"<html><body><header class=\"site\"><a href=\"/\">The Valley Courier</a> "
		"<p>Local news for the river valley, every day of the week since 1921.</p></header>"
		"<main><article><header><h1>Council Splits Over Flood Barrier</h1>"
		"<p class=\"dek\">A vote is weeks away.</p>"
		"<p class=\"lead\">After two years of hearings, petitions and surveys, the river council "
		"is split down the middle on the flood barrier, and neither side expects to win the "
		"vote by more than a seat.</p><p>By Jane Doe</p></header>"
		"<div class=\"story\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p><p>" P4 "</p></div>"
		"</article></main></body></html>";
	struct dyad_extract x;
	assert_int_equal(run(page, NULL, &x), DYAD_OK);
	assert_non_null(strstr(x.text, "After two years of hearings"));
	assert_true(strstr(x.text, "After two years of hearings") < strstr(x.text, P1));
	assert_null(strstr(x.text, "A vote is weeks away"));
	assert_null(strstr(x.text, "By Jane Doe"));
	assert_null(strstr(x.text, "since 1921"));
	dyad_extract_release(&x);
}

/* A sentence set as a heading (a pull quote, a dek in <h4>) stays even
 * with no text under it; a bare label heading before another heading goes. */
static void test_sentence_heading(void **state)
{
	(void)state;
	static const char page[] =
		"<html><body><article><div class=\"story\"><p>" P1 "</p><p>" P2 "</p>"
		"<h4>The barrier will be paid for by the county, the mayor said on Tuesday.</h4>"
		"<h3>Background</h3><h2>The vote</h2><p>" P3 "</p><p>" P4 "</p></div>"
		"</article></body></html>";
	struct dyad_extract x;
	assert_int_equal(run(page, NULL, &x), DYAD_OK);
	assert_non_null(strstr(x.text, "paid for by the county"));
	assert_null(strstr(x.text, "Background"));
	assert_non_null(strstr(x.text, "The vote"));
	dyad_extract_release(&x);
}

struct job {
	const char *want;  /* text of a single-threaded run */
	int bad;           /* runs that differed */
};

static void *worker(void *arg)
{
	struct job *j = arg;
	for (int i = 0; i < 40; i++) {
		struct dyad_extract x;
		if (run(page_clutter, NULL, &x) != DYAD_OK || !x.text || strcmp(x.text, j->want) != 0)
			j->bad++;
		dyad_extract_release(&x);
	}
	return NULL;
}

/* No hidden shared state: threads extracting at once agree with one. */
static void test_threads(void **state)
{
	(void)state;
	struct dyad_extract x;
	assert_int_equal(run(page_clutter, NULL, &x), DYAD_OK);
	struct job jobs[4];
	pthread_t th[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){x.text, 0};
		assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].bad, 0);
	}
	dyad_extract_release(&x);
}

/* evaluate.py's edge cases: fewer than 4 tokens make one shingle; an
 * empty prediction has no precision; identical texts score 1. */
static void test_scorer(void **state)
{
	(void)state;
	double p, r;
	dyad_score_shingles("a b c d e", "a b c d e", &p, &r);
	assert_true(p == 1.0 && r == 1.0);
	dyad_score_shingles("a b c d e", "", &p, &r);
	assert_true(p == -1 && r == 0.0);
	dyad_score_shingles("one two", "one two", &p, &r);
	assert_true(p == 1.0 && r == 1.0);
	dyad_score_shingles("a b c d e f", "a b c d x y", &p, &r);
	assert_true(p > 0.33 && p < 0.34 && r > 0.33 && r < 0.34);
	/* Unicode words: "Café" is one token, punctuation is not. */
	dyad_score_shingles("Caf\xc3\xa9 au lait, s'il", "Caf\xc3\xa9 au lait s il", &p, &r);
	assert_true(p == 1.0);
}

/* The scrapinghub benchmark, when the reference data is there: a floor a
 * little below the measured F1 (see eval/eval_extract.c). */
static void test_scrapinghub_floor(void **state)
{
	(void)state;
	const char *data = dyad_score_data_dir();
	char path[4096];
	snprintf(path, sizeof path, "%s/extraction/scrapinghub-aeb/ground-truth.json", data);
	json_t *gt = json_load_file(path, 0, NULL);
	if (!gt) {
		printf("skip: scrapinghub floor (no %s)\n", path);
		skip();
	}
	struct dyad_score_acc acc = {0};
	const char *id;
	json_t *v;
	json_object_foreach(gt, id, v) {
		snprintf(path, sizeof path, "%s/extraction/scrapinghub-aeb/html/%s.html.gz", data, id);
		size_t n;
		char *html = dyad_score_read_file(path, &n);
		struct dyad_extract x = {0};
		if (html)
			run(html, NULL, &x);
		dyad_score_acc_add(&acc, json_string_value(json_object_get(v, "articleBody")), x.text);
		dyad_extract_release(&x);
		free(html);
	}
	json_decref(gt);
	double p, r, f1;
	dyad_score_acc_result(&acc, &p, &r, &f1);
	assert_int_equal(acc.pages, 181);
	if (f1 < 0.94)
		fail_msg("scrapinghub F1 %.3f below the 0.94 floor", f1);
}

/* A NUL byte in the page (a stray one in a template) does not end it. */
static void test_nul_byte(void **state)
{
	(void)state;
	static const char page[] =
		"<html><head><title>Ferry Service Returns</title></head><body><div><a href=\"/\">"
		"<img src=\"b.gif\" alt=\"\" />\0\0\0\0\n</a></div>"
		"<article><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></article></body></html>";
	struct dyad_extract x = {0};
	struct dyad_err err = {0};
	assert_int_equal(dyad_html_extract(page, sizeof page - 1, NULL, &x, &err), DYAD_OK);
	assert_non_null(strstr(x.text, "final round of public hearings"));
	dyad_extract_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boilerplate_removed),
		cmocka_unit_test(test_title_suffix_and_prefix),
		cmocka_unit_test(test_banner_date_loses_to_meta),
		cmocka_unit_test(test_banner_date_alone_is_no_date),
		cmocka_unit_test(test_no_date),
		cmocka_unit_test(test_modified_vs_published),
		cmocka_unit_test(test_url_date_and_limits),
		cmocka_unit_test(test_byline_area_date),
		cmocka_unit_test(test_headline_date),
		cmocka_unit_test(test_second_h1),
		cmocka_unit_test(test_image_and_url_dates),
		cmocka_unit_test(test_script_state_date),
		cmocka_unit_test(test_data_attr_dates),
		cmocka_unit_test(test_listing_dates),
		cmocka_unit_test(test_revised_date),
		cmocka_unit_test(test_dateline_above_headline),
		cmocka_unit_test(test_label_after_date),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_latin1_page),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_class_words_on_every_section),
		cmocka_unit_test(test_unclosed_heading),
		cmocka_unit_test(test_lead_before_body),
		cmocka_unit_test(test_header_lead),
		cmocka_unit_test(test_sentence_heading),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_scorer),
		cmocka_unit_test(test_scrapinghub_floor),
		cmocka_unit_test(test_nul_byte),
	};
	return cmocka_run_group_tests_name("html_extract", tests, NULL, NULL);
}
