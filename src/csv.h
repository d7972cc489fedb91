/* CSV output (RFC 4180), shared by the exports and the query commands. */
#ifndef DYAD_CSV_H
#define DYAD_CSV_H

#include <stdio.h>

/* Write s to out as one CSV field: as it is, or in double quotes (quotes
 * doubled) when it holds a comma, quote or line break. */
void dyad_csv_field(FILE *out, const char *s);

#endif
