/* Calendar dates: parsing the many ways news pages write them. */
#ifndef DYAD_DATE_H
#define DYAD_DATE_H

#include "dyad_int.h"

struct dyad_date {
	int y, m, d;  /* 0 in y when no date */
};

/* 1 when y-m-d is a real calendar date between 1900 and 2100. */
bool dyad_date_valid(int y, int m, int d);

/* Parse s[0..n) as a whole as one date: ISO 8601 (with or without time and
 * zone), "2015-10-21", "21 October 2015", "Oct. 21, 2015", "Wednesday,
 * October 21, 2015 10:30 AM", "21/10/2015" (day first unless impossible),
 * "20151021", RFC 2822, German/French/Spanish month names. Returns true and
 * fills *out on success. */
bool dyad_date_parse(const char *s, size_t n, struct dyad_date *out);

/* Find the first complete date expression in free text s[0..n) (with a
 * year); on success fills *out and the match position. */
bool dyad_date_find(const char *s, size_t n, struct dyad_date *out,
		    size_t *match_off, size_t *match_len);

/* Find a date in a URL path (/2015/10/21/, /20151021/, /2015-10-21-slug).
 * A year and month without a day is not a date. */
bool dyad_date_from_url(const char *url, struct dyad_date *out);

/* Write "YYYY-MM-DD" and a NUL into out. */
void dyad_date_format(const struct dyad_date *d, char out[11]);

/* Days since 1970-01-01 of y-m-d (proleptic Gregorian; m 1-12). */
long long dyad_date_days(int y, int m, int d);

/* The civil date z days after 1970-01-01 into *out. */
void dyad_date_from_days(long long z, struct dyad_date *out);

/* Compare two dates: <0, 0, >0. */
int dyad_date_cmp(const struct dyad_date *a, const struct dyad_date *b);

#endif
