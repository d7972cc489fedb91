/* Calendar dates as news pages write them: ISO 8601, numeric day/month/year,
 * English, German, French, Spanish, Italian, Portuguese and Dutch month
 * names, CJK year/month/day marks, Unix timestamps, and dates in URL paths.
 * Written by hand: strptime() knows one locale and one fixed format at a time. */
#include "date.h"

#include <string.h>
#include <time.h>

bool dyad_date_valid(int y, int m, int d)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return true;
}

void dyad_date_format(const struct dyad_date *d, char out[11])
{
	unsigned y = (unsigned)d->y % 10000, m = (unsigned)d->m % 100, dd = (unsigned)d->d % 100;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
}

int dyad_date_cmp(const struct dyad_date *a, const struct dyad_date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	return a->d < b->d ? -1 : a->d > b->d;
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
/* Letters of any script: ASCII letters and every UTF-8 lead/continuation byte. */
static bool is_wordc(unsigned char c) { return is_alpha(c) || c >= 0x80; }
static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Month names, lower case; an entry matches when followed by a non-letter
 * (an optional '.' after it is consumed by the caller). Longer forms first so
 * that "sept" wins over "sep". */
struct month_name {
	const char *s;
	int m;
};
static const struct month_name months[] = {
	/* English */
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
	{"june", 6}, {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10},
	{"november", 11}, {"december", 12}, {"sept", 9}, {"jan", 1}, {"feb", 2},
	{"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
	{"oct", 10}, {"nov", 11}, {"dec", 12},
	/* German */
	{"januar", 1}, {"j\xc3\xa4nner", 1}, {"jaenner", 1}, {"februar", 2},
	{"m\xc3\xa4rz", 3}, {"maerz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7},
	{"oktober", 10}, {"dezember", 12}, {"m\xc3\xa4r", 3}, {"okt", 10}, {"dez", 12},
	/* French */
	{"janvier", 1}, {"f\xc3\xa9vrier", 2}, {"fevrier", 2}, {"mars", 3},
	{"avril", 4}, {"juin", 6}, {"juillet", 7}, {"ao\xc3\xbbt", 8}, {"aout", 8},
	{"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"d\xc3\xa9" "cembre", 12}, {"decembre", 12}, {"janv", 1},
	{"f\xc3\xa9vr", 2}, {"fevr", 2}, {"avr", 4}, {"juil", 7},
	{"d\xc3\xa9" "c", 12},
	/* Spanish */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
	{"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
	{"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
	{"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
	/* Italian */
	{"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
	{"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12},
	/* Portuguese */
	{"janeiro", 1}, {"fevereiro", 2}, {"mar\xc3\xa7o", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
	{"novembro", 11}, {"dezembro", 12},
	/* Dutch */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
	{"oktober", 10},
};

/* Length of the month name at s[0..n) (0 if none) and its number in *m. */
static size_t read_month(const char *s, size_t n, int *m)
{
	if (n == 0 || !is_wordc((unsigned char)s[0]))
		return 0;
	size_t wl = 0;
	while (wl < n && is_wordc((unsigned char)s[wl]))
		wl++;
	if (wl < 3 || wl > 12)
		return 0;
	char low[16];
	for (size_t i = 0; i < wl; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c | 0x20);
		else if (c == 0xc3 && i + 1 < wl && (unsigned char)s[i + 1] >= 0x80 &&
			 (unsigned char)s[i + 1] <= 0x9e) {
			/* Latin-1 capitals in UTF-8 (Ä, É...) fold by +0x20 on the trail byte. */
			low[i] = (char)c;
			low[i + 1] = (char)((unsigned char)s[i + 1] + 0x20);
			i++;
			continue;
		}
		low[i] = (char)c;
	}
	for (size_t k = 0; k < DYAD_ARRAY_LEN(months); k++) {
		size_t ml = strlen(months[k].s);
		if (ml == wl && memcmp(low, months[k].s, ml) == 0) {
			*m = months[k].m;
			return wl;
		}
	}
	return 0;
}

/* Read 1..maxd digits at s[i..n) that are not followed by another digit;
 * returns the digit count (0 if none or too long). */
static size_t read_num(const char *s, size_t n, size_t i, size_t maxd, int *v)
{
	size_t k = 0;
	int x = 0;
	while (i + k < n && is_digit((unsigned char)s[i + k])) {
		if (k == maxd)
			return 0;
		x = x * 10 + (s[i + k] - '0');
		k++;
	}
	*v = x;
	return k;
}

/* Skip an ordinal suffix after a day number: st nd rd th er e º . */
static size_t skip_ordinal(const char *s, size_t n, size_t i)
{
	static const char *suf[] = {"st", "nd", "rd", "th", "er", "e"};
	for (size_t k = 0; k < DYAD_ARRAY_LEN(suf); k++) {
		size_t l = strlen(suf[k]);
		if (i + l <= n && strncasecmp(s + i, suf[k], l) == 0 &&
		    (i + l == n || !is_wordc((unsigned char)s[i + l])))
			return i + l;
	}
	if (i + 2 <= n && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xba)
		return i + 2;
	if (i < n && s[i] == '.')
		return i + 1;
	return i;
}

/* Skip separators between date parts: spaces, commas, '-', '.', '/', and the
 * words "de", "of", "del". At most a few characters, so a date cannot be
 * assembled from far-apart numbers. */
static size_t skip_sep(const char *s, size_t n, size_t i)
{
	size_t start = i;
	for (;;) {
		while (i < n && i - start < 8 &&
		       (is_space((unsigned char)s[i]) || s[i] == ',' || s[i] == '-' ||
			s[i] == '.' || s[i] == '/'))
			i++;
		if (i + 3 <= n && (strncasecmp(s + i, "de", 2) == 0 ||
				   strncasecmp(s + i, "of", 2) == 0) &&
		    is_space((unsigned char)s[i + 2])) {
			i += 3;
			continue;
		}
		if (i + 4 <= n && strncasecmp(s + i, "del", 3) == 0 &&
		    is_space((unsigned char)s[i + 3])) {
			i += 4;
			continue;
		}
		return i;
	}
}

static bool year_ok(int y, size_t digits) { return digits == 4 && y >= 1900 && y <= 2100; }

/* A year of four digits at s[i..), not followed by a digit or letter. */
static size_t read_year(const char *s, size_t n, size_t i, int *y)
{
	size_t k = read_num(s, n, i, 4, y);
	if (!year_ok(*y, k))
		return 0;
	if (i + k < n && is_alpha((unsigned char)s[i + k]))
		return 0;
	return k;
}

/* Try every date form starting exactly at s[i]; on success store the date
 * and the end offset. */
static bool match_at(const char *s, size_t n, size_t i, struct dyad_date *out,
		     size_t *end)
{
	int a, b, c, m;
	size_t k, j;
	unsigned char ch = (unsigned char)s[i];

	if (is_digit(ch)) {
		k = read_num(s, n, i, 4, &a);
		if (k == 0)
			return false;
		j = i + k;
		if (k == 4 && j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
			/* Year first: 2015-10-21, 2015/10/21, 2015.10.21 */
			char sep = s[j];
			size_t k2 = read_num(s, n, j + 1, 2, &b);
			if (k2 && j + 1 + k2 < n && s[j + 1 + k2] == sep) {
				size_t k3 = read_num(s, n, j + 2 + k2, 2, &c);
				if (k3 && dyad_date_valid(a, b, c)) {
					*out = (struct dyad_date){a, b, c};
					*end = j + 2 + k2 + k3;
					return true;
				}
			}
			return false;
		}
		if (k == 4 && j < n && (unsigned char)s[j] == 0xe5) {
			/* 2015年10月21日 (年 = e5 b9 b4, 月 = e6 9c 88, 日 = e6 97 a5) */
			if (j + 3 <= n && memcmp(s + j, "\xe5\xb9\xb4", 3) == 0) {
				size_t p = j + 3;
				while (p < n && s[p] == ' ')
					p++;
				size_t k2 = read_num(s, n, p, 2, &b);
				if (k2 && p + k2 + 3 <= n &&
				    memcmp(s + p + k2, "\xe6\x9c\x88", 3) == 0) {
					size_t q = p + k2 + 3;
					while (q < n && s[q] == ' ')
						q++;
					size_t k3 = read_num(s, n, q, 2, &c);
					if (k3 && dyad_date_valid(a, b, c)) {
						*out = (struct dyad_date){a, b, c};
						*end = q + k3;
						if (*end + 3 <= n && memcmp(s + *end, "\xe6\x97\xa5", 3) == 0)
							*end += 3;
						return true;
					}
				}
			}
			return false;
		}
		if (k > 2 || a < 1 || a > 31)
			return false;
		/* Day or month first, numeric: 21/10/2015, 21.10.2015, 10-21-2015 */
		if (j < n && (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
			char sep = s[j];
			size_t k2 = read_num(s, n, j + 1, 2, &b);
			size_t p = j + 1 + k2;
			if (k2 && p < n && (s[p] == sep || (sep == '.' && s[p] == '.'))) {
				size_t q = p + 1;
				if (sep == '.' && q < n && s[q] == ' ')
					q++;
				size_t k3 = read_year(s, n, q, &c);
				if (k3) {
					/* Day first unless impossible. */
					if (dyad_date_valid(c, b, a))
						*out = (struct dyad_date){c, b, a};
					else if (dyad_date_valid(c, a, b))
						*out = (struct dyad_date){c, a, b};
					else
						return false;
					*end = q + k3;
					return true;
				}
			}
		}
		/* Day then month name: 21 October 2015, 21. Oktober 2015, 1er mars 2015 */
		size_t p = skip_ordinal(s, n, j);
		p = skip_sep(s, n, p);
		size_t ml = p < n ? read_month(s + p, n - p, &m) : 0;
		if (!ml)
			return false;
		p += ml;
		if (p < n && s[p] == '.')
			p++;
		size_t q = skip_sep(s, n, p);
		if (q == p)
			return false;
		size_t k3 = read_year(s, n, q, &c);
		if (k3 && dyad_date_valid(c, m, a)) {
			*out = (struct dyad_date){c, m, a};
			*end = q + k3;
			return true;
		}
		return false;
	}

	/* Month name first: Oct. 21, 2015 / October 21st 2015 / Oct 21 2015 */
	size_t ml = read_month(s + i, n - i, &m);
	if (!ml)
		return false;
	size_t p = i + ml;
	if (p < n && s[p] == '.')
		p++;
	size_t q = skip_sep(s, n, p);
	if (q == p)
		return false;
	k = read_num(s, n, q, 2, &a);
	if (k) {
		size_t r = skip_ordinal(s, n, q + k);
		size_t t = skip_sep(s, n, r);
		if (t == r)
			return false;
		size_t k3 = read_year(s, n, t, &c);
		if (k3 && dyad_date_valid(c, m, a)) {
			*out = (struct dyad_date){c, m, a};
			*end = t + k3;
			return true;
		}
	}
	return false;
}

bool dyad_date_find(const char *s, size_t n, struct dyad_date *out,
		    size_t *match_off, size_t *match_len)
{
	if (!s)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!is_digit(c) && !is_wordc(c))
			continue;
		if (i > 0) {
			unsigned char pc = (unsigned char)s[i - 1];
			/* Only at the start of a token. */
			if (is_digit(c) ? is_digit(pc) || is_alpha(pc) : is_wordc(pc) || is_digit(pc))
				continue;
		}
		if (c >= 0x80)
			continue; /* no month name starts with a non-ASCII letter */
		size_t end;
		if (match_at(s, n, i, out, &end)) {
			if (match_off)
				*match_off = i;
			if (match_len)
				*match_len = end - i;
			return true;
		}
	}
	return false;
}

/* Days since 1970-01-01 and civil dates, both ways (Howard Hinnant's
 * algorithms), so that timestamps convert without gmtime_r's dependence on
 * time_t width, and day arithmetic needs no struct tm. */
long long dyad_date_days(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void dyad_date_from_days(long long z, struct dyad_date *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = yoe + era * 400;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	long long dd = doy - (153 * mp + 2) / 5 + 1;
	long long mm = mp < 10 ? mp + 3 : mp - 9;
	d->y = (int)(y + (mm <= 2));
	d->m = (int)mm;
	d->d = (int)dd;
}

bool dyad_date_parse(const char *s, size_t n, struct dyad_date *out)
{
	if (!s)
		return false;
	while (n > 0 && is_space((unsigned char)s[0])) {
		s++;
		n--;
	}
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n > 200)
		return false;
	size_t nd = 0;
	while (nd < n && is_digit((unsigned char)s[nd]))
		nd++;
	if (nd == n && nd == 8) {
		/* 20151021 */
		int v = 0;
		for (size_t i = 0; i < 8; i++)
			v = v * 10 + (s[i] - '0');
		struct dyad_date d = {v / 10000, v / 100 % 100, v % 100};
		if (!dyad_date_valid(d.y, d.m, d.d))
			return false;
		*out = d;
		return true;
	}
	if (nd == n && (nd == 10 || nd == 13)) {
		/* Unix time in seconds or milliseconds. */
		long long t = 0;
		for (size_t i = 0; i < 10; i++)
			t = t * 10 + (s[i] - '0');
		struct dyad_date d;
		dyad_date_from_days(t / 86400, &d);
		if (!dyad_date_valid(d.y, d.m, d.d) || d.y < 1995)
			return false;
		*out = d;
		return true;
	}
	size_t off, len;
	if (!dyad_date_find(s, n, out, &off, &len))
		return false;
	/* As a whole: what precedes the date may only be a weekday or a label
	 * ("Wednesday, ", "Published: "), never other numbers. */
	for (size_t i = 0; i < off; i++)
		if (is_digit((unsigned char)s[i]))
			return false;
	return off <= 40;
}

/* A year 1990..2100 at u[i..i+4) not preceded by a digit. */
static bool url_year(const char *u, size_t n, size_t i, int *y)
{
	if (i + 4 > n || (i > 0 && is_digit((unsigned char)u[i - 1])))
		return false;
	int v = 0;
	for (size_t k = 0; k < 4; k++) {
		if (!is_digit((unsigned char)u[i + k]))
			return false;
		v = v * 10 + (u[i + k] - '0');
	}
	*y = v;
	return v >= 1990 && v <= 2100;
}

/* A whole path segment "/29-10-2021" (day first) at u[i..]. */
static bool url_dmy(const char *u, size_t n, size_t i, struct dyad_date *out)
{
	if (i == 0 || u[i - 1] != '/' || i + 10 > n)
		return false;
	char sep = u[i + 2];
	if ((sep != '-' && sep != '.') || u[i + 5] != sep)
		return false;
	for (size_t k = 0; k < 10; k++)
		if (k != 2 && k != 5 && !is_digit((unsigned char)u[i + k]))
			return false;
	char after = i + 10 < n ? u[i + 10] : '\0';
	if (after != '\0' && after != '/' && after != '?' && after != '#' && after != '.')
		return false;
	int d = (u[i] - '0') * 10 + (u[i + 1] - '0');
	int m = (u[i + 3] - '0') * 10 + (u[i + 4] - '0');
	int y = 0;
	for (size_t k = 6; k < 10; k++)
		y = y * 10 + (u[i + k] - '0');
	if (y < 1990 || !dyad_date_valid(y, m, d))
		return false;
	*out = (struct dyad_date){y, m, d};
	return true;
}

bool dyad_date_from_url(const char *url, struct dyad_date *out)
{
	if (!url)
		return false;
	size_t n = strlen(url);
	size_t i = 0;
	const char *scheme = strstr(url, "://");
	if (scheme) {
		/* Skip the host: its digits are not a date. */
		i = (size_t)(scheme - url) + 3;
		while (i < n && url[i] != '/')
			i++;
	}
	for (; i + 8 <= n; i++) {
		int y;
		if (url_dmy(url, n, i, out))
			return true;
		if (!url_year(url, n, i, &y))
			continue;
		size_t j = i + 4;
		char sep = url[j];
		if (sep == '/' || sep == '-' || sep == '_' || sep == '.') {
			int m, d;
			size_t k2 = read_num(url, n, j + 1, 2, &m);
			size_t p = j + 1 + k2;
			if (!k2 || p >= n || url[p] != sep)
				continue;
			size_t k3 = read_num(url, n, p + 1, 2, &d);
			if (!k3)
				continue;
			/* "/2023/10/3-questions": a one-digit number that starts
			 * a slug is not a day. */
			char after = p + 1 + k3 < n ? url[p + 1 + k3] : '\0';
			if (k3 == 1 && sep == '/' && after != '\0' && after != '/' && after != '?' &&
			    after != '#' && after != '.')
				continue;
			if (dyad_date_valid(y, m, d)) {
				*out = (struct dyad_date){y, m, d};
				return true;
			}
			continue;
		}
		/* 20151021 bounded by non-digits */
		if (i + 8 <= n && (i + 8 == n || !is_digit((unsigned char)url[i + 8]))) {
			int v = 0;
			bool ok = true;
			for (size_t k = 4; k < 8; k++) {
				if (!is_digit((unsigned char)url[i + k])) {
					ok = false;
					break;
				}
				v = v * 10 + (url[i + k] - '0');
			}
			if (ok && i > 0 && (url[i - 1] == '/' || url[i - 1] == '-' ||
					    url[i - 1] == '_' || url[i - 1] == '=') &&
			    dyad_date_valid(y, v / 100, v % 100)) {
				*out = (struct dyad_date){y, v / 100, v % 100};
				return true;
			}
		}
	}
	return false;
}
